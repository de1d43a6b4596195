import Testing
@testable import PaperExchange
import Vocabulary

@Suite struct OrderValidationTests {
    let universe: InstrumentUniverse
    let quote: TopOfBook

    init() throws {
        universe = try Fixtures.universe()
        quote = Fixtures.quote(try #require(universe.instrument(symbol: "AAPL")), bid: "271.48", ask: "271.50")
    }

    private func rejection(_ request: OrderRequest, after earlier: [OrderRequest] = []) -> OrderRejection? {
        var engine = MatchingEngine()
        var context = Fixtures.context()
        for order in earlier {
            _ = engine.place(order, instrument: universe.resolve(order.contract), quote: quote, at: Fixtures.t0, context: &context)
        }
        let outcomes = engine.place(request, instrument: universe.resolve(request.contract), quote: quote, at: Fixtures.t0, context: &context)
        guard case .rejected(let rejection) = outcomes.first, outcomes.count == 1 else { return nil }
        return rejection
    }

    @Test func zeroQuantityIsRejectedWith434() {
        let found = rejection(Fixtures.order(1, .buy, 0, .market))
        #expect(found?.code == 434)
        #expect(found?.text == "The order size cannot be zero.")
        #expect(found?.order?.status == .inactive)
    }

    @Test func negativeQuantityIsRejectedWith201() {
        #expect(rejection(Fixtures.order(1, .buy, -5, .market))?.code == 201)
    }

    @Test(arguments: [("271.495", nil), (nil, "271.001")] as [(String?, String?)])
    func pricesOffTheMinimumTickAreRejectedWith110(limit: String?, stop: String?) {
        let type: OrderType = limit != nil ? .limit : .stop
        let found = rejection(Fixtures.order(1, .buy, 100, type, limit: limit, stop: stop))
        #expect(found?.code == 110)
        #expect(found?.text == "The price does not conform to the minimum price variation for this contract.")
    }

    @Test func unknownContractIsRejectedWith200() {
        let found = rejection(Fixtures.order(1, "NOPE", .buy, 100, .market))
        #expect(found?.code == 200)
        #expect(found?.text == "No security definition has been found for the request")
        #expect(found?.order == nil)
    }

    @Test func reusedIdOfAFinishedOrderIsRejectedWith103() {
        let found = rejection(
            Fixtures.order(1, .buy, 100, .limit, limit: "260.00"),
            after: [Fixtures.order(1, .buy, 0, .market)])
        #expect(found == nil)  // a refused order never enters the book, so its id stays free
        var engine = MatchingEngine()
        var context = Fixtures.context()
        let limit = Fixtures.order(1, .buy, 100, .limit, limit: "260.00")
        _ = engine.place(limit, instrument: universe.resolve(limit.contract), quote: quote, at: Fixtures.t0, context: &context)
        _ = engine.cancel(orderId: 1)
        let again = engine.place(limit, instrument: universe.resolve(limit.contract), quote: quote, at: Fixtures.t0, context: &context)
        guard case .rejected(let duplicate) = again.first else { Issue.record("accepted a reused id"); return }
        #expect(duplicate.code == 103)
        #expect(duplicate.text == "Duplicate order id")
    }

    @Test func modifyingAFilledOrderIsRejectedWith104() {
        let found = rejection(Fixtures.order(1, .buy, 200, .market), after: [Fixtures.order(1, .buy, 100, .market)])
        #expect(found?.code == 104)
    }

    @Test func modificationChangingSideOrContractIsRejectedWith105() {
        let resting = Fixtures.order(1, .buy, 100, .limit, limit: "260.00")
        #expect(rejection(Fixtures.order(1, .sell, 100, .limit, limit: "280.00"), after: [resting])?.code == 105)
        #expect(rejection(Fixtures.order(1, "MSFT", .buy, 100, .limit, limit: "260.00"), after: [resting])?.code == 105)
    }

    @Test func inconsistentStopLimitsAreRejectedWith201() {
        let buy = rejection(Fixtures.order(1, .buy, 100, .stopLimit, limit: "271.00", stop: "272.00"))
        #expect(buy?.code == 201)
        #expect(buy?.text.hasPrefix("Order rejected - reason:") == true)
        #expect(rejection(Fixtures.order(1, .sell, 100, .stopLimit, limit: "272.00", stop: "271.00"))?.code == 201)
        #expect(rejection(Fixtures.order(1, .buy, 100, .stopLimit, stop: "272.00"))?.code == 201)
        #expect(rejection(Fixtures.order(1, .buy, 100, .stop))?.code == 201)
        #expect(rejection(Fixtures.order(1, .buy, 100, .limit))?.code == 201)
    }

    @Test func validOrdersPass() {
        #expect(rejection(Fixtures.order(1, .buy, 100, .stopLimit, limit: "272.10", stop: "272.00")) == nil)
        #expect(rejection(Fixtures.order(1, .sell, 100, .stop, stop: "270.00", tif: .goodTillCancelled)) == nil)
    }
}
