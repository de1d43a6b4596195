import Dashboard
import DeskBus
import Testing
import Vocabulary

/// Issue #16 item 5, commands: ids another screen took are numbered afresh with their group's
/// links, orders that waited too long are refused, Redis's clock is read from entry ids, and a
/// heartbeat's moved next id reaches the screen.
@Suite struct DeskCommandRulesTests {
    static func order(_ id: Int, parent: Int? = nil, oca: String? = nil, transmit: Bool = true) -> NumberedOrder {
        var instruction = BusEventSamples.instruction
        instruction.link = OrderLink(parentOrderID: parent, transmit: transmit, ocaGroup: oca, ocaType: oca == nil ? 0 : 3)
        return NumberedOrder(orderID: id, instruction: instruction)
    }

    @Test func aTakenIdIsNumberedFromTheNextFreeOne() throws {
        let place = BusCommandAction.placeOrder(orderID: 100, BusEventSamples.instruction)
        #expect(place.renumbered(from: 100) == nil)
        #expect(place.renumbered(from: 99) == nil)
        let moved = try #require(place.renumbered(from: 103))
        #expect(moved.action == .placeOrder(orderID: 103, BusEventSamples.instruction))
        #expect(moved.mapping == [100: 103])
        // Modifications, cancels and subscriptions keep their ids.
        #expect(BusCommandAction.cancel(orderID: 5).renumbered(from: 100) == nil)
        #expect(BusCommandAction.modifyOrder(orderID: 5, BusEventSamples.instruction).renumbered(from: 100) == nil)
        #expect(BusCommandAction.subscribeQuotes(symbol: "AAPL").renumbered(from: 100) == nil)
    }

    @Test func aBracketMovesWithItsParentLinks() throws {
        let bracket = BusCommandAction.placeOrderGroup([
            Self.order(100, transmit: false), Self.order(101, parent: 100, transmit: false), Self.order(102, parent: 100),
        ])
        let moved = try #require(bracket.renumbered(from: 110))
        guard case let .placeOrderGroup(orders) = moved.action else { Issue.record("not a group"); return }
        #expect(orders.map(\.orderID) == [110, 111, 112])
        #expect(orders.map { $0.instruction.link?.parentOrderID } == [nil, 110, 110])
        #expect(orders.map { $0.instruction.link?.transmit } == [false, false, true])
        #expect(moved.mapping == [100: 110, 101: 111, 102: 112])
        let oca = BusCommandAction.placeOrderGroup([Self.order(100, oca: "ibterm-100"), Self.order(101, oca: "ibterm-100")])
        guard case let .placeOrderGroup(pair)? = oca.renumbered(from: 120)?.action else { Issue.record("not moved"); return }
        #expect(pair.map { $0.instruction.link?.ocaGroup } == ["ibterm-120", "ibterm-120"])
    }

    @Test func anOrderThatWaitedPastTheLimitIsRefusedACancelIsNot() throws {
        let command = { (action: BusCommandAction) in
            BusCommand(idempotencyKey: "K", origin: "S", createdAt: Timestamp(secondsSinceEpoch: 0), action: action)
        }
        let place = command(.placeOrder(orderID: 7, BusEventSamples.instruction))
        #expect(CommandLedger.expiry(of: place, waited: .seconds(10)) == nil)
        guard case let .refused(reason)? = CommandLedger.expiry(of: place, waited: .seconds(42)) else {
            Issue.record("not refused"); return
        }
        #expect(reason == "order 7 waited 42 s for the desk's bridge (limit 10 s) and was not sent; send it again if you still want it")
        #expect(CommandLedger.expiry(of: command(.modifyOrder(orderID: 7, BusEventSamples.instruction)), waited: .seconds(60)) != nil)
        #expect(CommandLedger.expiry(of: command(.cancel(orderID: 7)), waited: .seconds(600)) == nil)
        #expect(CommandLedger.expiry(of: command(.cancelAll), waited: .seconds(600)) == nil)
        #expect(CommandLedger.expiry(of: command(.subscribeQuotes(symbol: "AAPL")), waited: .seconds(600)) == nil)
    }

    @Test func anEntryIDCarriesRedissMilliseconds() {
        #expect(CommandLedger.milliseconds(ofEntryID: "1764858000123-4") == 1_764_858_000_123)
        #expect(CommandLedger.milliseconds(ofEntryID: "1764858000123") == 1_764_858_000_123)
        #expect(CommandLedger.milliseconds(ofEntryID: "x-1") == nil)
    }

    @Test func aWhatIfGoesThroughTheBridgeAndItsAnswerKeepsEveryFigure() throws {
        let action = try #require(BusCommandAction(.requestWhatIf(serial: 7, BusEventSamples.instruction)))
        #expect(action == .whatIf(serial: 7, BusEventSamples.instruction))
        #expect(action.orderIDs.isEmpty && action.isSafeToRepeat && !action.expires)
        #expect(action.renumbered(from: 500) == nil)
        let answer = BusCommandResult.whatIf(.answered(WhatIfReport(
            initMarginChange: 5_000, maintMarginChange: 4_000, equityWithLoanAfter: 99_999, commission: 1)))
        #expect(try LedgerRecord(text: LedgerRecord.finished(answer).text) == .finished(answer))
        let reply = BusCommandReply(idempotencyKey: "K", origin: "S", result: .whatIf(.refused("no margin")))
        #expect(try BusEntry(fields: BusEntry.result(reply).fields()) == .result(reply))
    }

    @Test func aRenumberedResultRoundTripsThroughTheLedger() throws {
        let result = BusCommandResult.renumbered(requested: [100], orderIDs: [103])
        #expect(try LedgerRecord(text: LedgerRecord.finished(result).text) == .finished(result))
    }

    @Test func aHeartbeatWhoseNextIdMovedGivesTheScreenTheNewId() {
        var monitor = BridgeLinkMonitor()
        func beat(_ sequence: Int, next: Int) -> BusHeartbeat {
            BusHeartbeat(bridgeID: "B", sequence: sequence, link: .connected, generation: 1, serverVersion: 178,
                         accounts: ["DU1"], nextOrderID: next, sentAt: Timestamp(secondsSinceEpoch: 0))
        }
        #expect(monitor.heartbeat(beat(1, next: 100), at: .milliseconds(0)) == [.connected(serverVersion: 178, accounts: ["DU1"], nextOrderID: 100)])
        #expect(monitor.heartbeat(beat(2, next: 100), at: .milliseconds(500)).isEmpty)
        #expect(monitor.heartbeat(beat(3, next: 104), at: .milliseconds(1000)) == [.nextValidOrderID(104)])
        #expect(monitor.heartbeat(beat(4, next: 104), at: .milliseconds(1500)).isEmpty)
    }
}

/// Issue #16 item 6's check: a screen counts the bridge's stamped events, in order, with gaps
/// and repeats named.
@Suite struct FeedContinuityTests {
    @Test func countsInOrderGapsRepeatsAndANewRun() {
        var feed = FeedContinuity()
        #expect(feed.take(nil) == .unstamped)
        #expect(feed.take(BusStamp(run: "A", sequence: 5)) == .inOrder)
        #expect(feed.take(BusStamp(run: "A", sequence: 6)) == .inOrder)
        #expect(feed.take(BusStamp(run: "A", sequence: 9)) == .gap(missing: 2))
        #expect(feed.take(BusStamp(run: "A", sequence: 9)) == .outOfOrder)
        #expect(feed.take(BusStamp(run: "A", sequence: 7)) == .outOfOrder)
        #expect(feed.summary == "bridge A: events 5…9 read, 3 in order, 2 missing, 2 out of order")
        // A restarted bridge counts again from its own first event: no gap.
        #expect(feed.take(BusStamp(run: "B", sequence: 1)) == .inOrder)
        #expect(feed.summary == "bridge B: events 1…1 read, 1 in order, 0 missing, 0 out of order")
    }

    @Test func aStampTravelsAsExtraFieldsTheBareFormatIgnores() throws {
        let stamp = BusStamp(run: "3f2b", sequence: 42)
        let fields = try BusEntry.event(.nextValidOrderID(5)).fields() + stamp.fields
        #expect(BusStamp(fields: fields) == stamp)
        #expect(try BusEntry(fields: fields) == .event(.nextValidOrderID(5)))
        #expect(BusStamp(fields: try BusEntry.event(.nextValidOrderID(5)).fields()) == nil)
        #expect(BusStamp(fields: ["run", "A", "seq", "x"]) == nil)
        #expect(BusStamp(fields: ["run", "A", "seq", "0"]) == nil)
    }
}
