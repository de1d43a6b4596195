import Testing
@testable import PaperExchange

@Suite struct MatchingEngineTests {
    let universe: InstrumentUniverse
    let aapl: Instrument

    init() throws {
        universe = try Fixtures.universe()
        aapl = try #require(universe.instrument(symbol: "AAPL"))
    }

    func place(
        _ engine: inout MatchingEngine, _ request: OrderRequest, _ quote: TopOfBook, _ context: inout FillContext
    ) -> [OrderOutcome] {
        Fixtures.place(&engine, request, quote, &context, in: universe)
    }

    func event(_ quote: TopOfBook, trade: Trade? = nil) -> MarketEvent {
        Fixtures.event(quote, trade: trade)
    }

    @Test func marketBuyFillsAtTheAskAfterPreSubmitted() {
        var engine = MatchingEngine()
        var context = Fixtures.context()
        let quote = Fixtures.quote(aapl, bid: "271.48", ask: "271.50")
        let outcomes = place(&engine, Fixtures.order(1, .buy, 100, .market), quote, &context)
        #expect(outcomes.count == 2)
        guard case .statusChanged(let accepted) = outcomes.first, case .filled(let fill) = outcomes.last else {
            Issue.record("unexpected outcomes \(outcomes)")
            return
        }
        #expect(accepted.status == .preSubmitted)
        #expect(fill.order.status == .filled)
        #expect(fill.execution.price == Fixtures.decimal("271.50"))
        #expect(fill.execution.side == "BOT")
        #expect(fill.execution.cumulativeQuantity == 100)
        #expect(fill.execution.lastLiquidity == 2)
        #expect(fill.order.averageFillPrice == Fixtures.decimal("271.50"))
        #expect(context.account.positions[aapl.conId]?.quantity == 100)
    }

    @Test func marketableLimitSellFillsAtTheBidNotTheLimit() {
        var engine = MatchingEngine()
        var context = Fixtures.context()
        let quote = Fixtures.quote(aapl, bid: "271.48", ask: "271.50")
        let outcomes = place(&engine, Fixtures.order(1, .sell, 100, .limit, limit: "271.00"), quote, &context)
        guard case .filled(let fill) = outcomes.last else { Issue.record("not filled: \(outcomes)"); return }
        #expect(fill.execution.price == Fixtures.decimal("271.48"))
        #expect(fill.execution.side == "SLD")
    }

    @Test func restingLimitWorksSubmittedThenFillsAtItsLimitWhenTheMarketCrosses() {
        var engine = MatchingEngine()
        var context = Fixtures.context()
        let quote = Fixtures.quote(aapl, bid: "271.48", ask: "271.50")
        let placed = place(&engine, Fixtures.order(1, .buy, 100, .limit, limit: "271.40"), quote, &context)
        #expect(placed.compactMap(\.order?.status) == [.preSubmitted, .submitted])
        let still = Fixtures.quote(aapl, bid: "271.40", ask: "271.42", at: Fixtures.t0.adding(milliseconds: 250))
        #expect(engine.handle(event(still), context: &context).isEmpty)
        let crossed = Fixtures.quote(aapl, bid: "271.37", ask: "271.39", at: Fixtures.t0.adding(milliseconds: 500))
        let outcomes = engine.handle(event(crossed), context: &context)
        guard case .filled(let fill) = outcomes.first else { Issue.record("not filled: \(outcomes)"); return }
        #expect(fill.execution.price == Fixtures.decimal("271.40"))
        #expect(fill.execution.lastLiquidity == 1)
        #expect(engine.openOrders.isEmpty)
    }

    @Test func restingLimitFillsOnATradeThroughItsPrice() {
        var engine = MatchingEngine()
        var context = Fixtures.context()
        _ = place(&engine, Fixtures.order(1, .sell, 300, .limit, limit: "271.60"),
                  Fixtures.quote(aapl, bid: "271.48", ask: "271.50"), &context)
        let quote = Fixtures.quote(aapl, bid: "271.55", ask: "271.59", at: Fixtures.t0.adding(milliseconds: 300))
        let outcomes = engine.handle(event(quote, trade: Trade(price: Fixtures.decimal("271.62"), size: 200)), context: &context)
        guard case .partiallyFilled(let fill) = outcomes.first else { Issue.record("no fill: \(outcomes)"); return }
        #expect(fill.execution.shares == 200)
        #expect(fill.execution.price == Fixtures.decimal("271.60"))
        #expect(fill.order.remainingQuantity == 100)
        #expect(fill.order.status == .submitted)
    }

    @Test func stopStaysPreSubmittedUntilTheLastTradeReachesIt() {
        var engine = MatchingEngine()
        var context = Fixtures.context()
        let placed = place(&engine, Fixtures.order(1, .buy, 100, .stop, stop: "272.00"),
                           Fixtures.quote(aapl, bid: "271.48", ask: "271.50", last: "271.49"), &context)
        #expect(placed.compactMap(\.order?.status) == [.preSubmitted])
        let below = Fixtures.quote(aapl, bid: "271.97", ask: "271.99", last: "271.99", at: Fixtures.t0.adding(milliseconds: 250))
        #expect(engine.handle(event(below), context: &context).isEmpty)
        let reached = Fixtures.quote(aapl, bid: "272.00", ask: "272.02", last: "272.00", at: Fixtures.t0.adding(milliseconds: 500))
        let outcomes = engine.handle(event(reached), context: &context)
        #expect(outcomes.count == 2)
        #expect(outcomes.first?.order?.status == .submitted)
        guard case .filled(let fill) = outcomes.last else { Issue.record("not filled: \(outcomes)"); return }
        #expect(fill.execution.price == Fixtures.decimal("272.02"))
    }

    @Test func triggeredStopLimitRestsWhenTheMarketRunsPastItsLimit() {
        var engine = MatchingEngine()
        var context = Fixtures.context()
        _ = place(&engine, Fixtures.order(1, .sell, 100, .stopLimit, limit: "270.90", stop: "271.00"),
                  Fixtures.quote(aapl, bid: "271.48", ask: "271.50"), &context)
        let gap = Fixtures.quote(aapl, bid: "270.80", ask: "270.82", last: "270.81", at: Fixtures.t0.adding(milliseconds: 250))
        let outcomes = engine.handle(event(gap), context: &context)
        #expect(outcomes.compactMap(\.order?.status) == [.submitted])
        #expect(engine.openOrders.first?.isTriggered == true)
        let back = Fixtures.quote(aapl, bid: "270.90", ask: "270.92", last: "270.90", at: Fixtures.t0.adding(milliseconds: 500))
        guard case .filled(let fill) = engine.handle(event(back), context: &context).first else {
            Issue.record("not filled")
            return
        }
        #expect(fill.execution.price == Fixtures.decimal("270.90"))
    }

    @Test func orderLargerThanTheDisplayedSizeFillsOverSeveralTicks() {
        var engine = MatchingEngine()
        var context = Fixtures.context()
        let first = place(&engine, Fixtures.order(1, .buy, 1000, .market),
                          Fixtures.quote(aapl, bid: "271.48", ask: "271.50", askSize: 400), &context)
        guard case .partiallyFilled(let one) = first.last else { Issue.record("no partial fill"); return }
        #expect(one.execution.shares == 400)
        #expect(one.order.status == .submitted)
        let second = engine.handle(event(Fixtures.quote(aapl, bid: "271.50", ask: "271.52", askSize: 300,
                                                        at: Fixtures.t0.adding(milliseconds: 250))), context: &context)
        guard case .partiallyFilled(let two) = second.first else { Issue.record("no second fill"); return }
        #expect(two.execution.cumulativeQuantity == 700)
        let third = engine.handle(event(Fixtures.quote(aapl, bid: "271.51", ask: "271.53", askSize: 900,
                                                       at: Fixtures.t0.adding(milliseconds: 500))), context: &context)
        guard case .filled(let three) = third.first else { Issue.record("not completed"); return }
        #expect(three.execution.shares == 300)
        // (400 × 271.50 + 300 × 271.52 + 300 × 271.53) / 1000 = 271.515
        #expect(three.order.averageFillPrice == Fixtures.decimal("271.515"))
        #expect(three.execution.execId.hasSuffix(".03.01"))
        #expect(Set(engine.executions.map(\.execId)).count == 3)
    }

    @Test func secondOrderCannotTakeSizeTheFirstAlreadyTookFromTheSameQuote() {
        var engine = MatchingEngine()
        var context = Fixtures.context()
        let quote = Fixtures.quote(aapl, bid: "271.48", ask: "271.50", askSize: 300)
        _ = place(&engine, Fixtures.order(1, .buy, 200, .market), quote, &context)
        let second = place(&engine, Fixtures.order(2, .buy, 200, .market), quote, &context)
        guard case .partiallyFilled(let fill) = second.last else { Issue.record("expected a partial fill"); return }
        #expect(fill.execution.shares == 100)
    }

    @Test func cancelReportsCancelledAndRefusesUnknownAndFinishedOrders() {
        var engine = MatchingEngine()
        var context = Fixtures.context()
        let quote = Fixtures.quote(aapl, bid: "271.48", ask: "271.50")
        _ = place(&engine, Fixtures.order(1, .buy, 100, .limit, limit: "270.00"), quote, &context)
        _ = place(&engine, Fixtures.order(2, .buy, 100, .market), quote, &context)
        guard case .cancelled(let order, _) = engine.cancel(orderId: 1).first else { Issue.record("not cancelled"); return }
        #expect(order.status == .cancelled)
        #expect(OrderOutcome.cancelText(reason: "") == "Order Canceled - reason:")
        guard case .rejected(let unknown) = engine.cancel(orderId: 99).first,
              case .rejected(let filled) = engine.cancel(orderId: 2).first
        else { Issue.record("expected rejections"); return }
        #expect(unknown.code == 10147)
        #expect(filled.code == 10148)
        #expect(filled.text == "OrderId 2 that needs to be cancelled cannot be cancelled, state: Filled.")
    }

    @Test func modifyingARestingLimitToMarketableFillsItUnderTheSameId() {
        var engine = MatchingEngine()
        var context = Fixtures.context()
        let quote = Fixtures.quote(aapl, bid: "271.48", ask: "271.50")
        _ = place(&engine, Fixtures.order(5, .buy, 100, .limit, limit: "270.00"), quote, &context)
        let permId = engine.orders[5]?.permId
        let outcomes = place(&engine, Fixtures.order(5, .buy, 100, .limit, limit: "271.50"), quote, &context)
        guard case .filled(let fill) = outcomes.last else { Issue.record("not filled: \(outcomes)"); return }
        #expect(fill.order.permId == permId)
        #expect(engine.orders.count == 1)
    }

    @Test func globalCancelCancelsEveryOpenOrder() {
        var engine = MatchingEngine()
        var context = Fixtures.context()
        let quote = Fixtures.quote(aapl, bid: "271.48", ask: "271.50")
        for id in 1...3 { _ = place(&engine, Fixtures.order(id, .buy, 100, .limit, limit: "260.00"), quote, &context) }
        let outcomes = engine.cancelAll()
        #expect(outcomes.compactMap(\.order?.orderId) == [1, 2, 3])
        #expect(engine.openOrders.isEmpty)
    }
}
