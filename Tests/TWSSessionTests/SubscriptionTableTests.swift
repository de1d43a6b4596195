import Testing

@testable import TWSSession

@Suite struct SubscriptionTableTests {
    @Test func defersSubscriptionsUntilTheConnectionIsLiveThenSendsThemInOrder() {
        var ids = RequestIDAllocator(range: 1000...9999)
        var table = SubscriptionTable<String>()
        let aapl = table.add(.marketData, request: "AAPL", ids: &ids)
        let pnl = table.add(.profitAndLoss, request: "DU1", ids: &ids)
        #expect(aapl.requestID == nil && pnl.requestID == nil)

        let plan = table.resubscribeAll(ids: &ids)
        #expect(plan.map(\.request) == ["AAPL", "DU1"])
        #expect(plan.map(\.requestID) == [1000, 1001])
        #expect(plan.allSatisfy { $0.cancelRequestID == nil })
        #expect(table.subscription(forRequestID: 1000)?.key == aapl.key)

        let msft = table.add(.marketData, request: "MSFT", ids: &ids)
        #expect(msft.requestID == 1002, "a live table sends new subscriptions at once")
    }

    @Test func resubscribesEverySubscriptionAfterAReconnectWithFreshIDsAndNoDuplicateOrLoss() {
        var ids = RequestIDAllocator(range: 1000...9999)
        var table = SubscriptionTable<String>()
        _ = table.resubscribeAll(ids: &ids)
        let keys = ["AAPL", "MSFT", "IBM"].map { table.add(.marketData, request: $0, ids: &ids).key }
        let account = table.add(.accountUpdates, request: "DU1", ids: &ids).key
        let removed = table.add(.marketData, request: "TSLA", ids: &ids)
        #expect(table.remove(removed.key)?.requestID == removed.requestID)
        let oldIDs = Set(table.subscriptions.compactMap(\.requestID))

        table.connectionLost()
        #expect(table.subscription(forRequestID: 1000) == nil)
        #expect(table.subscriptions.allSatisfy { $0.requestID == nil })
        let late = table.add(.profitAndLossSingle, request: "AAPL-PnL", ids: &ids)
        #expect(late.requestID == nil)

        let plan = table.resubscribeAll(ids: &ids)
        #expect(plan.map(\.key) == keys + [account, late.key])
        #expect(plan.map(\.request) == ["AAPL", "MSFT", "IBM", "DU1", "AAPL-PnL"])
        #expect(Set(plan.map(\.requestID)).count == plan.count)
        #expect(Set(plan.map(\.requestID)).isDisjoint(with: oldIDs))
        for step in plan {
            #expect(table.subscription(forRequestID: step.requestID)?.key == step.key)
        }
    }

    @Test func resubscribingSilentFeedsNamesTheOldIDToCancelAndStopsRoutingIt() {
        var ids = RequestIDAllocator(range: 1...100)
        var table = SubscriptionTable<String>()
        _ = table.resubscribeAll(ids: &ids)
        let aapl = table.add(.marketData, request: "AAPL", ids: &ids)
        let msft = table.add(.marketData, request: "MSFT", ids: &ids)

        let plan = table.resubscribe([msft.key, SubscriptionKey(rawValue: 999)], ids: &ids)
        #expect(plan.count == 1)
        #expect(plan[0].cancelRequestID == msft.requestID)
        #expect(plan[0].requestID == 3)
        #expect(table.subscription(forRequestID: msft.requestID!) == nil)
        #expect(table.subscription(forRequestID: 3)?.request == "MSFT")
        #expect(table.subscription(forRequestID: aapl.requestID!)?.request == "AAPL")
    }

    @Test func resubscribesOnlyMarketDataWhenAskedByKind() {
        var ids = RequestIDAllocator(range: 1...100)
        var table = SubscriptionTable<String>()
        _ = table.resubscribeAll(ids: &ids)
        _ = table.add(.marketData, request: "AAPL", ids: &ids)
        _ = table.add(.positions, request: "all", ids: &ids)
        _ = table.add(.marketData, request: "MSFT", ids: &ids)
        let plan = table.resubscribe(kind: .marketData, ids: &ids)
        #expect(plan.map(\.request) == ["AAPL", "MSFT"])
        #expect(table.keys(of: .positions).count == 1)
    }

    @Test func plansNothingForIndividualFeedsWhileTheConnectionIsDown() {
        var ids = RequestIDAllocator(range: 1...100)
        var table = SubscriptionTable<String>()
        _ = table.resubscribeAll(ids: &ids)
        let aapl = table.add(.marketData, request: "AAPL", ids: &ids)
        table.connectionLost()
        #expect(table.resubscribe([aapl.key], ids: &ids).isEmpty)
        #expect(ids.nextID == 2, "no id is spent while down")
    }
}
