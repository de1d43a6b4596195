import Testing
@testable import Dashboard
import Vocabulary

/// Issue #13 items 1, 2 and 5: modify a working order, close and reverse positions, flatten
/// all, and the ticket's manners (Tab order, closing after Sent, short warnings).
@Suite struct OrderWorkflowTests {
    /// A working BUY 100 AAPL LMT 231.21 placed from the ticket as order 100.
    static func withWorkingOrder() -> DashboardHarness {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.openTicket(.buy))
        harness.type("100")
        harness.user(.submit)
        harness.user(.submit)
        harness.user(.submit)  // closes the sent ticket
        harness.send(.orderStatus(OrderStatusReport(orderID: 100, status: .submitted, filled: 0, remaining: 100)))
        harness.user(.focus(.orders))
        harness.allEffects = []
        return harness
    }

    // MARK: Modify

    @Test func eOpensTheTicketOnTheOrderWithTheCursorInItsLimit() throws {
        var harness = Self.withWorkingOrder()
        harness.user(.modifySelectedOrder)
        let editor = try #require(harness.state.ticket)
        #expect(editor.ticket.amending?.orderID == 100)
        #expect(editor.ticket.quantityText == "100")
        #expect(editor.ticket.limitPriceText == "231.21")
        #expect(editor.focusedField == .limitPrice)
        #expect(harness.state.interface.overlay == .ticket)
    }

    @Test func theReviewShowsOldToNewAndSendReusesTheOrderID() throws {
        var harness = Self.withWorkingOrder()
        harness.user(.modifySelectedOrder)
        harness.type("231.50")
        harness.user(.submit)
        let review = try #require(harness.state.ticket?.ticket.review)
        #expect(review.lines.contains("Limit:       231.21 → 231.50"))
        #expect(review.lines.contains("Quantity:    100"))
        #expect(review.lines.first == "Modify:      order 100, same id (cancel/replace in one step)")
        let effects = harness.user(.submit)
        #expect(effects.actions == [.modifyOrder(orderID: 100, review.instruction)])
        #expect(effects.journalEntries.map(\.kind) == [.orderModifySent])
        #expect(harness.state.nextOrderID == 101)
        #expect(harness.state.orders[100]?.lifecycle.last?.note == "Modify sent: Limit 231.21 → 231.50")
        // Until IB lists the order with its new price the pane keeps the old one.
        #expect(harness.state.orders[100]?.limitPrice == dec("231.21"))
        harness.send(.openOrder(OpenOrderSnapshot(
            orderID: 100, symbol: "AAPL", side: .buy, quantity: 100, orderType: .limit, limitPrice: dec("231.5"),
            status: .submitted)))
        #expect(harness.state.orders[100]?.limitPrice == dec("231.50"))
        #expect(harness.state.orders[100]?.lifecycle.last?.note == "Modified: Limit 231.21 → 231.50")
    }

    @Test func aPartlyFilledOrderKeepsItsFilledQuantity() throws {
        var harness = Self.withWorkingOrder()
        harness.send(.orderStatus(OrderStatusReport(orderID: 100, status: .submitted, filled: 30, remaining: 70)))
        harness.user(.runCommand("modify 100 qty 20"))
        let editor = try #require(harness.state.ticket)
        #expect(editor.refusal?.code == .quantityNotAboveFilled)
        #expect(editor.refusal?.message == "Order 100 has 30 filled; the new total quantity must be above 30.")
        #expect(editor.focusedField == .quantity)
        // A total above the filled part goes through; the position moves by the new rest.
        harness.user(.focusTicketField(.quantity))
        harness.type("50")
        harness.user(.submit)
        let review = try #require(harness.state.ticket?.ticket.review)
        #expect(review.lines.contains("Quantity:    100 → 50"))
        #expect(review.lines.contains("Filled:      30 (kept)"))
        #expect(review.positionAfter - review.positionBefore == 20)
        // More fills while the review is open: the total must stay above them at send.
        harness.send(.orderStatus(OrderStatusReport(orderID: 100, status: .submitted, filled: 60, remaining: 40)))
        let effects = harness.user(.submit)
        #expect(effects.actions.isEmpty)
        #expect(harness.state.ticket?.refusal?.code == .quantityNotAboveFilled)
    }

    @Test func aModificationThatChangesNothingIsRefused() {
        var harness = Self.withWorkingOrder()
        harness.user(.modifySelectedOrder)
        harness.user(.submit)
        #expect(harness.state.ticket?.refusal?.code == .nothingChanged)
        #expect(harness.state.ticket?.ticket.review == nil)
    }

    @Test func theModifyCommandGoesStraightToReviewAndKeepsTheType() throws {
        var harness = Self.withWorkingOrder()
        harness.user(.focus(.watchlist))
        harness.user(.runCommand("modify 100 lmt 231.30"))
        let review = try #require(harness.state.ticket?.ticket.review)
        #expect(review.amendment?.orderID == 100)
        #expect(review.instruction.limitPrice == dec("231.30"))
        // The type of a working order stays; the ticket says so.
        harness.user(.back)
        harness.user(.setOrderType(.market))
        #expect(harness.state.ticket?.ticket.orderType == .limit)
        #expect(harness.state.ticket?.refusal?.code == .orderNotModifiable)
        // A limit order has no stop to set.
        harness.user(.back)
        harness.user(.back)
        harness.user(.runCommand("modify 100 stp 229"))
        #expect(harness.state.ticket == nil)
        #expect(harness.latestMessage?.title == "Order 100 has no stop price")
    }

    @Test func onlyWorkingOrdersOfThisClientCanBeModified() {
        var harness = Self.withWorkingOrder()
        harness.send(.openOrder(OpenOrderSnapshot(
            orderID: 7, symbol: "MSFT", side: .sell, quantity: 10, orderType: .limit, limitPrice: 400,
            status: .submitted, ownerClientID: 9, isThisClient: false)))
        harness.user(.runCommand("modify 7 lmt 401"))
        #expect(harness.state.ticket == nil)
        #expect(harness.latestMessage?.explanation.contains("placed by client id 9") == true)
        harness.send(.orderStatus(OrderStatusReport(orderID: 100, status: .filled, filled: 100, remaining: 0)))
        harness.user(.runCommand("modify 100 lmt 231.30"))
        #expect(harness.state.ticket == nil)
        #expect(harness.latestMessage?.title == "Order 100 cannot be modified")
        harness.user(.runCommand("modify 555"))
        #expect(harness.latestMessage?.explanation == "There is no order 555.")
    }

    @Test func theModifyCommandExplainsItsUsage() {
        #expect(DashboardCommand.parse("modify 12 lmt 231.5") == .success(.modify(orderID: 12, field: .limitPrice, value: "231.5")))
        #expect(DashboardCommand.parse("modify 12") == .success(.modify(orderID: 12, field: nil, value: nil)))
        guard case .failure(let error) = DashboardCommand.parse("modify 12 price 3") else {
            Issue.record("a field that is not one parsed")
            return
        }
        #expect(error.message.hasPrefix("'price' is not a field of an order; use qty, lmt or stp"))
        #expect(DashboardCommand.parse("flatten all") == .success(.flatten(nil)))
        #expect(DashboardCommand.parse("flatten aapl") == .success(.flatten("aapl")))
    }

    // MARK: Close, reverse, flatten

    static func withPositions() -> DashboardHarness {
        var harness = DashboardHarness.withLiveAAPL(config: DashboardConfig(watchlist: ["AAPL", "MSFT"]))
        harness.send(.quote(QuoteUpdate(symbol: "MSFT", bid: 410.10, ask: 410.14, last: 410.12, lastSize: 1, volume: 10, close: 409)))
        harness.send(.position(PositionUpdate(symbol: "AAPL", quantity: 50, averageCost: 200)))
        harness.send(.position(PositionUpdate(symbol: "MSFT", quantity: -20, averageCost: 420)))
        harness.user(.focus(.positions))
        harness.allEffects = []
        return harness
    }

    @Test func xClosesTheSelectedPositionAtMarketThroughReviewAndLMakesItALimitAtTheTouch() throws {
        var harness = Self.withPositions()
        harness.user(.closeSelectedPosition)
        let review = try #require(harness.state.ticket?.ticket.review)
        #expect(review.instruction.summary == "SELL 50 AAPL MKT DAY")
        #expect(review.estimatedNotional == dec("11559.50"), "estimated at the bid")
        harness.user(.setOrderType(.limit))
        harness.user(.submit)
        #expect(harness.state.ticket?.ticket.review?.instruction.summary == "SELL 50 AAPL LMT 231.19 DAY")
        harness.user(.setOrderType(.market))
        harness.user(.submit)
        #expect(review.positionAfter == 0)
        #expect(harness.placedOrders.isEmpty)
        harness.user(.submit)
        #expect(harness.placedOrders.map(\.0) == [100])
        // A short closes with a buy at the ask.
        harness.user(.submit)
        harness.user(.moveSelection(.down))
        harness.user(.closeSelectedPosition)
        #expect(harness.state.ticket?.ticket.review?.instruction.summary == "BUY 20 MSFT MKT DAY")
    }

    @Test func theReviewListsOtherWorkingOrdersInTheSymbolThatMayFillToo() throws {
        var harness = Self.withWorkingOrder()
        harness.send(.position(PositionUpdate(symbol: "AAPL", quantity: 50, averageCost: 200)))
        harness.user(.focus(.positions))
        harness.user(.closeSelectedPosition)
        let review = try #require(harness.state.ticket?.ticket.review)
        #expect(review.lines.contains("Also working: #100 BUY 100 LMT 231.21"))
        // The order being modified is not "also working".
        harness.user(.back)
        harness.user(.back)
        harness.user(.runCommand("modify 100 lmt 231.30"))
        #expect(harness.state.ticket?.ticket.review?.otherWorkingOrders == [])
    }

    @Test func rReversesAndTheReviewSaysItOpensAShort() throws {
        var harness = Self.withPositions()
        harness.user(.reverseSelectedPosition)
        let review = try #require(harness.state.ticket?.ticket.review)
        #expect(review.instruction.summary == "SELL 100 AAPL MKT DAY")
        #expect(review.lines.contains("Short:       opens a short of 50 AAPL"))
    }

    @Test func buyAndSellInThePositionsPaneStartFromThePositionsSize() {
        var harness = Self.withPositions()
        harness.user(.openTicket(.sell))
        #expect(harness.state.ticket?.ticket.quantityText == "50")
        #expect(harness.state.ticket?.ticket.symbol == "AAPL")
        // Selling more of a short says the short grows.
        harness.user(.back)
        harness.user(.moveSelection(.down))
        harness.user(.openTicket(.sell))
        harness.type("5")
        harness.user(.submit)
        #expect(harness.state.ticket?.ticket.review?.shortEffect == "adds to a short: -20 → -25 MSFT")
    }

    @Test func flattenAllReviewsEveryPositionAndSendsThemOnYes() throws {
        var harness = Self.withPositions()
        harness.user(.runCommand("flatten all"))
        guard case .confirm(.flattenAll(let batch)) = harness.state.interface.overlay else {
            Issue.record("no flatten review: \(harness.state.interface.overlay)")
            return
        }
        #expect(batch.sendable.map(\.instruction.summary) == ["SELL 50 AAPL MKT DAY", "BUY 20 MSFT MKT DAY"])
        #expect(harness.placedOrders.isEmpty)
        harness.user(.submit)
        #expect(harness.placedOrders.map(\.0) == [100, 101])
        #expect(harness.state.nextOrderID == 102)
        #expect(harness.latestMessage?.title == "Flatten: 2 orders sent")
    }

    @Test func flattenAllListsWhatTheTicketRefusesAndSendsTheRest() throws {
        var harness = Self.withPositions()
        harness.send(.position(PositionUpdate(symbol: "MSFT", quantity: -5000, averageCost: 420)))
        harness.user(.runCommand("flatten all"))
        guard case .confirm(.flattenAll(let batch)) = harness.state.interface.overlay else {
            Issue.record("no flatten review")
            return
        }
        #expect(batch.entries.map(\.refusal?.code) == [nil, .quantityAboveMaximum])
        harness.user(.submit)
        #expect(harness.placedOrders.map(\.1.symbol) == ["AAPL"])
    }

    @Test func flattenOneSymbolAndNothingToFlatten() {
        var harness = Self.withPositions()
        harness.user(.runCommand("flatten msft"))
        #expect(harness.state.ticket?.ticket.review?.instruction.summary == "BUY 20 MSFT MKT DAY")
        harness.user(.back)
        harness.user(.back)
        harness.user(.runCommand("flatten TSLA"))
        #expect(harness.latestMessage?.explanation == "There is no open position in TSLA.")
    }

    @Test func aKeyOfAnotherPaneSaysWhereItWorks() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.keyOfAnotherPane(key: "x", does: "close (flatten)", pane: .positions))
        #expect(harness.latestMessage?.title == "x (close (flatten)) works in the positions pane")
        #expect(harness.state.ticket == nil)
    }

    // MARK: Ticket manners

    @Test func afterSentTheNextKeyClosesTheTicketAndNothingIsReused() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.openTicket(.buy))
        harness.type("10")
        harness.user(.submit)
        harness.user(.submit)
        #expect(harness.state.ticket?.sentOrderID == 100)
        harness.user(.insertText("5"))
        #expect(harness.state.ticket == nil)
        #expect(harness.state.interface.overlay == .none)
        #expect(harness.placedOrders.count == 1)
    }

    @Test func tabFollowsTheDrawnOrderForAStopLimit() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.openTicket(.buy))
        harness.user(.setOrderType(.stopLimit))
        var editor = try #require(harness.state.ticket)
        #expect(editor.applicableFields == [.quantity, .stopPrice, .limitPrice])
        editor.moveFocus(by: 1)
        #expect(editor.focusedField == .stopPrice)
        editor.moveFocus(by: 1)
        #expect(editor.focusedField == .limitPrice)
    }

    @Test func anOverrideBypassesOnlyTheQuoteFreshness() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.advance(seconds: 120)  // the quote goes stale
        harness.user(.openTicket(.buy))
        harness.type("5000")
        harness.user(.overrideQuoteFreshness)
        harness.user(.submit)
        #expect(harness.state.ticket?.refusal?.code == .quantityAboveMaximum)
        // The refusal put the cursor in the quantity: typing replaces the refused text.
        harness.type("10")
        harness.user(.overrideQuoteFreshness)
        harness.user(.submit)
        let review = try #require(harness.state.ticket?.ticket.review)
        #expect(review.quoteOverridden)
        #expect(review.lines.last?.hasPrefix("Warning:     reference quote is") == true)
        // The override is journaled with the order.
        let sent = harness.user(.submit).journalEntries.first
        #expect(sent?.kind == .orderSent)
        #expect(sent?.text?.hasPrefix("sent on the trader's override of a reference quote that was") == true)
    }
}

/// Issue #13 item 4: the review asks the gateway's what-if and shows it; a refusal blocks
/// the send with IB's reason.
@Suite struct WhatIfReviewTests {
    static func reviewing() -> DashboardHarness {
        var harness = DashboardHarness.withLiveAAPL()
        harness.answersWhatIf = false
        harness.user(.openTicket(.buy))
        harness.type("100")
        harness.user(.submit)
        return harness
    }

    @Test func theReviewAsksAndShowsMarginCommissionAndEquityAfter() throws {
        var harness = Self.reviewing()
        let review = try #require(harness.state.ticket?.ticket.review)
        #expect(harness.allEffects.actions == [.requestWhatIf(serial: 1, review.instruction)])
        #expect(harness.state.ticket?.whatIf?.lines == ["What-if:     asking the gateway…"])
        harness.send(.whatIf(serial: 1, .answered(WhatIfReport(
            initMarginChange: 5_781.3, maintMarginChange: 4_625.04, equityWithLoanAfter: 994_218.7,
            commission: 1.0, minCommission: 1.0, maxCommission: 1.35))))
        #expect(harness.state.ticket?.whatIf?.lines == [
            "What-if:     init margin +5,781.30, maint +4,625.04",
            "             commission 1.00–1.35 USD; equity with loan after 994,218.70",
        ])
        harness.user(.submit)
        #expect(harness.placedOrders.map(\.0) == [100])
    }

    @Test func enterBeforeTheAnswerSendsWhenItComesUnlessIBRefuses() {
        var harness = Self.reviewing()
        harness.user(.submit)
        #expect(harness.placedOrders.isEmpty, "nothing goes before the what-if answers")
        #expect(harness.state.ticket?.sendsWhenWhatIfAnswers == true)
        harness.send(.whatIf(serial: 1, .answered(WhatIfReport(initMarginChange: 100))))
        #expect(harness.placedOrders.map(\.0) == [100])

        var refused = Self.reviewing()
        refused.user(.submit)
        refused.send(.whatIf(serial: 1, .refused("Order rejected (201): no trading permissions")))
        #expect(refused.placedOrders.isEmpty)
        #expect(refused.state.ticket?.refusal?.code == .whatIfRefused)
    }

    @Test func aRefusalBlocksTheSendWithIBsReason() {
        var harness = Self.reviewing()
        harness.send(.whatIf(serial: 1, .refused("Order rejected (201): insufficient equity")))
        #expect(harness.state.ticket?.refusal?.code == .whatIfRefused)
        harness.user(.submit)
        harness.user(.submit)
        #expect(harness.placedOrders.isEmpty)
        #expect(harness.state.ticket?.refusal?.message.hasPrefix("IB would refuse this order: Order rejected (201): insufficient equity") == true)
    }

    @Test func noAnswerIsSaidAndDoesNotBlockAndALateAnswerIsDropped() {
        var harness = Self.reviewing()
        harness.send(.whatIf(serial: 1, .unanswered("the gateway did not answer within 10 s")))
        #expect(harness.state.ticket?.whatIf?.lines == ["What-if:     no answer (the gateway did not answer within 10 s); not checked by IB"])
        // A new review asks again; the first review's late answer changes nothing.
        harness.user(.back)
        harness.user(.submit)
        harness.send(.whatIf(serial: 1, .refused("late")))
        #expect(harness.state.ticket?.whatIf == .pending(serial: 2))
        harness.send(.whatIf(serial: 2, .unanswered("link lost")))
        harness.user(.submit)
        #expect(harness.placedOrders.count == 1)
    }

    @Test func aModificationIsNotAskedAndSaysSo() throws {
        var harness = OrderWorkflowTests.withWorkingOrder()
        harness.user(.runCommand("modify 100 lmt 231.30"))
        #expect(harness.state.ticket?.whatIf?.lines == ["What-if:     not asked for a modification (IB's what-if is for new orders)"])
    }
}
