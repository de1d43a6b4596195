import Dashboard
import DeskBus
import Testing
import Vocabulary

/// The at-most-once rule, for each state of the done-hash.
@Suite struct CommandLedgerTests {
    func command(_ action: BusCommandAction, key: String = "K-1") -> BusCommand {
        BusCommand(idempotencyKey: key, origin: "dash-1", createdAt: Timestamp(secondsSinceEpoch: 1), action: action)
    }

    let place = BusCommandAction.placeOrder(orderID: 40, BusEventSamples.instruction)

    @Test func nothingStoredExecutesAfterMarkingStarted() throws {
        #expect(CommandLedger.decide(command(place), stored: nil) == .execute(mark: "started:40"))
        let group = BusCommandAction.placeOrderGroup([
            NumberedOrder(orderID: 41, instruction: BusEventSamples.instruction), NumberedOrder(orderID: 42, instruction: BusEventSamples.instruction),
        ])
        guard case let .execute(mark) = CommandLedger.decide(command(group), stored: nil) else { Issue.record("not execute"); return }
        #expect(try LedgerRecord(text: mark) == .started(orderIDs: [41, 42]))
        #expect(CommandLedger.decide(command(.cancelAll), stored: nil) == .execute(mark: "started:"))
        #expect(try LedgerRecord(text: "started:") == .started(orderIDs: []))
    }

    @Test func aFinishedCommandIsRepublishedNotSent() {
        let stored = LedgerRecord.finished(.accepted(orderIDs: [40])).text
        #expect(stored.hasPrefix("done:"))
        #expect(CommandLedger.decide(command(place), stored: stored) == .republish(.alreadyDone(.accepted(orderIDs: [40]))))
        // A stored already-done is not wrapped twice.
        let twice = LedgerRecord.finished(.alreadyDone(.refused(reason: "no"))).text
        #expect(CommandLedger.decide(command(place), stored: twice) == .republish(.alreadyDone(.refused(reason: "no"))))
    }

    @Test func aStartedOrderIsInDoubtAndNeverSentAgain() {
        #expect(CommandLedger.decide(command(place), stored: "started:40") == .inDoubt(orderIDs: [40]))
        #expect(CommandLedger.decide(command(.cancel(orderID: 9)), stored: "started:9") == .inDoubt(orderIDs: [9]))
        #expect(CommandLedger.decide(command(.modifyOrder(orderID: 9, BusEventSamples.instruction)), stored: "started:9") == .inDoubt(orderIDs: [9]))
    }

    @Test func aStartedHarmlessCommandIsSentAgain() {
        #expect(CommandLedger.decide(command(.subscribeQuotes(symbol: "AAPL")), stored: "started:") == .executeAgain)
        #expect(CommandLedger.decide(command(.cancelAll), stored: "started:") == .executeAgain)
    }

    @Test func anUnreadableRecordRefusesWithoutSending() {
        for garbage in ["", "started:4x", "done:{", "maybe"] {
            guard case let .refuse(.refused(reason)) = CommandLedger.decide(command(place), stored: garbage) else {
                Issue.record("\(garbage) did not refuse"); continue
            }
            #expect(reason.contains("K-1"))
        }
    }

    @Test func inDoubtResultsFromWhatTheGatewayKnows() {
        #expect(CommandLedger.inDoubtResult(for: command(place), gatewayStatuses: [40: .submitted]) == .accepted(orderIDs: [40]))
        guard case let .refused(reason) = CommandLedger.inDoubtResult(for: command(place), gatewayStatuses: [:]) else {
            Issue.record("not refused"); return
        }
        #expect(reason.contains("not sent again"))
        let group = command(.placeOrderGroup([
            NumberedOrder(orderID: 41, instruction: BusEventSamples.instruction), NumberedOrder(orderID: 42, instruction: BusEventSamples.instruction),
        ]))
        guard case let .refused(partial) = CommandLedger.inDoubtResult(for: group, gatewayStatuses: [41: .preSubmitted]) else {
            Issue.record("partial group not refused"); return
        }
        #expect(partial.contains("not 42"))
        #expect(CommandLedger.inDoubtResult(for: command(.cancel(orderID: 9)), gatewayStatuses: [9: .cancelled]) == .accepted(orderIDs: [9]))
        guard case .refused = CommandLedger.inDoubtResult(for: command(.cancel(orderID: 9)), gatewayStatuses: [9: .submitted]) else {
            Issue.record("a working order's cancel was taken as done"); return
        }
    }

    @Test func dashboardEffectsMapToActions() {
        #expect(BusCommandAction(DashboardEffect.placeOrder(orderID: 40, BusEventSamples.instruction)) == place)
        #expect(BusCommandAction(DashboardEffect.cancelOrder(orderID: 3)) == .cancel(orderID: 3))
        #expect(BusCommandAction(DashboardEffect.cancelAllOrders) == .cancelAll)
        #expect(BusCommandAction(DashboardEffect.subscribeQuotes(symbol: "ES")) == .subscribeQuotes(symbol: "ES"))
        #expect(BusCommandAction(DashboardEffect.quit) == nil)
    }
}
