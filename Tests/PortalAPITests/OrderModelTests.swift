import Foundation
import PortalAPI
import Testing

@Suite struct OrderModelTests {
    /// Source: https://www.interactivebrokers.com/campus/ibkr-api-page/webapi-doc/#place-order (the bracket example's parent).
    static let ordersBody = """
        {"orders":[{"acctId":"U1234567","conid":265598,"cOID":"Parent","orderType":"MKT","listingExchange":"SMART",
          "outsideRTH":true,"side":"Buy","referrer":"QuickTrade","tif":"GTC","quantity":50}]}
        """

    /// Source: https://www.interactivebrokers.com/campus/ibkr-api-page/webapi-doc/#order-reply-messages (IB's example).
    static let question = """
        [{"id":"07a13a5a-4a48-44a5-bb25-5ab37b79186c",
          "message":["The following order \\"BUY 100 AAPL NASDAQ.NMS @ 165.0\\" price exceeds \\nthe Percentage constraint of 3%.\\nAre you sure you want to submit this order?"],
          "isSuppressed":false,"messageIds":["o163"]}]
        """

    /// Source: the same page, the acknowledgement.
    static let acknowledgement = #"[{"order_id":"987654","order_status":"Submitted","encrypt_message":"1"}]"#

    /// Source: https://www.interactivebrokers.com/campus/ibkr-api-page/webapi-doc/#cancel-order (IB's example).
    static let cancel = #"{"msg":"Request was submitted","order_id":987654,"conid":265598,"account":"DU123456"}"#

    /// Source: https://www.interactivebrokers.com/campus/ibkr-api-page/webapi-doc/#live-orders (IB's example).
    static let liveOrders = """
        {"orders":[{"acct":"U1234567","conidex":"265598","conid":265598,"account":"U1234567","orderId":1234568790,"cashCcy":"USD",
          "sizeAndFills":"5","orderDesc":"Sold 5 Market, GTC","description1":"AAPL","ticker":"AAPL","secType":"STK",
          "listingExchange":"NASDAQ.NMS","remainingQuantity":0.0,"filledQuantity":5.0,"totalSize":5.0,"companyName":"APPLE INC",
          "status":"Filled","order_ccp_status":"Filled","avgPrice":"192.26","origOrderType":"MARKET","supportsTaxOpt":"1",
          "lastExecutionTime":"231211180049","orderType":"Market","bgColor":"#FFFFFF","fgColor":"#000000","order_ref":"Order123",
          "timeInForce":"GTC","lastExecutionTime_r":1702317649000,"side":"SELL"}],"snapshot":true}
        """

    /// Source: https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#trades (IB's example).
    static let trades = """
        [{"execution_id":"0000e0d5.6576fd38.01.01","symbol":"AAPL","supports_tax_opt":"1","side":"S",
          "order_description":"Sold 5 @ 192.26 on ISLAND","trade_time":"20231211-18:00:49","trade_time_r":1702317649000,
          "size":5.0,"price":"192.26","order_ref":"Order123","submitter":"user1234","exchange":"ISLAND","commission":"1.01",
          "net_amount":961.3,"account":"U1234567","accountCode":"U1234567","account_allocation_name":"U1234567",
          "company_name":"APPLE INC","contract_description_1":"AAPL","sec_type":"STK","listing_exchange":"NASDAQ.NMS",
          "conid":265598,"conidEx":"265598","clearing_id":"IB","clearing_name":"IB","liquidation_trade":"0","is_event_trading":"0"}]
        """

    @Test func ordersBodyReadsIBsTicket() throws {
        let body = try decode(OrdersRequest.self, Self.ordersBody)
        let ticket = try #require(body.orders.first)
        #expect(ticket.conid == 265_598 && ticket.cOID == "Parent" && ticket.orderType == "MKT")
        #expect(ticket.quantity == 50 && ticket.tif == "GTC" && ticket.outsideRTH == true && ticket.price == nil)
        #expect(try roundTrip(body) == body)
        let written = try jsonObject(body)
        let writtenTicket = try #require((written["orders"] as? [[String: Any]])?.first)
        #expect(Set(writtenTicket.keys) == ["acctId", "conid", "cOID", "orderType", "listingExchange", "outsideRTH", "side", "referrer", "tif", "quantity"])
    }

    @Test func anOrderAnswerIsAQuestionOrAnAcknowledgement() throws {
        let asked = try decode([OrderSubmissionAnswer].self, Self.question)
        guard case .question(let question) = try #require(asked.first) else { Issue.record("not a question"); return }
        #expect(question.id == "07a13a5a-4a48-44a5-bb25-5ab37b79186c")
        #expect(question.messageIds == ["o163"] && !question.isSuppressed)
        #expect(question.message.first?.contains("Percentage constraint of 3%") == true)
        #expect(try roundTrip(asked) == asked)
        #expect(Set(try jsonObject(question).keys) == (try fixtureKeys(Self.question)))

        let placed = try decode([OrderSubmissionAnswer].self, Self.acknowledgement)
        #expect(placed == [.acknowledged(OrderAcknowledgement(order_id: "987654", order_status: "Submitted", encrypt_message: "1"))])
        #expect(try roundTrip(placed) == placed)
    }

    @Test func theReplyBodyIsConfirmedTrue() throws {
        #expect(try jsonObject(ReplyConfirmation(confirmed: true))["confirmed"] as? Bool == true)
        #expect(try decode(ReplyConfirmation.self, #"{"confirmed":true}"#).confirmed)
    }

    @Test func cancelAnswerSaysTheRequestWasSubmitted() throws {
        let answer = try decode(PortalCancelAnswer.self, Self.cancel)
        #expect(answer == PortalCancelAnswer(order_id: 987_654, conid: 265_598, account: "DU123456"))
        #expect(Set(try jsonObject(answer).keys) == (try fixtureKeys(Self.cancel)))
    }

    @Test func liveOrdersReadIBsExample() throws {
        let live = try decode(LiveOrders.self, Self.liveOrders)
        #expect(live.snapshot)
        let order = try #require(live.orders.first)
        #expect(order.orderId == 1_234_568_790 && order.status == "Filled" && order.side == "SELL")
        #expect(order.filledQuantity == 5 && order.remainingQuantity == 0 && order.avgPrice == "192.26")
        #expect(order.lastExecutionTime_r == 1_702_317_649_000)
        #expect(try roundTrip(live) == live)
        let fixture = try #require(try JSONSerialization.jsonObject(with: Data(Self.liveOrders.utf8)) as? [String: Any])
        let fixtureOrder = try #require((fixture["orders"] as? [[String: Any]])?.first)
        #expect(Set(try jsonObject(order).keys) == Set(fixtureOrder.keys))
    }

    @Test func aPaperOrderCountsWhatRemains() {
        let order = LiveOrder(account: "DU1", conid: 265_598, orderId: 7, ticker: "AAPL", side: "BUY", orderType: "Limit", origOrderType: "LIMIT", timeInForce: "DAY", totalSize: 100, filledQuantity: 40, status: "Submitted", price: "165.00")
        #expect(order.remainingQuantity == 60 && order.conidex == "265598" && order.order_ccp_status == "Submitted")
    }

    @Test func tradesReadIBsExample() throws {
        let trades = try decode([PortalTrade].self, Self.trades)
        let trade = try #require(trades.first)
        #expect(trade.side == "S" && trade.size == 5 && trade.price == "192.26" && trade.net_amount == 961.3)
        #expect(trade.conid == 265_598 && trade.trade_time_r == 1_702_317_649_000)
        #expect(try roundTrip(trades) == trades)
        #expect(Set(try jsonObject(trade).keys) == (try fixtureKeys(Self.trades)))
    }
}
