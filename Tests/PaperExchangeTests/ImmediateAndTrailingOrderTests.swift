import Testing
@testable import PaperExchange
import Vocabulary

/// IOC and FOK at arrival; TRAIL and TRAIL LIMIT following the market.
@Suite struct ImmediateAndTrailingOrderTests {
    let universe: InstrumentUniverse
    let aapl: Instrument

    init() throws {
        universe = try Fixtures.universe()
        aapl = try #require(universe.instrument(symbol: "AAPL"))
    }

    func quote(_ bid: String, _ ask: String, last: String? = nil, bidSize: Int = 500, askSize: Int = 500, step: Int64 = 0) -> TopOfBook {
        Fixtures.quote(aapl, bid: bid, ask: ask, bidSize: bidSize, askSize: askSize, last: last, at: Fixtures.t0.adding(milliseconds: step * 250))
    }

    @Test func iocFillsWhatItCanAndCancelsTheRest() {
        var engine = MatchingEngine()
        var context = Fixtures.context()
        let outcomes = Fixtures.place(&engine, Fixtures.order(1, .buy, 800, .limit, limit: "271.50", tif: .immediateOrCancel),
                                      quote("271.48", "271.50", askSize: 300), &context, in: universe)
        let filled = outcomes.compactMap { if case let .partiallyFilled(f) = $0 { f.execution.shares } else { nil } }
        #expect(filled == [300])
        guard case let .cancelled(order, reason) = outcomes.last else { Issue.record("not cancelled: \(outcomes)"); return }
        #expect(order.filledQuantity == 300 && reason.contains("500"))
        #expect(engine.openOrders.isEmpty)
    }

    @Test func fokFillsWholeOrNotAtAll() {
        var engine = MatchingEngine()
        var context = Fixtures.context()
        let thin = Fixtures.place(&engine, Fixtures.order(1, .buy, 800, .market, tif: .fillOrKill),
                                  quote("271.48", "271.50", askSize: 300), &context, in: universe)
        #expect(thin.allSatisfy { if case .partiallyFilled = $0 { false } else if case .filled = $0 { false } else { true } })
        guard case .cancelled = thin.last else { Issue.record("not cancelled: \(thin)"); return }
        #expect(context.account.positions[aapl.conId] == nil)
        let deep = Fixtures.place(&engine, Fixtures.order(2, .buy, 200, .market, tif: .fillOrKill),
                                  quote("271.48", "271.50", askSize: 300), &context, in: universe)
        guard case let .filled(fill) = deep.last else { Issue.record("not filled: \(deep)"); return }
        #expect(fill.order.filledQuantity == 200)
        // FOK is for MKT and LMT only.
        let stop = Fixtures.place(&engine, Fixtures.order(3, .buy, 100, .stop, stop: "280.00", tif: .fillOrKill),
                                  quote("271.48", "271.50"), &context, in: universe)
        guard case .rejected = stop.last else { Issue.record("not rejected: \(stop)"); return }
    }

    @Test func aTrailingSellStopFollowsTheMarketUpAndFiresOnTheWayDown() {
        var engine = MatchingEngine()
        var context = Fixtures.context()
        var request = Fixtures.order(1, .sell, 100, .trail)
        request.auxPrice = Fixtures.decimal("1.00")
        _ = Fixtures.place(&engine, request, quote("271.48", "271.50", last: "271.50"), &context, in: universe)
        #expect(engine.openOrders.first?.trailStop == Fixtures.decimal("270.50"))
        // Up 2: the stop follows to 272.50; a trade at 273.00 leaves it there.
        _ = engine.handle(Fixtures.event(quote("273.48", "273.50", last: "273.50", step: 1)), context: &context)
        #expect(engine.openOrders.first?.trailStop == Fixtures.decimal("272.50"))
        _ = engine.handle(Fixtures.event(quote("272.98", "273.00", last: "273.00", step: 2)), context: &context)
        #expect(engine.openOrders.first?.trailStop == Fixtures.decimal("272.50"))
        #expect(engine.openOrders.first?.status.isWorking == true)
        // Down through the stop: it becomes a market sell at the bid.
        let fired = engine.handle(Fixtures.event(quote("272.28", "272.30", last: "272.30", step: 3)), context: &context)
        guard case let .filled(fill) = fired.last else { Issue.record("not filled: \(fired)"); return }
        #expect(fill.execution.price == Fixtures.decimal("272.28"))
        #expect(engine.openOrders.isEmpty)
    }

    @Test func aTrailLimitTriggersToALimitOffsetFromTheStop() {
        var engine = MatchingEngine()
        var context = Fixtures.context()
        var request = Fixtures.order(1, .buy, 100, .trailLimit)
        request.trailingPercent = Fixtures.decimal("1")
        request.limitPriceOffset = Fixtures.decimal("0.10")
        _ = Fixtures.place(&engine, request, quote("199.98", "200.00", last: "200.00"), &context, in: universe)
        // 1 % of 200.00 is 2.00: the buy stop starts at 202.00 and follows the market down.
        #expect(engine.openOrders.first?.trailStop == Fixtures.decimal("202.00"))
        _ = engine.handle(Fixtures.event(quote("197.98", "198.00", last: "198.00", step: 1)), context: &context)
        #expect(engine.openOrders.first?.trailStop == Fixtures.decimal("199.98"))
        // Through the stop: a limit at 199.98 + 0.10 = 200.08, marketable at 200.05.
        let fired = engine.handle(Fixtures.event(quote("200.03", "200.05", last: "200.05", step: 2)), context: &context)
        guard case let .filled(fill) = fired.last else { Issue.record("not filled: \(fired)"); return }
        #expect(fill.execution.price == Fixtures.decimal("200.05"))
    }

    @Test func refusesATrailWithoutItsAmountOrWithBoth() {
        var engine = MatchingEngine()
        var context = Fixtures.context()
        let none = Fixtures.place(&engine, Fixtures.order(1, .sell, 100, .trail), quote("271.48", "271.50"), &context, in: universe)
        guard case .rejected = none.last else { Issue.record("not rejected: \(none)"); return }
        var both = Fixtures.order(2, .sell, 100, .trail, stop: "1.00")
        both.trailingPercent = Fixtures.decimal("1")
        let refused = Fixtures.place(&engine, both, quote("271.48", "271.50"), &context, in: universe)
        guard case .rejected = refused.last else { Issue.record("not rejected: \(refused)"); return }
    }
}
