import Testing
@testable import Dashboard
import Vocabulary

/// Issue #13 item 3: brackets, exit pairs, trailing stops, IOC/FOK and sizing by money, through
/// the ticket's review and guard, numbered and tied together when sent.
@Suite struct AttachedOrderTicketTests {
    @Test func aBracketIsReviewedWholeAndSentAsOneGroupTheLastTransmitting() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.runCommand("buy 10 AAPL lmt 231.20 tp +2.00 sl 229.50"))
        let review = try #require(harness.state.ticket?.ticket.review)
        #expect(review.orders.map(\.role) == [.entry, .takeProfit, .stopLoss])
        #expect(review.lines.contains("Take profit: SELL 10 AAPL LMT 233.20 DAY"))
        #expect(review.lines.contains("Stop loss:   SELL 10 AAPL STP 229.50 DAY"))
        #expect(review.lines.contains("Group:       both wait for the entry to fill; one fill cancels the other"))
        let effects = harness.user(.submit)
        guard case .placeOrderGroup(let group)? = effects.actions.first else {
            Issue.record("no group placed: \(effects)")
            return
        }
        #expect(group.map(\.orderID) == [100, 101, 102])
        #expect(group.map(\.instruction.link) == [
            OrderLink(parentOrderID: nil, transmit: false),
            OrderLink(parentOrderID: 100, transmit: false),
            OrderLink(parentOrderID: 100, transmit: true),
        ])
        #expect(harness.state.nextOrderID == 103)
        #expect(effects.journalEntries.map(\.orderID) == [100, 101, 102])
        // The orders pane lists the children under their parent.
        harness.user(.submit)
        harness.send(.orderStatus(OrderStatusReport(orderID: 100, status: .submitted, filled: 0, remaining: 10)))
        harness.user(.runCommand("buy 1 AAPL lmt 231.00"))
        harness.user(.submit)
        #expect(harness.state.orderList.map(\.orderID) == [103, 100, 101, 102])
        #expect(harness.state.orders[102]?.parentID == 100)
    }

    @Test func aBracketsPricesMustStandOnTheirSideOfTheEntry() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.runCommand("buy 10 AAPL lmt 231.20 tp 230 sl 229"))
        #expect(harness.state.ticket?.refusal?.code == .attachedPriceOnWrongSide)
        #expect(harness.state.ticket?.refusal?.message == "Take profit 230.00 must be above the entry 231.20.")
        #expect(harness.state.ticket?.focusedField == .takeProfit)
        harness.user(.back)
        harness.user(.runCommand("sell 10 AAPL lmt 231.20 tp -1 sl -0.5"))
        #expect(harness.state.ticket?.refusal?.message == "Stop loss 230.70 must be above the entry 231.20.")
    }

    @Test func anExitPairHasNoEntryAndSharesOneOCAGroup() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.position(PositionUpdate(symbol: "AAPL", quantity: 20, averageCost: 200)))
        harness.user(.runCommand("sell 20 AAPL oca tp 240 sl 225 gtc"))
        let review = try #require(harness.state.ticket?.ticket.review)
        #expect(review.orders.map(\.instruction.summary) == ["SELL 20 AAPL LMT 240.00 GTC", "SELL 20 AAPL STP 225.00 GTC"])
        #expect(review.lines.contains("Type:        OCA exit pair: LMT + STP, no entry"))
        #expect(review.lines.contains("Position:    20 → 0 when either fills"))
        let effects = harness.user(.submit)
        guard case .placeOrderGroup(let group)? = effects.actions.first else {
            Issue.record("no group placed")
            return
        }
        #expect(group.map(\.instruction.link) == [
            OrderLink(transmit: true, ocaGroup: "ibterm-100", ocaType: 3),
            OrderLink(transmit: true, ocaGroup: "ibterm-100", ocaType: 3),
        ])
    }

    @Test func aTrailingStopTakesAnAmountOrAPercentage() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.runCommand("sell 10 AAPL trail 1.5% gtc"))
        var review = try #require(harness.state.ticket?.ticket.review)
        #expect(review.instruction.trailingPercent == dec("1.5"))
        #expect(review.instruction.summary == "SELL 10 AAPL TRAIL 1.5% GTC")
        #expect(review.lines.contains("Trail:       1.5 % behind the market"))
        harness.user(.back)
        harness.user(.back)
        harness.user(.runCommand("sell 10 AAPL traillmt 1.50 0.10"))
        review = try #require(harness.state.ticket?.ticket.review)
        #expect(review.instruction.trailingAmount == dec("1.50"))
        #expect(review.instruction.limitOffset == dec("0.10"))
        harness.user(.back)
        harness.user(.back)
        harness.user(.runCommand("sell 10 AAPL trail 1.555"))
        #expect(harness.state.ticket?.refusal?.code == .priceOffTick)
        #expect(harness.state.ticket?.refusal?.field == .trail)
    }

    @Test func iocAndFokAreForOrdersThatTradeAtOnce() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.runCommand("buy 10 AAPL lmt 231.21 ioc"))
        #expect(harness.state.ticket?.ticket.review?.instruction.timeInForce == .immediateOrCancel)
        harness.user(.back)
        harness.user(.back)
        harness.user(.runCommand("buy 10 AAPL stp 240 fok"))
        #expect(harness.state.ticket?.refusal?.code == .timeInForceNotAllowed)
        #expect(harness.state.ticket?.refusal?.message.hasPrefix("FOK trades at once or not at all; it does not apply to a STP order.") == true)
    }

    @Test func moneySizesWholeSharesShownInReview() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.runCommand("buy $5000 AAPL lmt 231.20"))
        let review = try #require(harness.state.ticket?.ticket.review)
        #expect(review.instruction.quantity == 21)
        #expect(review.lines.contains("Quantity:    21 ($5,000.00 at 231.20)"))
        harness.user(.back)
        harness.user(.back)
        harness.user(.runCommand("buy $100 AAPL lmt 231.20"))
        #expect(harness.state.ticket?.refusal?.message == "$100.00 does not buy one whole share at 231.20.")
        harness.user(.back)
        harness.user(.runCommand("buy $900000 AAPL lmt 231.20"))
        #expect(harness.state.ticket?.refusal?.code == .quantityAboveMaximum)
    }

    @Test func theTicketsKeysCycleAttachmentAndTimeInForce() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.openTicket(.buy))
        harness.user(.setTicketAttachment(.bracket))
        let editor = try #require(harness.state.ticket)
        #expect(editor.applicableFields == [.quantity, .limitPrice, .takeProfit, .stopLoss])
        #expect(editor.focusedField == .takeProfit)
        harness.user(.setTicketAttachment(.ocaExit))
        #expect(harness.state.ticket?.applicableFields == [.quantity, .takeProfit, .stopLoss])
        harness.user(.setOrderType(.trailLimit))
        harness.user(.setTicketAttachment(.none))
        #expect(harness.state.ticket?.applicableFields == [.quantity, .trail, .limitOffset])
    }

    @Test func theCommandLineExplainsWhatABracketNeeds() {
        #expect(throws: TicketCommandError.self) { try OrderTicketCommand.parse("buy 10 AAPL lmt 231 tp 240") }
        do {
            _ = try OrderTicketCommand.parse("buy 10 AAPL lmt 231 tp 240")
        } catch {
            #expect(error.message == "A bracket or exit pair needs both 'tp PRICE' and 'sl PRICE'.")
        }
    }
}
