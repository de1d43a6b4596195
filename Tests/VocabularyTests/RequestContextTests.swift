import Testing
import Vocabulary

@Suite struct RequestContextTests {
    @Test func namesAnOrderByItsIdSideQuantitySymbolTypeAndPrices() {
        #expect(RequestContext.order(id: 12, side: "BUY", quantity: 100, symbol: "AAPL", type: .limit,
                                     limitPrice: FixedDecimal("231.2")).description == "Order 12 BUY 100 AAPL LMT 231.20")
        #expect(RequestContext.order(id: 7, side: "SELL", quantity: 10, symbol: "MSFT", type: .stopLimit,
                                     limitPrice: FixedDecimal("229.9"), stopPrice: 230).description
                == "Order 7 SELL 10 MSFT STP LMT 230.00 229.90")
        #expect(RequestContext.order(id: 9, side: "SELL", quantity: 50, symbol: "AAPL", type: .trail, detail: "1%").description
                == "Order 9 SELL 50 AAPL TRAIL 1%")
        #expect(RequestContext.order(id: 3, side: "BUY", quantity: 5, symbol: "SPY", type: .market, whatIf: true).description
                == "What-if BUY 5 SPY MKT")
        #expect(RequestContext.order(id: 4, side: nil, quantity: nil, symbol: nil, type: nil).description == "Order 4")
    }

    @Test func namesASubscriptionOrRequestBySymbolAndKind() {
        #expect(RequestContext(kind: .quote, requestID: 1, symbol: "AAPL").description == "AAPL quote")
        #expect(RequestContext(kind: .history, requestID: 2, symbol: "AAPL").description == "AAPL history")
        #expect(RequestContext(kind: .depth, requestID: 3, symbol: "MSFT").description == "MSFT depth")
        #expect(RequestContext(kind: .tickByTick, requestID: 4, symbol: "MSFT").description == "MSFT time & sales")
        #expect(RequestContext(kind: .contract, requestID: 5, symbol: "ZZZZ").description == "ZZZZ contract lookup")
        #expect(RequestContext(kind: .search, requestID: 6, detail: "app").description == "Symbol search \"app\"")
        #expect(RequestContext(kind: .pnl, requestID: 7).description == "P&L")
        #expect(RequestContext(kind: .quote, requestID: 8).description == "Quote 8")
        #expect(RequestContext(kind: .unknown, requestID: 42).description == "Request 42")
        #expect(RequestContext.system.description == "System notice")
        #expect(RequestContext.system.requestID == -1)
    }
}
