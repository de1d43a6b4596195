import Foundation
import Testing
@testable import PaperExchange
import Vocabulary

@Suite struct PaperExchangeTests {
    let universe: InstrumentUniverse

    init() throws {
        universe = try Fixtures.universe()
    }

    private func exchange(seed: UInt64 = 42, start: Timestamp = Fixtures.t0) -> PaperMarket {
        PaperMarket(universe: universe, configuration: .init(seed: seed), start: start)
    }

    @Test func positionsEqualTheSumOfExecutionsAfterARandomOrderFlow() {
        var exchange = exchange()
        var random = Xoshiro256StarStar(seed: 11)
        let symbols = ["AAPL", "MSFT", "SPY", "TSLA"]
        var now = Fixtures.t0
        for id in 1...120 {
            now = now.adding(milliseconds: 500)
            _ = exchange.advance(to: now)
            let symbol = symbols[random.nextInt(in: 0...3)]
            let quote = exchange.quote(conId: universe.instrument(symbol: symbol)!.conId)!
            let action: OrderAction = random.nextBool(probability: 0.5) ? .buy : .sell
            let quantity = 100 * random.nextInt(in: 1...20)
            let limit = action == .buy ? quote.bid : quote.ask
            let type: OrderType = random.nextBool(probability: 0.5) ? .market : .limit
            _ = exchange.place(
                Fixtures.order(id, symbol, action, quantity, type, limit: type == .limit ? limit.description : nil),
                at: now)
        }
        _ = exchange.advance(to: now.adding(milliseconds: 30_000))
        var sums: [Int: Int] = [:]
        for execution in exchange.engine.executions { sums[execution.instrument.conId, default: 0] += execution.signedShares }
        let positions = Dictionary(uniqueKeysWithValues: exchange.account.positions.map { ($0.key, $0.value.quantity) })
        #expect(!exchange.engine.executions.isEmpty)
        #expect(positions.filter { $0.value != 0 } == sums.filter { $0.value != 0 })
        for order in exchange.engine.orders.values {
            let filled = exchange.engine.executions.filter { $0.orderId == order.orderId }.map(\.shares).reduce(0, +)
            #expect(filled == order.filledQuantity)
        }
    }

    @Test func sameSeedAndCallsGiveTheSameOutcomes() {
        func run() -> [OrderOutcome] {
            var exchange = exchange(seed: 77)
            var outcomes = exchange.place(Fixtures.order(1, .buy, 5000, .market), at: Fixtures.t0)
            outcomes += exchange.place(Fixtures.order(2, .sell, 100, .stop, stop: "271.00"), at: Fixtures.t0)
            for step in 1...40 { outcomes += exchange.advance(to: Fixtures.t0.adding(milliseconds: Int64(step) * 250)).orderOutcomes }
            return outcomes
        }
        #expect(run() == run())
    }

    @Test func gtcSurvivesTheDayRollWhileDayOrdersExpire() {
        // One minute before midnight in New York (05:00 UTC).
        let start = Timestamp(secondsSinceEpoch: 1_764_046_740)
        var exchange = exchange(start: start)
        _ = exchange.place(Fixtures.order(1, .buy, 100, .limit, limit: "200.00", tif: .day), at: start)
        _ = exchange.place(Fixtures.order(2, .buy, 100, .limit, limit: "200.00", tif: .goodTillCancelled), at: start)
        let beforeMidnight = exchange.advance(to: Timestamp(secondsSinceEpoch: 1_764_046_799))
        #expect(!beforeMidnight.sessionStarted)
        #expect(exchange.openOrders.map(\.orderId) == [1, 2])
        let afterMidnight = exchange.advance(to: Timestamp(secondsSinceEpoch: 1_764_046_801))
        #expect(afterMidnight.sessionStarted)
        let cancelled = afterMidnight.orderOutcomes.compactMap { outcome -> Int? in
            if case .cancelled(let order, _) = outcome { return order.orderId }
            return nil
        }
        #expect(cancelled == [1])
        #expect(exchange.openOrders.map(\.orderId) == [2])
        #expect(exchange.account.realizedPNLToday == .zero)
    }

    @Test func dailyPNLRestartsAtTheSessionStart() {
        var exchange = exchange()
        _ = exchange.place(Fixtures.order(1, .buy, 1000, .market), at: Fixtures.t0)
        _ = exchange.advance(to: Fixtures.t0.adding(milliseconds: 60_000))
        _ = exchange.beginSession(at: Fixtures.t0.adding(milliseconds: 60_000))
        #expect(exchange.summary().dailyPNL == .zero)
        #expect(exchange.portfolio().allSatisfy { $0.dailyPNL == .zero })
    }

    @Test func snapshotRoundTripsThroughCodableAndRestoresGTCOrders() throws {
        var exchange = exchange()
        _ = exchange.place(Fixtures.order(1, .buy, 100, .market), at: Fixtures.t0)
        _ = exchange.place(Fixtures.order(2, .sell, 100, .limit, limit: "400.00", tif: .goodTillCancelled), at: Fixtures.t0)
        let snapshot = exchange.snapshot()
        let data = try JSONEncoder().encode(snapshot)
        let decoded = try JSONDecoder().decode(PaperExchangeSnapshot.self, from: data)
        #expect(decoded == snapshot)
        #expect(decoded.nextValidOrderId == 3)
        let restored = PaperMarket(
            universe: universe, configuration: .init(seed: 1), restoring: decoded,
            start: Fixtures.t0.adding(milliseconds: 3_600_000))
        #expect(restored.openOrders.map(\.orderId) == [2])
        #expect(restored.account == exchange.account)
        #expect(restored.engine.nextExecutionSequence == 2)
        #expect(restored.nextValidOrderId == 3)
    }

    @Test func fillsCarryACommissionReportForTheirExecution() throws {
        var exchange = exchange()
        let outcomes = exchange.place(Fixtures.order(1, .buy, 100, .market), at: Fixtures.t0)
        guard case .filled(let fill) = outcomes.last else { Issue.record("not filled"); return }
        #expect(fill.commission.execId == fill.execution.execId)
        #expect(fill.commission.commission == Fixtures.decimal("0.37"))
        #expect(fill.commission.currency == "USD")
        #expect(fill.commission.realizedPNL == nil)
        #expect(exchange.summary().totalCashValue
            == FixedDecimal(1_000_000) - fill.execution.price * 100 - Fixtures.decimal("0.37"))
    }
}
