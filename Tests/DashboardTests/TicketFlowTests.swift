import Testing
@testable import Dashboard
import Vocabulary

@Suite struct TicketFlowTests {
    @Test func buyOpensTheTicketOnTheSelectedSymbolWithTheAskAsLimit() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.openTicket(.buy))
        #expect(harness.state.interface.overlay == .ticket)
        let editor = try #require(harness.state.ticket)
        #expect(editor.ticket.side == .buy)
        #expect(editor.ticket.symbol == "AAPL")
        #expect(editor.ticket.orderType == .limit)
        #expect(editor.ticket.limitPriceText == "231.21")
        #expect(editor.focusedField == .quantity)
    }

    @Test func sellOpensWithTheBidAsLimit() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.openTicket(.sell))
        #expect(harness.state.ticket?.ticket.side == .sell)
        #expect(harness.state.ticket?.ticket.limitPriceText == "231.19")
    }

    @Test func editReviewSendPlacesOneOrderAndJournalsIt() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.openTicket(.buy))
        harness.type("100")
        harness.user(.submit)
        let review = try #require(harness.state.ticket?.ticket.review)
        #expect(review.instruction.summary == "BUY 100 AAPL LMT 231.21 DAY")
        #expect(harness.placedOrders.isEmpty)

        let effects = harness.user(.submit)
        let instruction = review.instruction
        #expect(effects == [.placeOrder(orderID: 100, instruction), .journal(.orderSent(instruction, orderID: 100, at: harness.now))])
        #expect(harness.state.nextOrderID == 101)
        #expect(harness.state.ticket?.sentOrderID == 100)
        let order = try #require(harness.state.orders[100])
        #expect(order.status == .sent)
        #expect(order.placedHere)
        #expect(order.lifecycle == [OrderStatusChange(time: harness.now, status: .sent, filled: 0, remaining: 100)])
        #expect(harness.latestMessage?.title == "Order 100 sent")
    }

    @Test func aReviewSendsAtMostOnceNoMatterHowOftenEnterIsPressed() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.openTicket(.buy))
        harness.type("10")
        for _ in 0..<5 { harness.user(.submit) }
        #expect(harness.placedOrders.count == 1)
        #expect(harness.state.ticket == nil)
        // Review, send, close; the fifth Enter is the watchlist's, which opens the detail view.
        #expect(harness.state.interface.overlay == .detail)
    }

    @Test func aSecondOrderNeedsASecondReviewAndGetsTheNextID() {
        var harness = DashboardHarness.withLiveAAPL()
        for _ in 0..<2 {
            harness.user(.openTicket(.buy))
            harness.type("10")
            harness.user(.submit)
            harness.user(.submit)
            harness.user(.submit)
        }
        #expect(harness.placedOrders.map(\.0) == [100, 101])
    }

    @Test func aRefusedReviewNamesTheFieldAndPutsTheCursorThere() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.openTicket(.buy))
        harness.type("10")
        harness.user(.focusTicketField(.limitPrice))
        harness.user(.deleteBackward)
        harness.user(.deleteBackward)
        harness.type("2x")
        harness.user(.focusTicketField(.quantity))
        harness.user(.submit)
        let refusal = try #require(harness.state.ticket?.refusal)
        #expect(refusal.code == .priceNotNumeric)
        #expect(harness.state.ticket?.focusedField == .limitPrice)
        #expect(harness.latestMessage?.code == LocalMessage.orderRefused.rawValue)
        #expect(harness.latestMessage?.explanation.contains("231.2x") == true)
        harness.user(.deleteBackward)
        #expect(harness.state.ticket?.refusal == nil)
    }

    @Test func placingIsRefusedWhenTheConnectionIsNotUsable() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.openTicket(.buy))
        harness.type("10")
        harness.user(.submit)
        #expect(harness.state.ticket?.ticket.review != nil)
        harness.send(.connectionLost(reason: "socket closed"))
        let effects = harness.user(.submit)
        #expect(effects.actions.isEmpty)
        #expect(effects.journalEntries.map(\.code) == [LocalMessage.orderRefused.rawValue])
        #expect(effects.journalEntries.first?.text?.contains("disconnected") == true)
        #expect(harness.placedOrders.isEmpty)
        #expect(harness.state.ticket?.refusal?.code == .connectionNotUsable)
        #expect(harness.latestMessage?.code == LocalMessage.orderRefused.rawValue)
        #expect(harness.latestMessage?.explanation.contains("disconnected") == true)
    }

    @Test func placingIsRefusedDuringALinkLoss() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.notice(Notice(code: 1100)))
        harness.user(.runCommand("buy 10 AAPL lmt 231.20"))
        #expect(harness.state.ticket?.refusal?.code == .connectionNotUsable)
        #expect(harness.state.ticket?.ticket.review == nil)
    }

    @Test func aLiveAccountIsRefusedWithoutAllowLive() {
        var harness = DashboardHarness.withLiveAAPL(accounts: ["U7654321"])
        #expect(harness.state.connection.accountBadge == "LIVE")
        harness.user(.runCommand("buy 10 AAPL lmt 231.20"))
        #expect(harness.state.ticket?.refusal?.code == .liveAccountNotAllowed)
        harness.user(.submit)
        harness.user(.submit)
        #expect(harness.placedOrders.isEmpty)
        #expect(harness.latestMessage?.explanation.contains("U7654321") == true)
    }

    @Test func aLiveAccountMayTradeWhenAllowLiveIsOn() {
        var harness = DashboardHarness.withLiveAAPL(config: DashboardConfig(allowLive: true), accounts: ["U7654321"])
        harness.user(.runCommand("buy 10 AAPL lmt 231.20"))
        harness.user(.submit)
        #expect(harness.placedOrders.count == 1)
    }

    @Test func noOrderIsPlacedBeforeTheGatewaySentAnOrderID() {
        var harness = DashboardHarness(config: DashboardConfig(watchlist: ["AAPL"]))
        harness.send(.started)
        harness.send(.connected(serverVersion: 178, accounts: ["DU1"], nextOrderID: nil))
        harness.send(.quoteRequested(symbol: "AAPL", requestID: 1_000_000_000, instrumentClass: .stock))
        harness.send(.accountValue(key: "NetLiquidation", value: "100000", currency: "BASE", account: "DU1"))
        harness.tickAAPL()
        harness.user(.runCommand("buy 1 AAPL lmt 231.20"))
        #expect(harness.state.ticket?.refusal?.code == .connectionNotUsable)
        harness.send(.nextValidOrderID(7))
        harness.user(.submit)
        harness.user(.submit)
        #expect(harness.placedOrders.map(\.0) == [7])
    }

    @Test func orderIDsOnlyMoveUp() {
        var harness = DashboardHarness.connected()
        harness.send(.nextValidOrderID(50))
        #expect(harness.state.nextOrderID == 100)
        harness.send(.nextValidOrderID(150))
        #expect(harness.state.nextOrderID == 150)
    }

    @Test func aStaleQuoteNeedsTheExplicitOverrideStep() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.advance(seconds: 10)
        harness.user(.openTicket(.buy))
        harness.type("10")
        harness.user(.submit)
        #expect(harness.state.ticket?.refusal?.code == .quoteNotLive)
        #expect(harness.state.ticket?.ticket.review == nil)
        harness.user(.overrideQuoteFreshness)
        harness.user(.submit)
        let review = try #require(harness.state.ticket?.ticket.review)
        #expect(review.quoteOverridden)
        #expect(review.lines.contains { $0.contains("STALE") })
        harness.user(.submit)
        #expect(harness.placedOrders.count == 1)
    }

    @Test(arguments: [MarketDataType.delayed, .frozen])
    func delayedAndFrozenQuotesNeedTheOverrideToo(type: MarketDataType) {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.marketDataType(requestID: harness.tickerID("AAPL"), type: type))
        harness.user(.runCommand("sell 10 AAPL lmt 231.20"))
        #expect(harness.state.ticket?.refusal?.code == .quoteNotLive)
        harness.user(.overrideQuoteFreshness)
        harness.user(.submit)
        harness.user(.submit)
        #expect(harness.placedOrders.count == 1)
    }

    @Test func escapeGoesFromReviewToEditThenClosesTheTicket() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.runCommand("buy 10 AAPL lmt 231.20"))
        #expect(harness.state.ticket?.ticket.review != nil)
        harness.user(.back)
        #expect(harness.state.ticket?.ticket.phase == .editing)
        #expect(harness.state.interface.overlay == .ticket)
        harness.user(.back)
        #expect(harness.state.ticket == nil)
        #expect(harness.state.interface.overlay == .none)
        #expect(harness.placedOrders.isEmpty)
    }

    @Test func editingAfterReviewReturnsToEditingAndNeedsANewReview() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.runCommand("buy 10 AAPL lmt 231.20"))
        harness.type("25")
        #expect(harness.state.ticket?.ticket.phase == .editing)
        #expect(harness.state.ticket?.ticket.quantityText == "25", "typing into the prefilled quantity replaces it")
        harness.user(.submit)
        harness.user(.submit)
        #expect(harness.placedOrders.first?.1.quantity == 25)
    }

    @Test func typingIntoAFreshlyFocusedFieldReplacesItThenAppends() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.openTicket(.buy))
        harness.type("10")
        #expect(harness.state.ticket?.ticket.quantityText == "10")
        harness.user(.focusTicketField(.limitPrice))
        harness.type("230.5")
        #expect(harness.state.ticket?.ticket.limitPriceText == "230.5", "the prefilled 231.21 is replaced, not appended to")
        harness.user(.deleteBackward)
        harness.type("0")
        #expect(harness.state.ticket?.ticket.limitPriceText == "230.0", "after the first key, typing edits")
        harness.user(.focusTicketField(.quantity))
        harness.user(.deleteBackward)
        harness.type("5")
        #expect(harness.state.ticket?.ticket.quantityText == "15", "backspace edits the text and typing then appends")
    }

    @Test func buyCommandOpensTheTicketInReview() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.openCommandLine)
        harness.type("buy 100 AAPL lmt 231.20")
        #expect(harness.state.interface.overlay == .commandLine("buy 100 AAPL lmt 231.20"))
        let asked = harness.user(.submit)
        #expect(harness.state.interface.overlay == .ticket)
        let review = try #require(harness.state.ticket?.ticket.review)
        #expect(review.instruction == OrderInstruction(side: .buy, quantity: 100, symbol: "AAPL", orderType: .limit, limitPrice: dec("231.20")))
        #expect(asked == [.saveCommandHistory(["buy 100 AAPL lmt 231.20"]), .requestWhatIf(serial: 1, review.instruction)],
                "the line is saved and the review asks the what-if, nothing else")
        let effects = harness.user(.submit)
        #expect(effects.first == .placeOrder(orderID: 100, review.instruction))
    }

    @Test func sellCommandWithStopLimitAndGTCOpensInReview() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.runCommand("sell 5 aapl stplmt 230.00 229.90 gtc"))
        let review = try #require(harness.state.ticket?.ticket.review)
        #expect(review.instruction.summary == "SELL 5 AAPL STP LMT 230.00 229.90 GTC")
    }

    @Test func aBadOrderCommandLogsWhyAndOpensNoTicket() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.runCommand("buy 100 AAPL lmt"))
        #expect(harness.state.ticket == nil)
        #expect(harness.latestMessage?.code == LocalMessage.commandFailed.rawValue)
        #expect(harness.latestMessage?.explanation.contains("limit price") == true)
    }

    @Test func changingTheOrderTypeMovesTheCursorToAFieldThatApplies() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.openTicket(.buy))
        harness.user(.setOrderType(.stopLimit))
        harness.user(.moveSelection(.bottom))
        #expect(harness.state.ticket?.focusedField == .limitPrice, "drawn last: quantity, stop, limit")
        harness.user(.setOrderType(.market))
        #expect(harness.state.ticket?.focusedField == .quantity)
        harness.user(.moveSelection(.down))
        #expect(harness.state.ticket?.focusedField == .quantity)
        harness.user(.focusTicketField(.limitPrice))
        #expect(harness.state.ticket?.focusedField == .quantity)
        harness.user(.setTimeInForce(.goodTillCancelled))
        #expect(harness.state.ticket?.ticket.timeInForce == .goodTillCancelled)
    }

    @Test func aMarketOrderSendsWithoutPrices() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.openTicket(.sell))
        harness.user(.setOrderType(.market))
        harness.type("5")
        harness.user(.submit)
        harness.user(.submit)
        #expect(harness.placedOrders.first?.1 == OrderInstruction(side: .sell, quantity: 5, symbol: "AAPL", orderType: .market))
    }

    @Test func theTicketContextCarriesPositionNetLiquidationAndTick() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.position(PositionUpdate(symbol: "AAPL", quantity: 30, averageCost: 200)))
        harness.send(.contractResolved(symbol: "AAPL", contract: ContractSummary(symbol: "AAPL", contractID: 1, minimumTick: 0.05)))
        let context = harness.state.ticketContext(for: "AAPL")
        #expect(context.position == 30)
        #expect(context.netLiquidation == 100_000)
        #expect(context.minimumTick == dec("0.05"))
        #expect(context.quoteFreshness == .live)
        #expect(context.accountKind == .paper)
        harness.user(.runCommand("buy 10 AAPL lmt 231.22"))
        #expect(harness.state.ticket?.refusal?.code == .priceOffTick)
    }

    @Test func openingATicketWithNothingSelectedSaysSo() {
        var harness = DashboardHarness.connected()
        harness.user(.focus(.orders))
        harness.user(.openTicket(.buy))
        #expect(harness.state.ticket == nil)
        #expect(harness.latestMessage?.code == LocalMessage.nothingToDo.rawValue)
    }
}
