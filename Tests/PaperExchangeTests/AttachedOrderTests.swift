import Testing
@testable import PaperExchange

/// (MatchingEngineTests) Attached and linked orders as TWS runs them: a bracket's children wait for the parent's
/// fill and die with it, one-cancels-all groups cancel or reduce, `transmit` false holds.
extension MatchingEngineTests {
    private func attached(_ request: OrderRequest, parent: Int = 0, transmit: Bool = true, oca: String = "", type: Int = 0) -> OrderRequest {
        var request = request
        request.attachment = OrderAttachment(parentId: parent, transmit: transmit, ocaGroup: oca, ocaType: type)
        return request
    }

    /// A bracket as IB's clients send it: parent and take-profit with transmit false, the
    /// stop-loss last with transmit true.
    private func bracket(
        _ engine: inout MatchingEngine, parent: OrderRequest, quote: TopOfBook, _ context: inout FillContext
    ) {
        _ = place(&engine, attached(parent, transmit: false), quote, &context)
        // A take-profit SELL LMT below the bid: marketable the moment it works.
        _ = place(&engine, attached(Fixtures.order(2, .sell, 100, .limit, limit: "271.00"), parent: 1, transmit: false), quote, &context)
        _ = place(&engine, attached(Fixtures.order(3, .sell, 100, .stop, stop: "260.00"), parent: 1), quote, &context)
    }

    @Test func aBracketsChildrenWaitForTheParentAndAreCancelledWithIt() {
        var engine = MatchingEngine()
        var context = Fixtures.context()
        let quote = Fixtures.quote(aapl, bid: "271.48", ask: "271.50")
        bracket(&engine, parent: Fixtures.order(1, .buy, 100, .limit, limit: "265.00"), quote: quote, &context)
        #expect(engine.orders[1]?.hold == nil && engine.orders[1]?.status == .submitted, "the parent works once the group is sent")
        #expect(engine.orders[2]?.hold == .awaitingParent && engine.orders[2]?.status == .preSubmitted)
        #expect(engine.orders[3]?.hold == .awaitingParent)
        for step in 1...5 {
            _ = engine.handle(event(Fixtures.quote(aapl, bid: "271.4\(step)", ask: "271.5\(step)", at: quote.time.adding(milliseconds: Int64(step) * 250))), context: &context)
        }
        #expect(engine.orders[2]?.filledQuantity == 0, "a marketable take-profit does not fill before its parent")
        #expect(context.account.positions[aapl.conId] == nil, "the account is not short")
        let cancelled = engine.cancel(orderId: 1)
        #expect(cancelled.count == 3)
        #expect(engine.orders[2]?.status == .cancelled && engine.orders[3]?.status == .cancelled, "the children die with the parent")
    }

    @Test func whenTheParentFillsTheChildrenWorkAndOneFillingCancelsTheOther() {
        var engine = MatchingEngine()
        var context = Fixtures.context()
        let quote = Fixtures.quote(aapl, bid: "271.48", ask: "271.50")
        bracket(&engine, parent: Fixtures.order(1, .buy, 100, .market), quote: quote, &context)
        #expect(engine.orders[1]?.status == .filled)
        #expect(engine.orders[2]?.hold == nil && engine.orders[3]?.hold == nil, "the children work once the parent filled")
        _ = engine.handle(event(Fixtures.quote(aapl, bid: "271.40", ask: "271.42", at: quote.time.adding(milliseconds: 250))), context: &context)
        #expect(engine.orders[2]?.status == .filled, "the take-profit filled")
        #expect(engine.orders[3]?.status == .cancelled, "and cancelled its stop-loss")
        #expect(context.account.positions[aapl.conId]?.quantity ?? 0 == 0, "flat, not short")
    }

    @Test func anOCAGroupOfType1CancelsTheOthersWhenOneFills() {
        var engine = MatchingEngine()
        var context = Fixtures.context()
        let quote = Fixtures.quote(aapl, bid: "271.48", ask: "271.50")
        _ = place(&engine, attached(Fixtures.order(1, .buy, 100, .limit, limit: "265.00"), oca: "pair", type: 1), quote, &context)
        _ = place(&engine, attached(Fixtures.order(2, .buy, 100, .limit, limit: "272.00"), oca: "pair", type: 1), quote, &context)
        #expect(engine.orders[2]?.status == .filled)
        #expect(engine.orders[1]?.status == .cancelled)
    }

    @Test func anOCAGroupOfType3ReducesTheOthersByThePartialFill() {
        var engine = MatchingEngine()
        var context = Fixtures.context()
        let quote = Fixtures.quote(aapl, bid: "271.48", ask: "271.50", askSize: 40)
        _ = place(&engine, attached(Fixtures.order(1, .buy, 100, .limit, limit: "265.00"), oca: "g", type: 3), quote, &context)
        _ = place(&engine, attached(Fixtures.order(2, .buy, 100, .limit, limit: "272.00"), oca: "g", type: 3), quote, &context)
        #expect(engine.orders[2]?.filledQuantity == 40)
        #expect(engine.orders[1]?.request.totalQuantity == 60 && engine.orders[1]?.status.isWorking == true)
    }

    @Test func anUntransmittedMarketableOrderDoesNotTrade() {
        var engine = MatchingEngine()
        var context = Fixtures.context()
        let quote = Fixtures.quote(aapl, bid: "271.48", ask: "271.50")
        _ = place(&engine, attached(Fixtures.order(1, .buy, 100, .limit, limit: "272.00"), transmit: false), quote, &context)
        _ = engine.handle(event(Fixtures.quote(aapl, bid: "271.40", ask: "271.42", at: quote.time.adding(milliseconds: 250))), context: &context)
        #expect(engine.orders[1]?.hold == .untransmitted && engine.orders[1]?.filledQuantity == 0)
        // Sent again with transmit true: it trades.
        _ = place(&engine, attached(Fixtures.order(1, .buy, 100, .limit, limit: "272.00")), quote, &context)
        #expect(engine.orders[1]?.status == .filled)
    }
}
