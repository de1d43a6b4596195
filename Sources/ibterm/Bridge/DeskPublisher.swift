import DeskBus
import Foundation
import Logging
import RedisLink
import Synchronization

/// Writes a desk's entries to Redis on a thread of its own, through one hiredis connection:
/// events to the events stream (bounded with `MAXLEN ~`), the latest state to the desk's
/// hashes, heartbeats to the heartbeat stream and key.
///
/// Callers enqueue and never wait. The queue is bounded (``limit`` commands): past it the
/// oldest are dropped and counted, so a Redis that stalls costs bounded memory, and the
/// heartbeats that queue behind the backlog stop reaching the dashboards, which then show the
/// link as lost — the truth. A broken connection is made again every second; what was queued
/// meanwhile is written after it (within the bound).
final class DeskPublisher: Sendable {
    /// The most commands waiting.
    static let limit = 200_000
    /// The events stream's approximate length bound.
    static let eventsLength = 100_000
    /// The heartbeat stream's approximate length bound.
    static let heartbeatsLength = 1_000

    private struct Queue {
        var commands: [[String]] = []
        var dropped = 0
        var stopped = false
        /// Events stamped so far (the last event's sequence).
        var published = 0
        /// The writer has returned (stopped, and wrote what it could).
        var finished = false
    }

    /// Commands written to Redis per round trip.
    static let batchSize = 256

    private let queue = Mutex(Queue())
    private let signal = DispatchSemaphore(value: 0)
    private let desk: DeskAccess
    var keys: DeskKeys { desk.keys }
    private var address: RedisAddress { desk.address }
    private let logger: Logger
    /// The bridge run whose events these are (``BusStamp/run``).
    let runID: String

    init(desk: DeskAccess, run: String, logger: Logger) {
        self.runID = run
        self.desk = desk
        self.logger = logger
    }

    /// Starts the writer thread.
    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "ibterm.desk.publisher"
        thread.start()
    }

    /// Stops the writer once what is queued is written, waiting at most `limit` for it;
    /// returns how many commands were left unwritten (Redis unreachable or too slow).
    func stop(within limit: Duration = .seconds(5)) async -> Int {
        queue.withLock { $0.stopped = true }
        signal.signal()
        let deadline = ContinuousClock.now + limit
        while !queue.withLock({ $0.finished }), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        return queue.withLock { $0.commands.count }
    }

    /// Queues one event: the stream entry, stamped with the run and the next sequence
    /// (``BusStamp``), and, for state a late joiner needs, its latest value.
    func publish(_ event: BusEvent, latest: BusEvent? = nil) {
        guard let fields = try? BusEntry.event(event).fields() else { return }
        var commands = [["XADD", keys.events, "MAXLEN", "~", String(Self.eventsLength), "*"] + fields]
        let state = latest ?? event
        if let slot = state.latestStateSlot(in: keys), let body = try? BusEntry.event(state).body() {
            commands.append(["HSET", slot.hash, slot.field, body])
        }
        enqueue(commands, stamping: true)
    }

    /// Events published so far.
    var published: Int { queue.withLock { $0.published } }

    /// Queues a heartbeat: the stream entry and the key a dashboard starting later reads (it
    /// expires after three intervals, so a dead bridge leaves none).
    func beat(_ heartbeat: BusHeartbeat) {
        guard let entry = try? BusEntry.heartbeat(heartbeat).fields(), let body = try? BusEntry.heartbeat(heartbeat).body() else { return }
        enqueue([
            ["XADD", keys.heartbeats, "MAXLEN", "~", String(Self.heartbeatsLength), "*"] + entry,
            ["SET", keys.heartbeat, body, "PX", String(heartbeat.intervalMilliseconds * 3)],
        ])
    }

    /// How many commands were dropped because Redis could not keep up.
    var dropped: Int { queue.withLock { $0.dropped } }

    private func enqueue(_ commands: [[String]], stamping: Bool = false) {
        queue.withLock { queue in
            // Once stopping, nothing more is taken: what was published is what gets written.
            guard !queue.stopped else { return }
            if stamping, let first = commands.first {
                // Numbered under the lock, so the numbers follow the queue's order.
                queue.published += 1
                queue.commands.append(first + BusStamp(run: runID, sequence: queue.published).fields)
                queue.commands.append(contentsOf: commands.dropFirst())
            } else {
                queue.commands.append(contentsOf: commands)
            }
            let excess = queue.commands.count - Self.limit
            if excess > 0 {
                queue.commands.removeFirst(excess)
                queue.dropped += excess
            }
        }
        signal.signal()
    }

    private func run() {
        var connection: RedisConnection?
        var lastFailure: String?
        while true {
            _ = signal.wait(timeout: .now() + .seconds(1))
            let (commands, stopped) = queue.withLock { queue -> ([[String]], Bool) in
                let taken = queue.commands
                queue.commands.removeAll(keepingCapacity: true)
                return (taken, queue.stopped)
            }
            if connection == nil || connection?.isBroken == true {
                do {
                    connection = try desk.connect()
                    if lastFailure != nil { logger.info("desk publisher: connected to \(address) again") }
                    lastFailure = nil
                } catch {
                    if lastFailure != error.description { logger.error("desk publisher: \(error)") }
                    lastFailure = error.description
                    connection = nil
                    // Keep what waits (bounded); try again in a second.
                    if !commands.isEmpty { queue.withLock { $0.commands.insert(contentsOf: commands, at: 0) } }
                    if stopped { return finished() }
                    Thread.sleep(forTimeInterval: 1)
                    continue
                }
            }
            guard let live = connection else { continue }
            // Written in pipelined batches: one round trip per batch, not per command.
            var written = 0
            while written < commands.count {
                let batch = commands[written..<min(commands.count, written + Self.batchSize)]
                do {
                    let replies = try live.pipeline(Array(batch))
                    for (command, reply) in zip(batch, replies) {
                        if let error = reply.errorText { logger.warning("desk publisher: \(command.first ?? "") refused: \(error)") }
                    }
                    written += batch.count
                } catch {
                    // The batch's fate is unknown: written again after reconnecting (a stream
                    // entry may then appear twice; its stamp lets a reader see the repeat).
                    logger.error("desk publisher: \(error)")
                    queue.withLock { $0.commands.insert(contentsOf: commands[written...], at: 0) }
                    break
                }
            }
            if stopped && queue.withLock({ $0.commands.isEmpty }) { return finished() }
        }
    }

    private func finished() {
        queue.withLock { $0.finished = true }
    }
}
