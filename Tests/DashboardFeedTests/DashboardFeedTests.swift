import Dashboard
import DashboardFeed
import Testing
import TWSStreams
import TWSSession
import TWSWire
import Vocabulary

/// The client's values as the dashboard's events.
@Suite struct DashboardFeedTests {
    static let at = SessionInstant(offset: .seconds(5))

    func notice(id: Int, code: Int, text: String = "text") -> TWSNotice {
        TWSNotice(id: id, code: code, message: text, receivedAt: Self.at)
    }

    @Test func aQuoteUpdateCarriesOnlyTheFieldsTheMessageBrought() {
        var quote = TWSStreams.Quote(contract: Contract(symbol: "AAPL"))
        quote.bid = 231.2
        quote.ask = 231.25
        quote.bidSize = FixedDecimal(300)
        quote.volume = FixedDecimal(12_345)
        quote.close = 229.5
        quote.marketDataType = .delayed
        quote.carried = [.bid, .bidSize]
        let update = QuoteUpdate(quote, symbol: "AAPL")
        #expect(update.symbol == "AAPL")
        #expect(update.bid == 231.2 && update.bidSize == 300)
        #expect(update.ask == nil && update.close == nil && update.volume == nil && update.marketDataType == nil,
                "the accumulated fields the message did not bring are left to the reducer")
        #expect(update.carriesMarketData)
    }

    @Test func theDaysOpenReachesTheDashboardForTheWatchlistsOpenColumn() {
        var quote = TWSStreams.Quote(contract: Contract(symbol: "AAPL"))
        quote.open = 228.75
        quote.high = 232
        quote.carried = .open
        let update = QuoteUpdate(quote, symbol: "AAPL")
        #expect(update.open == 228.75)
        #expect(update.high == nil)
    }

    @Test func aDataTypeMessageBringsNoPriceAndIsNoTick() {
        var quote = TWSStreams.Quote(contract: Contract(symbol: "MSFT"))
        quote.bid = 478.42
        quote.ask = 478.43
        quote.marketDataType = .live
        quote.carried = .marketDataType
        let update = QuoteUpdate(quote, symbol: "MSFT")
        #expect(update.bid == nil && update.ask == nil)
        #expect(update.marketDataType == .live)
        #expect(!update.carriesMarketData, "the frozen MSFT of a reconnect is not refreshed by its data-type message")
    }

    @Test func quoteStreamEventsBecomeQuotesAndNoticesUnderTheSubscriptionsID() {
        var quote = TWSStreams.Quote(contract: Contract(symbol: "MSFT"))
        quote.last = 478.4
        quote.carried = .last
        quote.receivedAt = Self.at
        #expect(QuoteEvent.update(quote).observedAt == Self.at, "stamped with the instant its bytes were read")
        guard case let .quote(update)? = DashboardEvent(QuoteEvent.update(quote), symbol: "MSFT", requestID: 7) else {
            Issue.record("an update is a quote event")
            return
        }
        #expect(update.symbol == "MSFT" && update.last == 478.4)
        let event = DashboardEvent(QuoteEvent.notice(notice(id: 4, code: 354)), symbol: "MSFT", requestID: 7)
        #expect(event == .notice(Notice(requestID: 7, code: 354, text: "text")), "filed under the dashboard's id, not the wire's")
        #expect(DashboardEvent(QuoteEvent.resumed, symbol: "MSFT", requestID: 7) == nil)
        #expect(DashboardEvent(QuoteEvent.gap(StreamGap.marketDataLost), symbol: "MSFT", requestID: 7) == nil)
    }

    @Test func anUnreadableMarketDataMessageIsReportedOnItsQuoteStreamOnly() {
        var unreadableTick = notice(id: 3, code: 508)
        unreadableTick.unreadable = UnreadableMessage(
            messageID: 1, messageName: "TICK_PRICE", area: .marketData, subject: .request(3),
            error: WireDecodingError(message: "TICK_PRICE", field: "price", index: 4, bytes: "x", reason: .notANumber),
            fields: ["1", "6", "3", "1", "x"], fieldCount: 5)
        #expect(unreadableTick.concernsOneQuoteStream, "logged once, under its symbol")
        var unreadableStatus = unreadableTick
        unreadableStatus.unreadable?.area = .orders
        #expect(!unreadableStatus.concernsOneQuoteStream)
    }

    @Test func onlyTickerNoticesWithAnIDConcernOneQuoteStream() {
        #expect(notice(id: 3, code: 354).concernsOneQuoteStream)
        #expect(notice(id: 3, code: 10167).concernsOneQuoteStream)
        #expect(!notice(id: -1, code: 354).concernsOneQuoteStream, "no ticker id: a general notice")
        #expect(!notice(id: 3, code: 201).concernsOneQuoteStream, "an order rejection")
        #expect(!notice(id: -1, code: 2104).concernsOneQuoteStream)
        // Any notice the client names a quote's (200 for an unknown symbol) came on its stream.
        var unknown = notice(id: 4, code: 200)
        unknown.context = RequestContext(kind: .quote, requestID: 4, symbol: "ZZZZ")
        #expect(unknown.concernsOneQuoteStream)
        unknown.context = RequestContext(kind: .history, requestID: 4, symbol: "ZZZZ")
        #expect(!unknown.concernsOneQuoteStream)
    }

    @Test func aNoticeKeepsItsContext() {
        var rejection = notice(id: 12, code: 201)
        rejection.context = .order(id: 12, side: "BUY", quantity: 100, symbol: "AAPL", type: .limit, limitPrice: 231)
        #expect(Notice(rejection, requestID: 12).context?.description == "Order 12 BUY 100 AAPL LMT 231.00")
    }

    @Test func orderEventsBecomeStatusExecutionCommissionAndNotice() {
        let status = OrderStatusUpdate(
            orderId: 12, status: .filled, filled: FixedDecimal(7), remaining: .zero, avgFillPrice: 231.25,
            lastFillPrice: 231.25, permId: 99)
        #expect(DashboardEvent(OrderEvent.status(status), orderID: 12) == .orderStatus(OrderStatusReport(
            orderID: 12, status: .filled, filled: 7, remaining: 0, averageFillPrice: 231.25, whyHeld: nil, permID: 99)))
        let submitted = OrderStatusUpdate(
            orderId: 12, status: .submitted, filled: .zero, remaining: FixedDecimal(7), avgFillPrice: 0, lastFillPrice: 0,
            permId: 99, whyHeld: "locate")
        #expect(DashboardEvent(OrderEvent.status(submitted), orderID: 12) == .orderStatus(OrderStatusReport(
            orderID: 12, status: .submitted, filled: 0, remaining: 7, averageFillPrice: nil, whyHeld: "locate", permID: 99)))

        var execution = Execution()
        execution.execId = "0001.01"
        execution.orderId = 12
        execution.side = "SLD"
        execution.shares = FixedDecimal(7)
        execution.price = 231.25
        #expect(DashboardEvent(OrderEvent.execution(execution, contract: Contract(symbol: "AAPL")), orderID: 12) == .execution(
            FillReport(executionID: "0001.01", orderID: 12, symbol: "AAPL", side: .sell, shares: 7, price: 231.25)))
        let commission = CommissionReport(execId: "0001.01", commission: 1.05, currency: "USD", realizedPNL: nil)
        #expect(DashboardEvent(OrderEvent.commission(commission), orderID: 12) == .commission(executionID: "0001.01", commission: 1.05, realizedPnL: nil))
        #expect(DashboardEvent(OrderEvent.notice(notice(id: 12, code: 202)), orderID: 12) == .notice(Notice(requestID: 12, code: 202, text: "text")))
        #expect(DashboardEvent(OrderEvent.resumed, orderID: 12) == nil)
    }

    @Test func positionsFromBothStreamsKeepCostPerUnit() {
        var future = Contract(symbol: "ES", secType: "FUT")
        future.multiplier = "50"
        let position = PositionUpdate(PositionData(account: "DU1", contract: future, position: FixedDecimal(2), avgCost: 6000))
        #expect(position == PositionUpdate(account: "DU1", symbol: "ES", quantity: 2, averageCost: 6000, multiplier: 50))
        let item = PortfolioValue(
            contract: future, position: FixedDecimal(2), marketPrice: 6010, marketValue: 601_000, averageCost: 300_000,
            unrealizedPNL: 1000, realizedPNL: 0, accountName: "DU1")
        let fromPortfolio = PositionUpdate(item)
        #expect(fromPortfolio.averageCost == 6000, "IB's portfolio cost is per contract")
        #expect(fromPortfolio.marketPrice == 6010 && fromPortfolio.unrealizedPnL == 1000 && fromPortfolio.multiplier == 50)
    }

    @Test func lostReasonsReadAsPlainSentences() {
        #expect(LostReason.socketClosed.plainDescription == "the gateway closed the connection")
        #expect(LostReason.keepaliveTimeout(silentFor: .seconds(5)).plainDescription == "no answer from the gateway for 5 s")
        #expect(LostReason.unsupportedServerVersion(100).plainDescription == "unsupported server version 100")
        #expect(LostReason.clientIDInUse(5, next: nil).plainDescription == "client id 5 in use (IB 326)")
        #expect(LostReason.clientIDInUse(5, next: 6).plainDescription == "client id 5 in use (IB 326): trying 6")
        #expect(LostReason.clientIDsInUse(1...10).plainDescription == "client ids 1-10 all in use (IB 326)")
        #expect(LostReason.clientIDsInUse(4...4).plainDescription == "client id 4 in use (IB 326)")
    }
}
