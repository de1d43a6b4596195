import Dashboard
import DeskBus
import Vocabulary

/// One sample of every bus event case, with optionals filled so a round trip checks them.
enum BusEventSamples {
    static func decimal(_ text: String) -> FixedDecimal { FixedDecimal(text)! }

    static let instruction = OrderInstruction(
        side: .buy, quantity: 100, symbol: "AAPL", orderType: .limit, limitPrice: decimal("231.40"),
        timeInForce: .goodTillCancelled, link: OrderLink(parentOrderID: 7, transmit: false, ocaGroup: "g1", ocaType: 1))

    static var all: [BusEvent] {
        var contract = ContractSummary(symbol: "ES", contractID: 495512563, instrumentClass: .future, minimumTick: 0.25,
                                       primaryExchange: "CME", currency: "USD", longName: "E-mini S&P 500")
        contract.regularHours = "20261204:0930-20261204:1600"
        contract.timeZoneID = "US/Central"
        var open = OpenOrderSnapshot(
            orderID: 12, symbol: "AAPL", side: .sell, quantity: FixedDecimal(100), orderType: .stopLimit,
            limitPrice: decimal("230.5"), stopPrice: decimal("231"), timeInForce: .goodTillCancelled, status: .preSubmitted,
            ownerClientID: 3, isThisClient: false, permID: 99)
        open.parentID = 11
        open.ocaGroup = "oca-1"
        open.trailing = "1.5%"
        let quote = QuoteUpdate(
            symbol: "AAPL", values: QuoteValues(bid: 231.39, ask: 231.41, last: 231.40, bidSize: FixedDecimal(300),
                                                 askSize: decimal("0.5"), lastSize: FixedDecimal(10), volume: FixedDecimal(1_234_567),
                                                 high: 233, low: 229.5, close: 230, open: 230.25),
            marketDataType: .delayed, haltedValue: 0, lastTradeTime: Timestamp(millisecondsSinceEpoch: 1_764_858_000_123))
        return [
            .connecting(gateway: "127.0.0.1:4002"),
            .connected(serverVersion: 176, accounts: ["DU123", "DU456"], nextOrderID: 12),
            .connected(serverVersion: 176, accounts: [], nextOrderID: nil),
            .connectionLost(reason: "the gateway closed the socket"),
            .reconnectScheduled(attempt: 3, afterMilliseconds: 4000),
            .nextValidOrderID(42),
            .clientID(7),
            .clientIDMoved(refused: 7, next: 8),
            .quoteRequested(symbol: "ES", requestID: 1003, instrumentClass: .future),
            .quote(quote, evidence: QuoteEvidence(evidenceAgeMilliseconds: 12, generation: 2)),
            .quote(QuoteUpdate(symbol: "MSFT", bid: 410.1), evidence: QuoteEvidence(evidenceAgeMilliseconds: 0, generation: 1)),
            .marketDataType(requestID: 1003, type: .frozen),
            .notice(Notice(requestID: 1003, code: 354, text: "Requested market data is not subscribed.",
                           context: RequestContext(kind: .quote, requestID: 1003, symbol: "ES"))),
            .notice(Notice(code: 2104, text: "Market data farm connection is OK:usfarm")),
            .contractResolved(symbol: "ES", contract: contract),
            .contractResolved(symbol: "NOPE", contract: nil),
            .position(PositionUpdate(account: "DU123", symbol: "AAPL", quantity: FixedDecimal(-50), averageCost: 230.12,
                                     multiplier: 1, marketPrice: 231.4, marketValue: -11570, unrealizedPnL: -64, realizedPnL: 12.5)),
            .accountValue(key: "NetLiquidation", value: "1000000.00", currency: "USD", account: "DU123"),
            .accountPnL(AccountPnL(daily: 12.5, unrealized: nil, realized: -3)),
            .positionPnL(symbol: "AAPL", pnl: AccountPnL(daily: nil, unrealized: 4, realized: nil)),
            .openOrder(open),
            .orderStatus(OrderStatusReport(orderID: 12, status: .other("Held"), filled: FixedDecimal(40), remaining: FixedDecimal(60),
                                           averageFillPrice: 231.1, whyHeld: "locate", permID: 99)),
            .execution(FillReport(executionID: "0001f4e8.6751a2b3.01.01", orderID: 12, symbol: "AAPL", side: .buy,
                                  shares: FixedDecimal(40), price: 231.1, time: Timestamp(secondsSinceEpoch: 1_764_858_000))),
            .commission(executionID: "0001f4e8.6751a2b3.01.01", commission: 1.0, realizedPnL: nil),
            .completedOrder(CompletedOrderReport(orderID: nil, permID: 77, symbol: "MSFT", side: .sell, quantity: FixedDecimal(5),
                                                 filled: FixedDecimal(0), orderType: .market, status: .cancelled,
                                                 completedStatus: "Cancelled by Trader", ownerClientID: 0, isThisClient: false)),
            .cancelRefused(orderID: 12, reason: "the owner (client 3) is connected"),
        ]
    }
}
