import Testing
import Vocabulary
@testable import Dashboard

/// A tracker connected, with AAPL (stock, 5 s threshold) subscribed at t = 0 on ticker id 1.
private func connectedTracker() -> FreshnessTracker {
    var tracker = FreshnessTracker(connection: .connected)
    tracker.subscribe("AAPL", requestID: 1, instrumentClass: .stock, at: t(0))
    return tracker
}

/// A monotonic instant `milliseconds` after the origin.
private func t(_ milliseconds: Int64) -> SessionInstant { SessionInstant(offset: .milliseconds(milliseconds)) }
/// The same moment on both clocks (the wall clock at the epoch plus `milliseconds`).
private func t(_ milliseconds: Int64) -> EventTime {
    EventTime(instant: SessionInstant(offset: .milliseconds(milliseconds)), wall: Timestamp(millisecondsSinceEpoch: milliseconds))
}
private func tick(_ price: Double = 231.40) -> QuoteUpdate { QuoteUpdate(symbol: "AAPL", bid: price - 0.01, ask: price + 0.01, last: price) }

@Suite struct FreshnessTrackerTests {
    @Test func reportsNoDataWhileSubscribedWithoutAnyTick() {
        let tracker = connectedTracker()
        #expect(tracker.freshness(of: "AAPL", at: t(60_000))?.state == .noData)
        #expect(tracker.freshness(of: "AAPL", at: t(60_000))?.age == nil)
        #expect(tracker.freshness(of: "MSFT", at: t(0)) == nil)
    }

    @Test(arguments: [
        (Int64(0), Freshness.live), (2_500, .live), (2_501, .aging), (5_000, .aging), (5_001, .stale), (47_000, .stale),
    ])
    func classifiesByAgeWithExactThresholdEdges(ageMilliseconds: Int64, expected: Freshness) {
        var tracker = connectedTracker()
        tracker.apply(tick(), at: t(1_000))
        #expect(tracker.freshness(of: "AAPL", at: t(1_000 + ageMilliseconds))?.state == expected)
    }

    @Test func keepsTheLastPriceAndCountsTheAgeWhileStale() {
        var tracker = connectedTracker()
        tracker.apply(tick(231.40), at: t(1_000))
        let freshness = tracker.freshness(of: "AAPL", at: t(48_000))
        #expect(freshness?.state == .stale)
        #expect(freshness?.age == .seconds(47))
        #expect(freshness?.label == "stale 47 s")
        #expect(tracker.tracked("AAPL")?.quote.last == 231.40)
    }

    @Test func returnsToLiveWhenATickArrivesAfterAStall() {
        var tracker = connectedTracker()
        tracker.apply(tick(), at: t(1_000))
        #expect(tracker.freshness(of: "AAPL", at: t(20_000))?.state == .stale)
        tracker.apply(QuoteUpdate(symbol: "AAPL", last: 231.50), at: t(20_000))
        #expect(tracker.freshness(of: "AAPL", at: t(20_000))?.state == .live)
        #expect(tracker.tracked("AAPL")?.quote.bid == 231.40 - 0.01)
    }

    @Test func usesTheSymbolOverrideBeforeTheClassThreshold() {
        var tracker = FreshnessTracker(
            policy: StalenessPolicy(symbolThresholds: ["AAPL": .seconds(2)]), connection: .connected)
        tracker.subscribe("AAPL", requestID: 1, at: t(0))
        tracker.subscribe("EURUSD", requestID: 2, instrumentClass: .forex, at: t(0))
        tracker.apply(tick(), at: t(0))
        tracker.apply(QuoteUpdate(symbol: "EURUSD", bid: 1.08), at: t(0))
        #expect(tracker.freshness(of: "AAPL", at: t(2_001))?.state == .stale)
        #expect(tracker.freshness(of: "EURUSD", at: t(5_000))?.state == .live)
        #expect(tracker.freshness(of: "EURUSD", at: t(5_001))?.state == .aging)
        #expect(tracker.freshness(of: "EURUSD", at: t(10_001))?.state == .stale)
    }

    @Test(arguments: [(MarketDataType.delayed, Freshness.delayed), (.delayedFrozen, .delayed), (.frozen, .frozen), (.live, .live)])
    func followsTheServedMarketDataType(type: MarketDataType, expected: Freshness) {
        var tracker = connectedTracker()
        tracker.apply(QuoteUpdate(symbol: "AAPL", marketDataType: type), at: t(0))
        tracker.apply(tick(), at: t(100))
        #expect(tracker.freshness(of: "AAPL", at: t(200))?.state == expected)
    }

    @Test func marksDelayedOnNotice10167AndClearsWhenLiveIsServed() {
        var tracker = connectedTracker()
        tracker.apply(Notice(requestID: 1, code: 10167), at: t(0))
        #expect(tracker.freshness(of: "AAPL", at: t(100))?.state == .noData)
        tracker.apply(tick(), at: t(300))
        #expect(tracker.freshness(of: "AAPL", at: t(400))?.state == .delayed)
        #expect(tracker.freshness(of: "AAPL", at: t(400))?.reasonCode == 10167)
        #expect(tracker.tracked("AAPL")?.lastGoodTickWall == nil)
        tracker.apply(QuoteUpdate(symbol: "AAPL", marketDataType: .live), at: t(500))
        #expect(tracker.freshness(of: "AAPL", at: t(500))?.state == .live)
    }

    @Test func marksHaltedOnTick49AboveZeroAndLiveAgainAtZero() {
        var tracker = connectedTracker()
        tracker.apply(tick(), at: t(0))
        tracker.apply(QuoteUpdate(symbol: "AAPL", haltedValue: 1), at: t(100))
        #expect(tracker.freshness(of: "AAPL", at: t(60_000))?.state == .halted)
        tracker.apply(QuoteUpdate(symbol: "AAPL", haltedValue: 0), at: t(60_000))
        tracker.apply(tick(231.45), at: t(60_000))
        #expect(tracker.freshness(of: "AAPL", at: t(60_000))?.state == .live)
    }

    @Test(arguments: [354, 10089, 10168, 10186, 10197])
    func reportsNoEntitlementForEntitlementErrors(code: Int) {
        var tracker = connectedTracker()
        tracker.apply(tick(), at: t(0))
        tracker.apply(Notice(requestID: 1, code: code), at: t(100))
        let freshness = tracker.freshness(of: "AAPL", at: t(200))
        #expect(freshness?.state == .noEntitlement)
        #expect(freshness?.reasonCode == code)
    }

    @Test(arguments: [10090, 10091])
    func keepsStreamingWithMissingFieldsOnPartialEntitlement(code: Int) {
        var tracker = connectedTracker()
        tracker.apply(tick(), at: t(0))
        tracker.apply(Notice(requestID: 1, code: code), at: t(100))
        let freshness = tracker.freshness(of: "AAPL", at: t(200))
        #expect(freshness?.state == .live)
        #expect(freshness?.hasMissingFields == true)
    }

    @Test func ignoresNoticesForOtherRequestsAndHealthNotices() {
        var tracker = connectedTracker()
        tracker.apply(tick(), at: t(0))
        tracker.apply(Notice(requestID: 99, code: 354), at: t(100))
        tracker.apply(Notice(code: 2104), at: t(100))
        tracker.apply(Notice(code: 2108), at: t(100))
        #expect(tracker.freshness(of: "AAPL", at: t(200))?.state == .live)
    }

    @Test func appliesASessionWide10197ToEveryQuote() {
        var tracker = connectedTracker()
        tracker.subscribe("MSFT", requestID: 2, at: t(0))
        tracker.apply(Notice(code: 10197), at: t(100))
        #expect(tracker.counts(at: t(200))[.noEntitlement] == 2)
    }

    @Test func acceptsDelayedTicksThatFollow10089() {
        var tracker = connectedTracker()
        tracker.apply(Notice(requestID: 1, code: 10089), at: t(0))
        tracker.apply(QuoteUpdate(symbol: "AAPL", marketDataType: .delayed), at: t(100))
        tracker.apply(tick(), at: t(400))
        #expect(tracker.freshness(of: "AAPL", at: t(500))?.state == .delayed)
    }

    @Test func tellsAStallFromAnEntitlementErrorFromADeadConnection() {
        var tracker = connectedTracker()
        tracker.subscribe("MSFT", requestID: 2, at: t(0))
        tracker.subscribe("NVDA", requestID: 3, at: t(0))
        tracker.apply(tick(), at: t(0))
        tracker.apply(QuoteUpdate(symbol: "NVDA", last: 120), at: t(9_000))
        tracker.apply(Notice(requestID: 2, code: 354), at: t(0))
        #expect(tracker.freshness(of: "AAPL", at: t(10_000))?.state == .stale)
        #expect(tracker.freshness(of: "MSFT", at: t(10_000))?.state == .noEntitlement)
        #expect(tracker.freshness(of: "NVDA", at: t(10_000))?.state == .live)
        tracker.apply(Notice(code: 1100), at: t(10_000))
        #expect(tracker.counts(at: t(10_000))[.disconnected] == 3)
        #expect(tracker.freshness(of: "NVDA", at: t(10_000))?.reasonCode == 1100)
    }

    @Test func staysStaleAfter1102UntilAFreshTickArrives() {
        var tracker = connectedTracker()
        tracker.apply(tick(), at: t(0))
        tracker.apply(Notice(code: 1100), at: t(1_000))
        #expect(tracker.connection == .linkLost)
        #expect(tracker.freshness(of: "AAPL", at: t(1_000))?.state == .disconnected)
        tracker.apply(Notice(code: 1102), at: t(30_000))
        #expect(tracker.connection == .connected)
        let waiting = tracker.freshness(of: "AAPL", at: t(30_000))
        #expect(waiting?.state == .stale)
        #expect(waiting?.reasonCode == 1102)
        #expect(waiting?.label == "stale 30 s")
        tracker.apply(tick(), at: t(30_200))
        #expect(tracker.freshness(of: "AAPL", at: t(30_200))?.state == .stale, "the same values again are no proof of life")
        #expect(tracker.freshness(of: "AAPL", at: t(30_200))?.label == "stale 30 s", "the age counts from the last change")
        tracker.apply(tick(231.41), at: t(30_500))
        #expect(tracker.freshness(of: "AAPL", at: t(30_500))?.state == .live)
    }

    @Test func requiresResubscriptionAfter1101AndAFreshTickAfterIt() {
        var tracker = connectedTracker()
        tracker.subscribe("MSFT", requestID: 2, at: t(0))
        tracker.apply(tick(), at: t(0))
        tracker.apply(Notice(code: 1100), at: t(1_000))
        tracker.apply(Notice(code: 1101), at: t(2_000))
        #expect(tracker.freshness(of: "AAPL", at: t(2_000))?.state == .stale)
        #expect(tracker.freshness(of: "AAPL", at: t(2_000))?.reasonCode == 1101)
        #expect(tracker.freshness(of: "MSFT", at: t(2_000))?.state == .noData)
        tracker.subscribe("AAPL", requestID: 11, at: t(2_100))
        #expect(tracker.freshness(of: "AAPL", at: t(2_200))?.state == .stale)
        #expect(tracker.tracked("AAPL")?.quote.last == 231.40)
        tracker.apply(tick(232), at: t(2_300))
        #expect(tracker.freshness(of: "AAPL", at: t(2_300))?.state == .live)
        #expect(tracker.symbol(forRequestID: 11) == "AAPL")
        #expect(tracker.symbol(forRequestID: 1) == nil)
    }

    @Test func treats2110LikeALostLink() {
        var tracker = connectedTracker()
        tracker.apply(tick(), at: t(0))
        tracker.apply(Notice(code: 2110), at: t(100))
        #expect(tracker.freshness(of: "AAPL", at: t(100))?.state == .disconnected)
    }

    @Test func marksEveryQuoteDisconnectedWhenTheSocketDropsAndNeedsResubscriptionAfterReconnect() {
        var tracker = connectedTracker()
        tracker.apply(tick(), at: t(0))
        tracker.connectionChanged(to: .disconnected, at: t(1_000))
        #expect(tracker.freshness(of: "AAPL", at: t(5_000))?.label == "disconnected 5 s")
        tracker.connectionChanged(to: .connecting, at: t(6_000))
        #expect(tracker.freshness(of: "AAPL", at: t(6_000))?.state == .disconnected)
        tracker.connectionChanged(to: .connected, at: t(7_000))
        #expect(tracker.freshness(of: "AAPL", at: t(7_000))?.state == .stale)
        tracker.subscribe("AAPL", requestID: 21, at: t(7_100))
        #expect(tracker.freshness(of: "AAPL", at: t(7_200))?.state == .stale)
        tracker.apply(tick(), at: t(7_250))
        #expect(tracker.freshness(of: "AAPL", at: t(7_250))?.state == .stale, "a resubscription repeating the values is no proof")
        tracker.apply(tick(231.45), at: t(7_300))
        #expect(tracker.freshness(of: "AAPL", at: t(7_300))?.state == .live)
    }

    @Test func onlyIBsRestoreNoticeEndsALostLinkNotTheSocketStateAgain() {
        var tracker = connectedTracker()
        tracker.apply(tick(), at: t(0))
        tracker.connectionChanged(to: .linkLost, at: t(100))
        tracker.connectionChanged(to: .connected, at: t(200))
        #expect(tracker.freshness(of: "AAPL", at: t(300))?.state == .disconnected)
        tracker.apply(Notice(code: 1102), at: t(400))
        #expect(tracker.freshness(of: "AAPL", at: t(500))?.state == .stale)
    }

    @Test func marksDisconnectedOn1300() {
        var tracker = connectedTracker()
        tracker.apply(Notice(code: 1300, text: "port 4003"), at: t(0))
        #expect(tracker.connection == .disconnected)
    }

    @Test func clearsEntitlementErrorsOnResubscription() {
        var tracker = connectedTracker()
        tracker.apply(Notice(requestID: 1, code: 354), at: t(0))
        tracker.subscribe("AAPL", requestID: 5, at: t(1_000))
        #expect(tracker.freshness(of: "AAPL", at: t(1_000))?.state == .noData)
    }

    @Test func ignoresUpdatesForUnsubscribedSymbolsAndForgetsUnsubscribedOnes() {
        var tracker = connectedTracker()
        tracker.apply(QuoteUpdate(symbol: "ZZZZ", last: 1), at: t(0))
        #expect(tracker.tracked("ZZZZ") == nil)
        tracker.unsubscribe("AAPL")
        #expect(tracker.freshness(of: "AAPL", at: t(0)) == nil)
        #expect(tracker.symbol(forRequestID: 1) == nil)
    }

    @Test func doesNotTreatADataTypeNotificationAsATick() {
        var tracker = connectedTracker()
        tracker.apply(QuoteUpdate(symbol: "AAPL", marketDataType: .live), at: t(0))
        #expect(tracker.freshness(of: "AAPL", at: t(0))?.state == .noData)
    }

    @Test func countsQuotesPerStateForTheStatusBar() {
        var tracker = connectedTracker()
        tracker.subscribe("MSFT", requestID: 2, at: t(0))
        tracker.subscribe("NVDA", requestID: 3, at: t(0))
        tracker.apply(tick(), at: t(0))
        tracker.apply(Notice(requestID: 2, code: 354), at: t(0))
        let counts = tracker.counts(at: t(1_000))
        #expect(counts[.live] == 1)
        #expect(counts[.noEntitlement] == 1)
        #expect(counts[.noData] == 1)
        #expect(counts.total == 3)
        #expect(counts.summary == "LIVE 1 · NO ENTITLEMENT 1 · NO DATA 1")
    }

    @Test func givesTheLastGoodQuoteTimeToExplain354() {
        var tracker = connectedTracker()
        tracker.apply(tick(), at: t(52_267_000))
        tracker.apply(Notice(requestID: 1, code: 354), at: t(52_300_000))
        let context = tracker.messageContext(for: Notice(requestID: 1, code: 354), at: Timestamp(millisecondsSinceEpoch: 52_314_000))
        #expect(context.symbol == "AAPL")
        #expect(context.lastGoodQuoteDescription == "14:31:07 UTC (47 s ago)")
    }

    @Test func showsEveryDisconnectedQuoteAsDisconnectedBeforeTheFirstConnection() {
        var tracker = FreshnessTracker()
        tracker.subscribe("AAPL", requestID: 1, at: t(0))
        #expect(tracker.freshness(of: "AAPL", at: t(0))?.state == .disconnected)
    }

    @Test(arguments: [(Int64(0), "0 s"), (59, "59 s"), (127, "2 min 07 s"), (3_900, "1 h 05 min"), (273_600, "3 d 04 h"), (-5, "0 s")])
    func formatsAgesCompactly(seconds: Int64, expected: String) {
        #expect(AgeFormatter.format(.seconds(seconds)) == expected)
    }
}

/// The promise across reconnects: evidence, on the monotonic clock, in the order it was observed.
@Suite struct FreshnessEvidenceTests {
    private func live() -> FreshnessTracker {
        var tracker = connectedTracker()
        tracker.apply(tick(478.42), at: t(1_000))
        return tracker
    }

    @Test func aFrozenQuoteStaysStaleAtItsTrueAgeAfterAReconnectThatRepeatsIt() {
        var tracker = live()
        tracker.connectionChanged(to: .disconnected, at: t(15_000))
        tracker.connectionChanged(to: .connecting, at: t(15_100))
        tracker.connectionChanged(to: .connected, at: t(15_300))
        tracker.apply(QuoteUpdate(symbol: "AAPL", marketDataType: .live), at: t(15_400))
        tracker.apply(tick(478.42), at: t(15_450))
        let freshness = tracker.freshness(of: "AAPL", at: t(19_000))
        #expect(freshness?.state == .stale)
        #expect(freshness?.age == .seconds(18), "the age counts from the last real change, 18 s before")
    }

    @Test func aLateTickOfTheClosedConnectionIsNotNewsOfTheNewOne() {
        var tracker = live()
        tracker.connectionChanged(to: .disconnected, at: t(5_000))
        tracker.connectionChanged(to: .connected, at: t(6_000))
        // Read at 4.9 s on the old connection, applied after the reconnect.
        tracker.apply(tick(479), at: t(4_900))
        #expect(tracker.freshness(of: "AAPL", at: t(6_100))?.state == .stale)
        #expect(tracker.tracked("AAPL")?.quote.last == 479, "its values are still the latest known")
        tracker.apply(tick(479.5), at: t(6_200))
        #expect(tracker.freshness(of: "AAPL", at: t(6_200))?.state == .live)
    }

    @Test func aLinkLossReportedOnTheNewConnectionSurvivesTheConnectionEventAppliedAfterIt() {
        var tracker = live()
        tracker.connectionChanged(to: .disconnected, at: t(12_000))
        // The new connection came up at 12.8 s and TWS said 2110 at 12.9 s; the notice stream
        // delivered it before the connection stream delivered the connection.
        tracker.apply(Notice(code: 2110), at: t(12_900))
        tracker.connectionChanged(to: .connected, at: t(12_800))
        #expect(tracker.connection == .linkLost)
        #expect(tracker.freshness(of: "AAPL", at: t(13_000))?.state == .disconnected)
        tracker.apply(Notice(code: 1101), at: t(40_000))
        #expect(tracker.connection == .connected)
        #expect(tracker.freshness(of: "AAPL", at: t(40_000))?.state == .stale)
    }

    @Test func aLinkLossOfTheOldConnectionIsForgottenByANewOne() {
        var tracker = live()
        tracker.apply(Notice(code: 1100), at: t(10_000))
        tracker.connectionChanged(to: .disconnected, at: t(12_000))
        tracker.connectionChanged(to: .connected, at: t(12_800))
        #expect(tracker.connection == .connected)
    }

    @Test func aBrokenFarmTakesItsQuotesOffLiveUntilAChangeArrivesAfterIt() {
        var tracker = live()
        tracker.subscribe("EURUSD", requestID: 2, instrumentClass: .forex, at: t(0))
        tracker.apply(QuoteUpdate(symbol: "EURUSD", bid: 1.08), at: t(1_000))
        tracker.apply(Notice(code: 2103, text: "Market data farm connection is broken:usfarm"), at: t(2_000))
        #expect(tracker.brokenFarms.keys.sorted() == ["usfarm"])
        #expect(tracker.freshness(of: "AAPL", at: t(2_000))?.state == .stale)
        #expect(tracker.freshness(of: "AAPL", at: t(2_000))?.reasonCode == 2103)
        #expect(tracker.freshness(of: "EURUSD", at: t(2_000))?.state == .live, "usfarm does not feed currencies")
        tracker.apply(Notice(code: 2104, text: "Market data farm connection is OK:usfarm"), at: t(3_000))
        #expect(tracker.brokenFarms.isEmpty)
        #expect(tracker.freshness(of: "AAPL", at: t(3_000))?.state == .stale, "OK is no tick")
        tracker.apply(tick(478.50), at: t(3_100))
        #expect(tracker.freshness(of: "AAPL", at: t(3_100))?.state == .live)
    }

    @Test func anUnreadableTickKeepsTheQuoteOffLiveUntilAReadableChange() {
        var tracker = live()
        tracker.apply(Notice(requestID: 1, code: 508, text: "IB sent a market-data message ibterm could not read"), at: t(1_500))
        #expect(tracker.freshness(of: "AAPL", at: t(1_600))?.state == .stale)
        tracker.apply(tick(478.43), at: t(1_700))
        #expect(tracker.freshness(of: "AAPL", at: t(1_700))?.state == .live)
    }
}
