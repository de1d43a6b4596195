import Testing

@testable import TWSSession

@Suite struct MarketDataHealthMonitorTests {
    private let keys = (1...4).map { SubscriptionKey(rawValue: UInt64($0)) }

    @Test func resubscribesTheFeedsThatStaySilentAfterAFarmBlip() {
        var health = MarketDataHealthMonitor(grace: .seconds(10))
        _ = health.notice(code: 2104, text: "Market data farm connection is OK:usfarm", now: .origin, marketData: keys)
        #expect(health.nextDeadline == nil, "a start-up OK is not a blip")

        let broke = health.notice(code: 2103, text: "Market data farm connection is broken:usfarm", now: .seconds(100), marketData: keys)
        #expect(broke == [.farmChanged(FarmTransition(kind: .marketData, farm: "usfarm", from: .ok, to: .broken))])

        let back = health.notice(code: 2104, text: "Market data farm connection is OK:usfarm", now: .seconds(103), marketData: keys)
        #expect(back.contains(.watchingForSilentFeeds(count: 4, until: .seconds(113))))

        health.ticked(keys[0])
        health.ticked(keys[2])
        #expect(health.tick(now: .seconds(112)).isEmpty)
        #expect(health.tick(now: .seconds(113)) == [.resubscribeSilent([keys[1], keys[3]])])
        #expect(health.nextDeadline == nil)
        #expect(health.tick(now: .seconds(200)).isEmpty)
    }

    @Test func ticksBeforeTheRecoveryDoNotCount() {
        var health = MarketDataHealthMonitor(grace: .seconds(5))
        _ = health.notice(code: 2104, text: "OK:usfarm", now: .origin, marketData: keys)
        _ = health.notice(code: 2103, text: "broken:usfarm", now: .seconds(1), marketData: keys)
        health.ticked(keys[0])
        _ = health.notice(code: 2104, text: "OK:usfarm", now: .seconds(2), marketData: keys)
        #expect(health.tick(now: .seconds(7)) == [.resubscribeSilent(keys)])
    }

    @Test func aFeedWhoseSubscriptionEndedIsNotReported() {
        var health = MarketDataHealthMonitor(grace: .seconds(5))
        _ = health.notice(code: 1102, text: "Connectivity restored - data maintained", now: .origin, marketData: keys)
        health.subscriptionRemoved(keys[1])
        for key in [keys[0], keys[2], keys[3]] { health.ticked(key) }
        #expect(health.tick(now: .seconds(5)).isEmpty)
    }

    @Test func lossThenRestoredWithDataLostResubscribesAllMarketData() {
        var health = MarketDataHealthMonitor()
        let lost = health.notice(code: 1100, text: "Connectivity between IB and TWS has been lost.", now: .seconds(1), marketData: keys)
        #expect(lost == [.markAllQuotesNotLive])
        #expect(!health.isServerLinkUp)
        let restored = health.notice(code: 1101, text: "Connectivity restored - data lost.", now: .seconds(30), marketData: keys)
        #expect(restored == [.resubscribeAllMarketData])
        #expect(health.isServerLinkUp)
        #expect(health.nextDeadline == nil)
    }

    @Test func lossThenRestoredWithDataKeptKeepsSubscriptionsButWatchesThem() {
        var health = MarketDataHealthMonitor(grace: .seconds(10))
        #expect(health.notice(code: 1100, text: "lost", now: .seconds(1), marketData: keys) == [.markAllQuotesNotLive])
        let restored = health.notice(code: 1102, text: "Connectivity restored - data maintained.", now: .seconds(20), marketData: keys)
        #expect(restored == [.watchingForSilentFeeds(count: 4, until: .seconds(30))])
        for key in keys { health.ticked(key) }
        #expect(health.tick(now: .seconds(30)).isEmpty, "every feed ticked: nothing to resubscribe")
    }

    @Test func aLossDuringAWatchCancelsItAndFarmRecoveriesWaitForTheLinkToReturn() {
        var health = MarketDataHealthMonitor(grace: .seconds(10))
        _ = health.notice(code: 2104, text: "OK:usfarm", now: .origin, marketData: keys)
        _ = health.notice(code: 2103, text: "broken:usfarm", now: .seconds(1), marketData: keys)
        _ = health.notice(code: 2104, text: "OK:usfarm", now: .seconds(2), marketData: keys)
        #expect(health.nextDeadline == .seconds(12))

        _ = health.notice(code: 1100, text: "lost", now: .seconds(3), marketData: keys)
        #expect(health.nextDeadline == nil)
        #expect(health.tick(now: .seconds(12)).isEmpty)

        _ = health.notice(code: 2103, text: "broken:usfarm", now: .seconds(4), marketData: keys)
        let recovery = health.notice(code: 2104, text: "OK:usfarm", now: .seconds(5), marketData: keys)
        #expect(recovery.count == 1, "no watch while TWS has no link to IB")
    }

    @Test func aSecondBlipExtendsTheWatchAndKeepsTheStillSilentFeeds() {
        var health = MarketDataHealthMonitor(grace: .seconds(10))
        _ = health.notice(code: 2104, text: "OK:usfarm", now: .origin, marketData: keys)
        _ = health.notice(code: 2104, text: "OK:eufarm", now: .origin, marketData: keys)
        _ = health.notice(code: 2103, text: "broken:usfarm", now: .seconds(1), marketData: keys)
        _ = health.notice(code: 2104, text: "OK:usfarm", now: .seconds(2), marketData: keys)
        health.ticked(keys[0])
        _ = health.notice(code: 2103, text: "broken:eufarm", now: .seconds(6), marketData: keys)
        _ = health.notice(code: 2104, text: "OK:eufarm", now: .seconds(8), marketData: keys)
        #expect(health.nextDeadline == .seconds(18))
        health.ticked(keys[1])
        #expect(health.tick(now: .seconds(12)).isEmpty)
        #expect(health.tick(now: .seconds(18)) == [.resubscribeSilent([keys[0], keys[2], keys[3]])])
    }

    @Test func resetForgetsFarmsAndWatches() {
        var health = MarketDataHealthMonitor()
        _ = health.notice(code: 1100, text: "lost", now: .origin, marketData: keys)
        _ = health.notice(code: 2104, text: "OK:usfarm", now: .origin, marketData: keys)
        health.reset()
        #expect(health.isServerLinkUp)
        #expect(health.farms.farms.isEmpty)
    }
}
