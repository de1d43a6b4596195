import Testing
@testable import Dashboard
import Vocabulary

private func quote(_ symbol: String, last: Double?, close: Double?) -> WatchedQuote {
    var quote = WatchedQuote(symbol: symbol)
    quote.last = last
    quote.close = close
    return quote
}

@Suite struct PnLSnapshotTests {
    @Test func takesEveryValueFromTheGatewayWhenPresent() {
        let snapshot = PnLSnapshot(
            account: AccountPnL(daily: 125.5, unrealized: -40, realized: 12.25),
            positions: [PositionHolding(symbol: "AAPL", quantity: 10, averageCost: 200)],
            quotes: ["AAPL": quote("AAPL", last: 231.40, close: 230)])
        #expect(snapshot.daily == PnLValue(amount: 125.5, source: .gateway))
        #expect(snapshot.unrealized.display == "-40.00")
        #expect(snapshot.realized.labelledDisplay == "+12.25 (gateway)")
    }

    @Test func computesFromPositionsAndQuotesWhenTheGatewayHasNoValue() {
        let snapshot = PnLSnapshot(
            account: AccountPnL(daily: nil, unrealized: nil, realized: nil),
            positions: [
                PositionHolding(symbol: "AAPL", quantity: 10, averageCost: 200),
                PositionHolding(symbol: "TSLA", quantity: -5, averageCost: 250),
            ],
            quotes: ["AAPL": quote("AAPL", last: 231.40, close: 230), "TSLA": quote("TSLA", last: 240, close: 245)])
        // Daily: (231.40 − 230) × 10 + (240 − 245) × −5 = 14 + 25 = 39.
        #expect(snapshot.daily.source == .computed)
        #expect(snapshot.daily.display == "+39.00")
        // Unrealized: (231.40 − 200) × 10 + (240 − 250) × −5 = 314 + 50 = 364.
        #expect(snapshot.unrealized.display == "+364.00")
        #expect(snapshot.realized == .unavailable)
        #expect(snapshot.realized.display == "—")
    }

    @Test func showsSentinelsAsADashNeverAsZero() {
        let snapshot = PnLSnapshot(account: nil, positions: [
            PositionHolding(symbol: "AAPL", quantity: 10, averageCost: 200),
        ], quotes: [:])
        #expect(snapshot.daily.display == "—")
        #expect(snapshot.unrealized.display == "—")
        #expect(snapshot.daily.source == .unavailable)
        #expect(PnLValue(amount: nil, source: .gateway).source == .unavailable)
        #expect(PnLValue(amount: .infinity, source: .gateway).display == "—")
    }

    @Test func neverShowsAPartialSumAsTheTotal() {
        let snapshot = PnLSnapshot(account: nil, positions: [
            PositionHolding(symbol: "AAPL", quantity: 10, averageCost: 200),
            PositionHolding(symbol: "MSFT", quantity: 10, averageCost: 400),
        ], quotes: ["AAPL": quote("AAPL", last: 231.40, close: 230)])
        #expect(snapshot.unrealized == .unavailable)
    }

    @Test func sumsPerPositionGatewayValuesWhenEveryPositionHasThem() {
        let snapshot = PnLSnapshot(account: AccountPnL(daily: nil, unrealized: nil, realized: nil), positions: [
            PositionHolding(symbol: "AAPL", quantity: 10, averageCost: 200, gatewayPnL: AccountPnL(daily: 1, unrealized: 2, realized: 3)),
            PositionHolding(symbol: "MSFT", quantity: 10, averageCost: 400, gatewayPnL: AccountPnL(daily: 10, unrealized: 20, realized: nil)),
        ], quotes: [:])
        #expect(snapshot.daily == PnLValue(amount: 11, source: .gateway))
        #expect(snapshot.unrealized == PnLValue(amount: 22, source: .gateway))
        #expect(snapshot.realized == .unavailable)
    }

    @Test func appliesTheMultiplierForDerivatives() {
        let snapshot = PnLSnapshot(account: nil, positions: [
            PositionHolding(symbol: "AAPL  250117C00230000", quantity: 2, averageCost: 350, multiplier: 100),
        ], quotes: ["AAPL  250117C00230000": quote("AAPL  250117C00230000", last: 4.00, close: 3.80)])
        #expect(snapshot.unrealized.display == "+100.00")
        #expect(snapshot.daily.display == "+40.00")
    }

    @Test(arguments: [(0.004, "0.00"), (-0.004, "0.00"), (0.005, "+0.01"), (-1234.5, "-1234.50"), (7, "+7.00")])
    func formatsAmountsToCents(amount: Double, expected: String) {
        #expect(PnLValue(amount: amount, source: .computed).display == expected)
    }
}

@Suite struct PnLHistoryTests {
    private func snapshot(_ daily: Double?) -> PnLSnapshot {
        PnLSnapshot(daily: PnLValue(amount: daily, source: .gateway), unrealized: .unavailable, realized: .unavailable)
    }

    @Test func keepsAtMostCapacitySamples() {
        var history = PnLHistory(capacity: 3, minimumSpacing: .seconds(1))
        for second in 0..<5 { history.record(snapshot(Double(second)), at: Timestamp(secondsSinceEpoch: Int64(second))) }
        #expect(history.values == [2, 3, 4])
    }

    @Test func updatesTheLastSampleWithinTheMinimumSpacing() {
        var history = PnLHistory(capacity: 10, minimumSpacing: .seconds(15))
        history.record(snapshot(1), at: Timestamp(secondsSinceEpoch: 0))
        history.record(snapshot(2), at: Timestamp(secondsSinceEpoch: 5))
        history.record(snapshot(3), at: Timestamp(secondsSinceEpoch: 14))
        history.record(snapshot(4), at: Timestamp(secondsSinceEpoch: 15))
        #expect(history.values == [3, 4])
        #expect(history.samples.map(\.time) == [Timestamp(secondsSinceEpoch: 0), Timestamp(secondsSinceEpoch: 15)])
    }

    @Test func skipsSnapshotsWithoutADailyValue() {
        var history = PnLHistory()
        history.record(snapshot(nil), at: Timestamp(secondsSinceEpoch: 0))
        #expect(history.samples.isEmpty)
    }
}
