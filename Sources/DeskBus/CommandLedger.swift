import Dashboard
import Vocabulary

/// The at-most-once rule for the bridge's commands: given a command and what the desk's
/// done-hash holds for its idempotency key, what the bridge may do.
///
/// The bridge, for each command it reads through the consumer group (protocol in the README):
/// 1. `HGET done <key>` and ``decide(_:stored:)``;
/// 2. on ``Decision/execute(mark:)``: `HSETNX done <key> <mark>`; only if that wrote (1) send
///    to the gateway (if 0, another delivery got there first: read again and decide again);
/// 3. write the result (`HSET done <key> <LedgerRecord.finished(result).text>`), `XADD` it to
///    the results stream, `XACK` the command.
///
/// A bridge that dies between 2 and 3 leaves `started:…`; after a restart (`XAUTOCLAIM`) the
/// decision is ``Decision/inDoubt(orderIDs:)``: nothing is sent again, the bridge looks the
/// orders up at the gateway and publishes what it finds (``inDoubtResult(for:gatewayStatuses:)``).
public enum CommandLedger {
    /// What the bridge may do with a command.
    public enum Decision: Sendable, Hashable {
        /// Not seen before: write `mark` with `HSETNX` before sending anything, then send.
        case execute(mark: String)
        /// Started before and harmless to repeat (a subscription, a global cancel): send it
        /// again; the mark is already there.
        case executeAgain
        /// Finished before: publish this result (``BusCommandResult/alreadyDone(_:)``) again and
        /// acknowledge; send nothing.
        case republish(BusCommandResult)
        /// Started before a crash and not finished: it may or may not have reached the
        /// gateway. Send nothing; look these orders up in the gateway's open and completed
        /// orders and publish what is found.
        case inDoubt(orderIDs: [Int])
        /// The done-hash holds something unreadable under the key: send nothing; publish this
        /// refusal.
        case refuse(BusCommandResult)
    }

    /// How long an order, a group or a modification may wait in the commands stream before the
    /// bridge takes it: past this, it is refused and never sent. A command written while the
    /// bridge was down must not go out when it comes back minutes later, on prices the trader
    /// saw then.
    public static let orderWaitLimit: Duration = .seconds(10)

    /// The refusal for a command that waited `waited` before the bridge took it (measured on
    /// Redis's own clock: the entry id's milliseconds against Redis `TIME`), or `nil` when it
    /// may still go (``BusCommandAction/expires`` false, or within ``orderWaitLimit``).
    public static func expiry(of command: BusCommand, waited: Duration) -> BusCommandResult? {
        guard command.action.expires, waited > orderWaitLimit else { return nil }
        let seconds = waited.components.seconds
        let ids = command.action.orderIDs.map(String.init).joined(separator: ", ")
        return .refused(reason: "order \(ids) waited \(seconds) s for the desk's bridge (limit \(orderWaitLimit.components.seconds) s) and was not sent; send it again if you still want it")
    }

    /// The milliseconds part of a Redis stream entry id (`1764858000000-0`): when Redis added
    /// the entry, on its clock; `nil` for an id of another form.
    public static func milliseconds(ofEntryID id: String) -> Int64? {
        guard let dash = id.firstIndex(of: "-") else { return Int64(id) }
        return Int64(id[..<dash])
    }

    /// Decides for `command`, given the done-hash's value for its key (`nil`: none).
    public static func decide(_ command: BusCommand, stored: String?) -> Decision {
        guard let stored else {
            return .execute(mark: LedgerRecord.started(orderIDs: command.action.orderIDs).text)
        }
        let record: LedgerRecord
        do {
            record = try LedgerRecord(text: stored)
        } catch {
            return .refuse(.refused(reason: "command \(command.idempotencyKey) not sent: \(error)"))
        }
        switch record {
        case let .finished(result):
            return .republish(.alreadyDone(result.original))
        case let .started(orderIDs):
            return command.action.isSafeToRepeat ? .executeAgain : .inDoubt(orderIDs: orderIDs)
        }
    }

    /// The result to publish (and store) for a command left in doubt, from what the gateway
    /// reports of its orders (order id → status, for the ids it knows among its open and
    /// completed orders).
    ///
    /// Orders the gateway knows were placed: accepted. None known: refused, saying they were
    /// not sent again; part of a group: refused, naming the missing ones. A cancel whose order
    /// still works, or a modification (whose arrival the gateway's report cannot show):
    /// refused, so the trader acts again knowingly.
    public static func inDoubtResult(for command: BusCommand, gatewayStatuses: [Int: OrderStatus]) -> BusCommandResult {
        let ids = command.action.orderIDs
        let known = ids.filter { gatewayStatuses[$0] != nil }
        switch command.action {
        case let .cancel(orderID):
            guard let status = gatewayStatuses[orderID] else {
                return .refused(reason: "the bridge restarted during the cancel; the gateway does not know order \(orderID)")
            }
            if status.isWorking && status != .pendingCancel {
                return .refused(reason: "the bridge restarted during the cancel; order \(orderID) is still \(status.ibText); cancel it again")
            }
            return .accepted(orderIDs: [orderID])
        case let .modifyOrder(orderID, _):
            let status = gatewayStatuses[orderID].map { "is \($0.ibText)" } ?? "is unknown to the gateway"
            return .refused(reason: "the bridge restarted during the modification; it may or may not have reached the gateway and was not sent again; order \(orderID) \(status): check its values")
        case .placeOrder, .placeOrderGroup:
            let list = { (ids: [Int]) in ids.map(String.init).joined(separator: ", ") }
            if known.isEmpty {
                return .refused(reason: "the bridge restarted during the command; the gateway does not know order \(list(ids)); it was not sent again")
            }
            if known.count < ids.count {
                let missing = ids.filter { gatewayStatuses[$0] == nil }
                return .refused(reason: "the bridge restarted during the group; the gateway knows orders \(list(known)) but not \(list(missing)); the rest was not sent: cancel or complete the group")
            }
            return .accepted(orderIDs: known)
        case .cancelAll, .subscribeQuotes, .whatIf:
            return .accepted(orderIDs: [])
        }
    }
}
