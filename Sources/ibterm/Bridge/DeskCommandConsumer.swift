import Dashboard
import DeskBus
import Foundation
import Logging
import RedisLink
import Synchronization
import Vocabulary

/// The bridge's reader of screens' commands: the desk's commands stream through the consumer
/// group `bridge`, one command at a time, each carried out at most once (`CommandLedger`, the
/// protocol in DeskBus's README), its result published on the results stream.
///
/// On a thread of its own with its own hiredis connection (a blocking `XREADGROUP`). It takes
/// commands only while the gateway connection takes orders; meanwhile they wait in the stream,
/// and an order that waited longer than `CommandLedger.orderWaitLimit` (on Redis's clock) is
/// refused, never sent late. At start it first takes over what a dead run of the bridge left
/// pending (`XAUTOCLAIM`): a command that run had started is in doubt and is looked up at the
/// gateway, not sent again.
final class DeskCommandConsumer: Sendable {
    /// The results stream's approximate length bound.
    static let resultsLength = 10_000

    private let desk: DeskAccess
    private var keys: DeskKeys { desk.keys }
    private var address: RedisAddress { desk.address }
    private let broker: BrokerBridge
    private let consumer: String
    private let logger: Logger
    private let stopped = Atomic<Bool>(false)
    private let counts = Mutex((carried: 0, refused: 0, republished: 0, inDoubt: 0))

    /// `consumer` names this run in the group (the bridge's id).
    init(desk: DeskAccess, broker: BrokerBridge, consumer: String, logger: Logger) {
        self.desk = desk
        self.broker = broker
        self.consumer = consumer
        self.logger = logger
    }

    /// Starts reading commands.
    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "ibterm.desk.commands"
        thread.start()
    }

    /// Stops after the command in hand.
    func stop() {
        stopped.store(true, ordering: .relaxed)
    }

    /// What this run did, for its last words: `12 carried out, 1 refused, 0 republished, 0 in doubt`.
    var summary: String {
        let c = counts.withLock { $0 }
        return "\(c.carried) carried out, \(c.refused) refused, \(c.republished) answered again, \(c.inDoubt) in doubt after a restart"
    }

    private func run() {
        var announced: String?
        var claimed = false
        while !stopped.load(ordering: .relaxed) {
            do {
                let connection = try desk.connect()
                connection.setCommandTimeout(milliseconds: 5000)
                try Self.ensureGroup(keys, connection)
                announced = nil
                if !claimed {
                    waitForGateway()
                    try claimPending(connection)
                    claimed = true
                }
                try follow(connection)
            } catch {
                if announced != "\(error)" { logger.error("desk commands: \(error)") }
                announced = "\(error)"
                Thread.sleep(forTimeInterval: 1)
            }
        }
    }

    /// Makes the consumer group if the desk has none yet (from the stream's end: commands
    /// written before any bridge or screen made it are not the desk's).
    static func ensureGroup(_ keys: DeskKeys, _ connection: RedisConnection) throws {
        let reply = try connection.command(["XGROUP", "CREATE", keys.commands, keys.commandGroup, "$", "MKSTREAM"])
        if let error = reply.errorText, !error.hasPrefix("BUSYGROUP") { throw RedisError.server(error) }
    }

    private func waitForGateway() {
        while !stopped.load(ordering: .relaxed) && !broker.takesOrders {
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// Takes over every command pending in the group (a dead run's), and handles each.
    private func claimPending(_ connection: RedisConnection) throws {
        var cursor = "0-0"
        repeat {
            let reply = try connection.checked(["XAUTOCLAIM", keys.commands, keys.commandGroup, consumer, "0", cursor, "COUNT", "100"])
            let (next, batch, deleted) = try BusReply.claim(fromAutoClaim: reply, stream: keys.commands)
            for id in deleted { _ = try? connection.command(["XACK", keys.commands, keys.commandGroup, id]) }
            if !batch.entries.isEmpty { logger.info("desk commands: took over \(batch.entries.count) pending from a previous run") }
            try handle(batch, connection)
            cursor = next
        } while cursor != "0-0" && !stopped.load(ordering: .relaxed)
    }

    private func follow(_ connection: RedisConnection) throws {
        while !stopped.load(ordering: .relaxed) {
            guard broker.takesOrders else {
                // Commands wait in the stream while the gateway is away.
                Thread.sleep(forTimeInterval: 0.1)
                continue
            }
            let reply = try connection.command([
                "XREADGROUP", "GROUP", keys.commandGroup, consumer, "COUNT", "10", "BLOCK", "500", "STREAMS", keys.commands, ">",
            ])
            if let error = reply.errorText {
                // The group vanished (the desk's keys were deleted): make it again.
                if error.hasPrefix("NOGROUP") { try Self.ensureGroup(keys, connection); continue }
                throw RedisError.server(error)
            }
            guard reply != .null else { continue }
            for batch in try BusReply.batches(fromRead: reply) { try handle(batch, connection) }
        }
    }

    private func handle(_ batch: BusBatch, _ connection: RedisConnection) throws {
        for failure in batch.failures {
            logger.warning("desk commands: entry \(failure.id ?? "?") skipped: \(failure.error)")
            if let id = failure.id { _ = try connection.command(["XACK", keys.commands, keys.commandGroup, id]) }
        }
        for (id, entry) in batch.entries {
            guard case let .command(command) = entry else {
                _ = try connection.command(["XACK", keys.commands, keys.commandGroup, id])
                continue
            }
            try handle(command, id: id, connection)
        }
    }

    /// One command, by the ledger's rule.
    private func handle(_ command: BusCommand, id: String, _ connection: RedisConnection) throws {
        while true {
            let stored = try connection.checked(["HGET", keys.done, command.idempotencyKey]).text
            switch CommandLedger.decide(command, stored: stored) {
            case .execute:
                // Only what can expire needs Redis's clock (a round trip).
                if command.action.expires, let refusal = CommandLedger.expiry(of: command, waited: try Self.waited(since: id, connection)) {
                    try finish(command, id: id, refusal, connection)
                    counts.withLock { $0.refused += 1 }
                    return
                }
                // Numbered from the gateway's next free id when another screen took these ids.
                var action = command.action
                var requested: [Int]?
                if let next = blocking({ [broker] in await broker.nextFreeOrderID }), let moved = action.renumbered(from: next) {
                    requested = action.orderIDs
                    action = moved.action
                }
                let mark = LedgerRecord.started(orderIDs: action.orderIDs).text
                // Marked before anything is sent; 0: another delivery marked it first.
                guard try connection.checked(["HSETNX", keys.done, command.idempotencyKey, mark]).integer == 1 else { continue }
                let sending = action
                var result = blocking { [broker] in await broker.carryOut(sending) }
                if let requested, case let .accepted(orderIDs) = result { result = .renumbered(requested: requested, orderIDs: orderIDs) }
                try finish(command, id: id, result, connection)
                counts.withLock { if case .refused = result { $0.refused += 1 } else { $0.carried += 1 } }
            case .executeAgain:
                let result = blocking { [broker] in await broker.carryOut(command.action) }
                try finish(command, id: id, result, connection)
                counts.withLock { $0.carried += 1 }
            case let .republish(result):
                try answer(command, id: id, result, connection)
                counts.withLock { $0.republished += 1 }
            case let .inDoubt(orderIDs):
                let statuses = blocking { [broker] in await broker.gatewayStatuses(of: orderIDs) }
                let result: BusCommandResult = statuses.map { CommandLedger.inDoubtResult(for: command, gatewayStatuses: $0) }
                    ?? .refused(reason: "the bridge restarted during the command and could not look orders \(orderIDs) up at the gateway; it was not sent again: check the orders pane")
                logger.warning("desk commands: \(command.idempotencyKey) was in doubt after a restart: \(result)")
                try finish(command, id: id, result, connection)
                counts.withLock { $0.inDoubt += 1 }
            case let .refuse(result):
                try answer(command, id: id, result, connection)
                counts.withLock { $0.refused += 1 }
            }
            return
        }
    }

    /// Stores the result, publishes it, acknowledges the command: in this order, so a crash in
    /// between leaves a result to answer again, never a command to send again.
    private func finish(_ command: BusCommand, id: String, _ result: BusCommandResult, _ connection: RedisConnection) throws {
        _ = try connection.checked(["HSET", keys.done, command.idempotencyKey, LedgerRecord.finished(result).text])
        try answer(command, id: id, result, connection)
    }

    /// Publishes the result on the results stream and acknowledges the command.
    private func answer(_ command: BusCommand, id: String, _ result: BusCommandResult, _ connection: RedisConnection) throws {
        let reply = BusCommandReply(idempotencyKey: command.idempotencyKey, origin: command.origin, result: result)
        _ = try connection.checked(["XADD", keys.results, "MAXLEN", "~", String(Self.resultsLength), "*"] + BusEntry.result(reply).fields())
        _ = try connection.checked(["XACK", keys.commands, keys.commandGroup, id])
    }

    /// How long the entry `id` waited, on Redis's clock (`TIME` against the id's milliseconds).
    static func waited(since id: String, _ connection: RedisConnection) throws -> Duration {
        let time = try connection.checked(["TIME"]).elements?.compactMap { $0.text.flatMap { Int64($0) } } ?? []
        guard time.count == 2, let added = CommandLedger.milliseconds(ofEntryID: id) else { return .zero }
        let now = time[0] * 1000 + time[1] / 1000
        return .milliseconds(max(0, now - added))
    }

    /// Runs `body` on the concurrency pool and waits for it on this (non-pool) thread.
    private func blocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        let box = Mutex<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let value = await body()
            box.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        return box.withLock { $0! }
    }
}
