import PortalAPI
import Testing

@Suite struct OrderReplyFlowTests {
    private func limit(_ side: String = "BUY", _ quantity: Double = 100, at price: Double? = 165) -> PortalOrderTicket {
        PortalOrderTicket(conid: 265_598, cOID: "t1", orderType: price == nil ? "MKT" : "LMT", price: price, side: side, tif: "DAY", quantity: quantity)
    }

    @Test func anOrderNearTheMarketIsPlacedAtOnce() {
        var flow = OrderReplyFlow(replyIDPrefix: "r")
        let result1 = flow.submit(limit(), symbol: "AAPL", marketPrice: 166)
        #expect(result1 == .place(limit()))
        #expect(flow.waitingCount == 0)
    }

    /// IB's example: BUY 100 AAPL @ 165.0 more than 3% from the market asks o163.
    @Test func aPriceFarFromTheMarketAsksO163InIBsWords() throws {
        var flow = OrderReplyFlow(replyIDPrefix: "r")
        guard case .ask(let question) = flow.submit(limit(), symbol: "AAPL", marketPrice: 175) else { Issue.record("not asked"); return }
        #expect(question.id == "r-1" && question.messageIds == ["o163"] && !question.isSuppressed)
        #expect(question.message == ["The following order \"BUY 100 AAPL @ 165.0\" price exceeds \nthe Percentage constraint of 3%.\nAre you sure you want to submit this order?"])
        let result2 = flow.reply(id: "r-1", confirmed: true)
        #expect(result2 == .place(limit()))
        let result3 = flow.reply(id: "r-1", confirmed: true)
        #expect(result3 == .unknownReply)
    }

    @Test func theQuestionsComeOneAtATimeInOrder() throws {
        var flow = OrderReplyFlow(replyIDPrefix: "r")
        let big = limit("BUY", 1_000, at: 150)
        #expect(flow.questions(for: big, marketPrice: 175) == [.priceFarFromMarket, .sizeLimit, .totalValueLimit])
        guard case .ask(let first) = flow.submit(big, symbol: "AAPL", marketPrice: 175) else { Issue.record("not asked"); return }
        #expect(first.messageIds == ["o163"])
        guard case .ask(let second) = flow.reply(id: first.id, confirmed: true) else { Issue.record("no second question"); return }
        #expect(second.messageIds == ["o383"] && second.id == "r-2")
        #expect(second.message == ["The following order \"BUY 1000 AAPL @ 150.0\" size exceeds the Size Limit of 500.\nAre you sure you want to submit this order?"])
        guard case .ask(let third) = flow.reply(id: second.id, confirmed: true) else { Issue.record("no third question"); return }
        #expect(third.messageIds == ["o451"])
        #expect(third.message == ["The following order \"BUY 1000 AAPL @ 150.0\" value estimate of 150,000.00 USD exceeds the Total Value Limit of 100,000 USD.\nAre you sure you want to submit this order?"])
        let result4 = flow.reply(id: third.id, confirmed: true)
        #expect(result4 == .place(big))
        #expect(flow.waitingCount == 0)
    }

    @Test func aMarketOrderWithoutMarketDataAsksO354AndValuesNothing() throws {
        var flow = OrderReplyFlow(replyIDPrefix: "r")
        let market = limit("SELL", 10, at: nil)
        #expect(flow.questions(for: market, marketPrice: nil) == [.noMarketData])
        guard case .ask(let question) = flow.submit(market, symbol: "AAPL", marketPrice: nil) else { Issue.record("not asked"); return }
        #expect(question.messageIds == ["o354"])
        #expect(question.message.first?.hasPrefix("You are submitting an order without market data.") == true)
    }

    @Test func aMarketOrdersValueIsEstimatedAtTheMarketPrice() {
        let flow = OrderReplyFlow(replyIDPrefix: "r")
        #expect(flow.questions(for: limit("BUY", 400, at: nil), marketPrice: 300) == [.totalValueLimit])
        #expect(flow.questions(for: limit("BUY", 300, at: nil), marketPrice: 300) == [])
    }

    @Test func answeringNoDropsTheOrder() {
        var flow = OrderReplyFlow(replyIDPrefix: "r")
        guard case .ask(let question) = flow.submit(limit(), symbol: "AAPL", marketPrice: 200) else { Issue.record("not asked"); return }
        let result5 = flow.reply(id: question.id, confirmed: false)
        #expect(result5 == .dropped(limit()))
        #expect(flow.waitingCount == 0)
    }

    @Test func suppressedQuestionsAreNotAskedUntilReset() {
        var flow = OrderReplyFlow(replyIDPrefix: "r")
        flow.suppress(["o163", "o451"])
        let result6 = flow.submit(limit(), symbol: "AAPL", marketPrice: 200)
        #expect(result6 == .place(limit()))
        flow.resetSuppression()
        #expect(flow.questions(for: limit(), marketPrice: 200) == [.priceFarFromMarket])
    }

    @Test func thePrecautionsCanBeChanged() {
        let flow = OrderReplyFlow(precautions: OrderPrecautions(pricePercentage: 10, sizeLimit: 50, totalValueLimit: 1_000_000), replyIDPrefix: "r")
        #expect(flow.questions(for: limit(), marketPrice: 175) == [.sizeLimit])
    }

    @Test func replyIDsAreNumberedPerFlow() {
        var flow = OrderReplyFlow(replyIDPrefix: "7c1e")
        guard case .ask(let one) = flow.submit(limit(), symbol: "AAPL", marketPrice: 200),
            case .ask(let two) = flow.submit(limit(), symbol: "AAPL", marketPrice: 200)
        else { Issue.record("not asked"); return }
        #expect(one.id == "7c1e-1" && two.id == "7c1e-2")
        #expect(flow.waitingCount == 2)
    }
}
