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

    private struct Waiting {
        var command: BusCommand
        var since: ContinuousClock.Instant
    }

    private let desk: DeskAccess
    private var keys: DeskKeys { desk.keys }
    private var address: RedisAddress { desk.address }
    private let store: DashboardStore
    private let logger: Logger
    private let outbox = Mutex<[Waiting]>([])
    /// Commands sent and not answered yet, by idempotency key.
    private let pending = Mutex<[String: BusCommandAction]>([:])
    /// When each unanswered command was taken, and whether the screen was told it is late.
    private let ages = Mutex<[String: (since: ContinuousClock.Instant, told: Bool)]>([:])
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
        pending.withLock { $0[command.idempotencyKey] = action }
        ages.withLock { $0[command.idempotencyKey] = (.now, false) }
        outbox.withLock { $0.append(Waiting(command: command, since: .now)) }
        signal.signal()
        return true
    }

    /// The events for one of the bridge's answers (the caller picked those of this
    /// ``origin``); none for an answer already taken or to another run of this screen.
    func answer(_ reply: BusCommandReply) -> [DashboardEvent] {
        guard let action = pending.withLock({ $0.removeValue(forKey: reply.idempotencyKey) }) else { return [] }
        ages.withLock { _ = $0.removeValue(forKey: reply.idempotencyKey) }
        return Self.events(for: action, result: reply.result)
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
                let what = ids.count == 1 ? "Order \(ids[0])" : "Orders \(ids.map(String.init).joined(separator: ", "))"
                return [.deskCommandRefused(orderIDs: ids, placement: true, what: what, reason: reason)]
            case let .modifyOrder(orderID, _):
                return [.deskCommandRefused(orderIDs: [orderID], placement: false, what: "The modification of order \(orderID)", reason: reason)]
            case let .cancel(orderID):
                return [.cancelRefused(orderID: orderID, reason: reason)]
            case .cancelAll:
                return [.deskCommandRefused(orderIDs: [], placement: false, what: "Cancel all", reason: reason)]
            case let .subscribeQuotes(symbol):
                return [.deskCommandRefused(orderIDs: [], placement: false, what: "The subscription to \(symbol)", reason: reason)]
            case let .whatIf(serial, _):
                return [.whatIf(serial: serial, .unanswered("the desk's bridge: \(reason)"))]
            }
        case .alreadyDone:
            return []
        }
    }

    /// The screen is told once about each command still unanswered after ``answerDue``.
    private func tellLate() {
        let now = ContinuousClock.now
        let late = ages.withLock { ages -> [String] in
            let keys = ages.filter { !$0.value.told && now - $0.value.since > Self.answerDue }.map(\.key)
            for key in keys { ages[key]?.told = true }
            return keys
        }
        for key in late {
            guard let action = pending.withLock({ $0[key] }) else { continue }
            let ids = action.orderIDs
            let what: String
            switch action {
            case .placeOrder, .placeOrderGroup: what = ids.count == 1 ? "Order \(ids[0])" : "Orders \(ids.map(String.init).joined(separator: ", "))"
            case let .modifyOrder(id, _): what = "The modification of order \(id)"
            case let .cancel(id): what = "The cancel of order \(id)"
            case .cancelAll: what = "Cancel all"
            case let .whatIf(serial, _):
                // The review stops waiting; the order can still be sent (or not) knowingly.
                _ = pending.withLock { $0.removeValue(forKey: key) }
                store.send(.whatIf(serial: serial, .unanswered("no answer from the desk's bridge in \(Self.answerDue.components.seconds) s")))
                continue
            case .subscribeQuotes: continue
            }
            store.send(.deskCommandUnanswered(orderIDs: ids, what: what, seconds: Int(Self.answerDue.components.seconds)))
        }
    }

    private func run() {
        var connection: RedisConnection?
        var lastFailure: String?
        while !stopped.load(ordering: .relaxed) {
            _ = signal.wait(timeout: .now() + .seconds(1))
            tellLate()
            let waiting = outbox.withLock { box -> [Waiting] in
                defer { box.removeAll() }
                return box
            }
            guard !waiting.isEmpty else { continue }
            var unsent: [Waiting] = []
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
                        _ = try live.checked(["XADD", keys.commands, "MAXLEN", "~", "10000", "*"] + BusEntry.command(item.command).fields())
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
            let (retry, expired) = (unsent.filter { now - $0.since <= CommandLedger.orderWaitLimit || !$0.command.action.expires },
                                    unsent.filter { now - $0.since > CommandLedger.orderWaitLimit && $0.command.action.expires })
            for item in expired {
                let action = pending.withLock { $0.removeValue(forKey: item.command.idempotencyKey) } ?? item.command.action
                ages.withLock { _ = $0.removeValue(forKey: item.command.idempotencyKey) }
                let reason = "the desk's Redis at \(address.host):\(address.port) could not be reached for \(CommandLedger.orderWaitLimit.components.seconds) s (\(lastFailure ?? "no answer"))"
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
