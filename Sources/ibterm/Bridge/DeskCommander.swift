import Dashboard
import DashboardRuntime
import DeskBus
import Foundation
import Logging
import RedisLink
import Synchronization
import Vocabulary

/// A screen's orders on a desk (`ibterm --source`): the ticket's effects (orders, groups,
/// modifications, cancels, cancel-all) and the watchlist's subscriptions go to the desk's
/// commands stream as `BusCommand`s, each with an idempotency key of its own, and the bridge's
/// answers on the results stream come back as dashboard events.
///
/// Written on a thread of its own with its own hiredis connection. A command that cannot be
/// written (Redis unreachable) is tried again every second with the same key — the bridge runs
/// a key at most once — until `CommandLedger.orderWaitLimit` has passed: then an order is
/// given up and the screen says it was not sent (the bridge would refuse it by then anyway).
final class DeskCommander: Sendable {
    /// This screen's id on the desk: its commands' origin, by which it picks out its answers.
    let origin = UUID().uuidString

    /// A command sent and not answered yet: what it asks, when it was taken, and whether the
    /// screen was told it is late.
    private struct Pending {
        var action: BusCommandAction
        var since: ContinuousClock.Instant
        var told = false
    }

    private let desk: DeskAccess
    private var keys: DeskKeys { desk.keys }
    private var address: RedisAddress { desk.address }
    private let store: DashboardStore
    private let logger: Logger
    /// Commands not yet written to Redis.
    private let outbox = Mutex<[BusCommand]>([])
    /// Commands taken and not answered yet, by idempotency key.
    private let pending = Mutex<[String: Pending]>([:])
    /// How long a command may go unanswered before the screen says so.
    static let answerDue: Duration = .seconds(15)
    private let signal = DispatchSemaphore(value: 0)
    private let stopped = Atomic<Bool>(false)

    init(desk: DeskAccess, store: DashboardStore, logger: Logger) {
        self.desk = desk
        self.store = store
        self.logger = logger
    }

    /// Starts the writer.
    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "ibterm.desk.commander"
        thread.start()
    }

    func stop() {
        stopped.store(true, ordering: .relaxed)
        signal.signal()
    }

    /// Takes an effect the bridge carries out; false for any other (the app carries it out
    /// itself).
    func take(_ effect: DashboardEffect) -> Bool {
        if case let .cancelOrderAsOwner(orderID, owner) = effect {
            store.send(.cancelRefused(orderID: orderID, reason: "order \(orderID) belongs to client id \(owner), not to the desk's bridge; cancel it where it was placed"))
            return true
        }
        guard let action = BusCommandAction(effect) else { return false }
        let command = BusCommand(idempotencyKey: UUID().uuidString, origin: origin, createdAt: DashboardStore.wallNow(), action: action)
        pending.withLock { $0[command.idempotencyKey] = Pending(action: action, since: .now) }
        outbox.withLock { $0.append(command) }
        signal.signal()
        return true
    }

    /// The events for one of the bridge's answers (the caller picked those of this
    /// ``origin``); none for an answer already taken or to another run of this screen.
    func answer(_ reply: BusCommandReply) -> [DashboardEvent] {
        guard let taken = pending.withLock({ $0.removeValue(forKey: reply.idempotencyKey) }) else { return [] }
        return Self.events(for: taken.action, result: reply.result)
    }

    /// The command in words, as the screen's messages name it: `Order 12`, `Orders 12, 13`,
    /// `The cancel of order 12`.
    static func what(_ action: BusCommandAction) -> String {
        switch action {
        case .placeOrder, .placeOrderGroup:
            let ids = action.orderIDs
            return ids.count == 1 ? "Order \(ids[0])" : "Orders \(ids.map(String.init).joined(separator: ", "))"
        case let .modifyOrder(orderID, _): return "The modification of order \(orderID)"
        case let .cancel(orderID): return "The cancel of order \(orderID)"
        case .cancelAll: return "Cancel all"
        case let .subscribeQuotes(symbol): return "The subscription to \(symbol)"
        case .whatIf: return "The what-if check"
        }
    }

    /// What a result means to the screen that sent `action`.
    static func events(for action: BusCommandAction, result: BusCommandResult) -> [DashboardEvent] {
        let ids = action.orderIDs
        switch result.original {
        case let .accepted(orderIDs):
            // A command left in doubt by a bridge restart comes back accepted under the ids the
            // bridge had given it, which may be others than this screen chose.
            if orderIDs.count == ids.count, orderIDs != ids, !ids.isEmpty { return [.ordersRenumbered(from: ids, to: orderIDs)] }
            return []
        case let .renumbered(requested, orderIDs):
            return [.ordersRenumbered(from: requested, to: orderIDs)]
        case let .whatIf(status):
            guard case let .whatIf(serial, _) = action else { return [] }
            return [.whatIf(serial: serial, status)]
        case let .refused(reason):
            switch action {
            case .placeOrder, .placeOrderGroup:
                return [.deskCommandRefused(orderIDs: ids, placement: true, what: what(action), reason: reason)]
            case let .cancel(orderID):
                return [.cancelRefused(orderID: orderID, reason: reason)]
            case let .whatIf(serial, _):
                return [.whatIf(serial: serial, .unanswered("the desk's bridge: \(reason)"))]
            case .modifyOrder, .cancelAll, .subscribeQuotes:
                return [.deskCommandRefused(orderIDs: ids, placement: false, what: what(action), reason: reason)]
            }
        case .alreadyDone:
            return []
        }
    }

    /// The screen is told once about each command still unanswered after ``answerDue``.
    private func tellLate() {
        let now = ContinuousClock.now
        let late = pending.withLock { pending -> [(key: String, action: BusCommandAction)] in
            let keys = pending.filter { !$0.value.told && now - $0.value.since > Self.answerDue }.map(\.key)
            for key in keys { pending[key]?.told = true }
            return keys.compactMap { key in pending[key].map { (key, $0.action) } }
        }
        let seconds = Self.answerDue.components.seconds
        for (key, action) in late {
            switch action {
            case let .whatIf(serial, _):
                // The review stops waiting; the order can still be sent (or not) knowingly.
                _ = pending.withLock { $0.removeValue(forKey: key) }
                store.send(.whatIf(serial: serial, .unanswered("no answer from the desk's bridge in \(seconds) s")))
            case .subscribeQuotes:
                continue
            case .placeOrder, .placeOrderGroup, .modifyOrder, .cancel, .cancelAll:
                store.send(.deskCommandUnanswered(orderIDs: action.orderIDs, what: Self.what(action), seconds: Int(seconds)))
            }
        }
    }

    private func run() {
        var connection: RedisConnection?
        var lastFailure: String?
        while !stopped.load(ordering: .relaxed) {
            _ = signal.wait(timeout: .now() + .seconds(1))
            tellLate()
            let waiting = outbox.withLock { box -> [BusCommand] in
                defer { box.removeAll() }
                return box
            }
            guard !waiting.isEmpty else { continue }
            var unsent: [BusCommand] = []
            do {
                if connection == nil || connection?.isBroken == true {
                    let made = try desk.connect()
                    try DeskCommandConsumer.ensureGroup(keys, made)
                    connection = made
                    if lastFailure != nil { logger.info("desk commands: Redis reachable again") }
                    lastFailure = nil
                }
                guard let live = connection else { continue }
                for (index, item) in waiting.enumerated() {
                    do {
                        _ = try live.checked(["XADD", keys.commands, "MAXLEN", "~", "10000", "*"] + BusEntry.command(item).fields())
                    } catch {
                        unsent = Array(waiting[index...])
                        throw error
                    }
                }
            } catch {
                if lastFailure != "\(error)" { logger.error("desk commands: \(error)") }
                lastFailure = "\(error)"
                connection = nil
                if unsent.isEmpty { unsent = waiting }
            }
            // Tried again with the same keys, within the limit; past it, given up in words.
            let now = ContinuousClock.now
            let expired = pending.withLock { pending -> [(command: BusCommand, action: BusCommandAction)] in
                unsent.compactMap { command in
                    let key = command.idempotencyKey
                    guard command.action.expires, let since = pending[key]?.since, now - since > CommandLedger.orderWaitLimit,
                          let taken = pending.removeValue(forKey: key) else { return nil }
                    return (command, taken.action)
                }
            }
            let given = Set(expired.map(\.command.idempotencyKey))
            let retry = unsent.filter { !given.contains($0.idempotencyKey) }
            let reason = "the desk's Redis at \(address.host):\(address.port) could not be reached for \(CommandLedger.orderWaitLimit.components.seconds) s (\(lastFailure ?? "no answer"))"
            for (_, action) in expired {
                store.send(batch: Self.events(for: action, result: .refused(reason: reason)).map { ObservedEvent($0) })
            }
            if !retry.isEmpty {
                outbox.withLock { $0.insert(contentsOf: retry, at: 0) }
                Thread.sleep(forTimeInterval: 1)
                signal.signal()
            }
        }
    }
}
