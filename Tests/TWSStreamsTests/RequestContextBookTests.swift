import Testing
import TWSWire
import Vocabulary

@testable import TWSStreams

@Suite struct RequestContextBookTests {
    @Test func keepsTheNewestIdsUpToItsCapacity() {
        var book = RequestContextBook(capacity: 3)
        for id in 1...5 { book.record(RequestContext(kind: .history, requestID: id, symbol: "S\(id)")) }
        #expect(book.count == 3)
        #expect(book.context(for: 1) == nil)
        #expect(book.context(for: 2) == nil)
        #expect(book.context(for: 5)?.symbol == "S5")
        // Recording an id again replaces it without growing the book.
        book.record(RequestContext.order(id: 5, side: "BUY", quantity: 1, symbol: "AAPL", type: .market))
        #expect(book.count == 3)
        #expect(book.context(for: 5)?.kind == .order)
        for id in 6...1_000 { book.record(RequestContext(kind: .contract, requestID: id)) }
        #expect(book.count == 3)
        #expect(book.context(for: 1_000) != nil)
    }

    @Test func readsAnOrdersTermsFromTheWireOrder() {
        var order = Order()
        order.orderId = 12
        order.action = "BUY"
        order.totalQuantity = 100
        order.orderType = "LMT"
        order.lmtPrice = 231.2
        order.auxPrice = 1
        let context = RequestContext(order: order, contract: Contract(symbol: "AAPL"))
        #expect(context.description == "Order 12 BUY 100 AAPL LMT 231.20")
        #expect(RequestContext(order: order, contract: Contract(symbol: "AAPL"), whatIf: true).description == "What-if BUY 100 AAPL LMT 231.20")
        order.orderType = "TRAIL"
        order.trailingPercent = 1.5
        order.auxPrice = nil
        #expect(RequestContext(order: order, contract: Contract(symbol: "AAPL")).description == "Order 12 BUY 100 AAPL TRAIL 1.5%")
    }
}
