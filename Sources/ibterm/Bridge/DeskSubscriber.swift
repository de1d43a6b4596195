import Dashboard
import DashboardRuntime
import DeskBus
import Foundation
import Logging
import RedisLink
import Synchronization
import Vocabulary

/// Feeds a dashboard from a desk's bridge through Redis (`ibterm --source redis://…/DESK`), on a
/// thread of its own with one blocking hiredis connection.
///
/// First the latest state (subscriptions, quotes, positions, orders, account values) from the
/// desk's hashes — applied before any link is up, so none of it is taken as proof that a quote
/// is live —, then the events and heartbeat streams from where that state was read. The link is
/// the bridge's heartbeat (``BridgeLinkMonitor``): a bridge silent for 1.5 s, or a Redis that
/// cannot be read, takes every quote off LIVE. Quotes are applied at their receipt moved back by
/// how long before publishing the bridge read them. The bridge's own gateway-connection events
/// only reach the log: the link a screen shows is the bridge's.
final class DeskSubscriber: Sendable {
    private let desk: DeskAccess
    private var keys: DeskKeys { desk.keys }
    private var address: RedisAddress { desk.address }
    private let store: DashboardStore
    private let logger: Logger
    private let monitor = Mutex(BridgeLinkMonitor())
    private let stopped = Atomic<Bool>(false)
    /// Whether Redis itself cannot be read: the screen then says so, not that the bridge is silent.
    private let redisDown = Atomic<Bool>(false)
    /// Whether every event of the bridge arrived, in order (the events' ``BusStamp``s).
    private let continuity = Mutex(FeedContinuity())
    /// Where this screen's commands go and their answers are taken (`nil`: a screen that sends none).
    private let commander: DeskCommander?

    init(desk: DeskAccess, store: DashboardStore, commander: DeskCommander?, logger: Logger) {
        self.commander = commander
        self.desk = desk
        self.store = store
        self.logger = logger
    }

    /// Starts reading, and the clock that notices a silent bridge.
    func start() {
        let reader = Thread { [self] in read() }
        reader.name = "ibterm.desk.reader"
        reader.start()
        let watch = Thread { [self] in
            while !stopped.load(ordering: .relaxed) {
                let now = store.now()
                let events = monitor.withLock { $0.tick(at: now.instant) }
                if !redisDown.load(ordering: .relaxed) {
                    for event in events { store.send(event, observedAt: now.instant) }
                }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        watch.name = "ibterm.desk.watch"
        watch.start()
    }

    func stop() {
        stopped.store(true, ordering: .relaxed)
        logger.info("desk feed: \(feedSummary)")
    }

    /// What arrived from the bridge: `bridge 3f2b1c9a: events 12…4810 read, 4799 in order, 0 missing, 0 out of order`.
    var feedSummary: String { continuity.withLock { $0.summary } }

    private func read() {
        var announced: String?
        while !stopped.load(ordering: .relaxed) {
            do {
                let connection = try desk.connect()
                connection.setCommandTimeout(milliseconds: 3000)
                announced = nil
                // After Redis was unreachable the screen shows the link lost: a new monitor makes
                // the next heartbeat connect it again, whatever the old one concluded.
                if redisDown.load(ordering: .relaxed) { monitor.withLock { $0 = BridgeLinkMonitor() } }
                redisDown.store(false, ordering: .relaxed)
                try follow(connection)
            } catch {
                redisDown.store(true, ordering: .relaxed)
                if announced != "\(error)" {
                    logger.error("desk source: \(error)")
                    store.send(.connectionLost(reason: "Redis at \(address.host):\(address.port) unreachable (\(error))"))
                }
                announced = "\(error)"
                Thread.sleep(forTimeInterval: 1)
            }
        }
    }

    /// The latest state, then the streams from where it was read, until the connection fails.
    private func follow(_ connection: RedisConnection) throws {
        let eventsFrom = try lastID(keys.events, connection)
        let beatsFrom = try lastID(keys.heartbeats, connection)
        let resultsFrom = try lastID(keys.results, connection)
        try readLatestState(connection)
        var positions = (events: eventsFrom, beats: beatsFrom, results: resultsFrom)
        var lastSummary = ContinuousClock.now
        var quietSummary = ""
        while !stopped.load(ordering: .relaxed) {
            let reply = try connection.command([
                "XREAD", "COUNT", "1000", "BLOCK", "200", "STREAMS", keys.events, keys.heartbeats, keys.results,
                positions.events, positions.beats, positions.results,
            ])
            if let error = reply.errorText { throw RedisError.server(error) }
            guard reply != .null else {
                // Nothing new for a moment: this screen has all the bridge wrote. Said once per
                // quiet spell, so the log shows what a screen had when a bridge stopped.
                let summary = feedSummary
                if summary != quietSummary {
                    quietSummary = summary
                    logger.info("desk feed: caught up: \(summary)")
                }
                continue
            }
            let received = store.now()
            for batch in try BusReply.batches(fromRead: reply) {
                for failure in batch.failures { logger.warning("desk source: entry \(failure.id ?? "?") skipped: \(failure.error)") }
                if batch.stream == keys.events, let last = batch.lastID { positions.events = last }
                if batch.stream == keys.heartbeats, let last = batch.lastID { positions.beats = last }
                if batch.stream == keys.results, let last = batch.lastID { positions.results = last }
                var observed: [ObservedEvent] = []
                var missed = 0
                for (index, (_, entry)) in batch.entries.enumerated() {
                    switch entry {
                    case let .event(event):
                        let stamp = index < batch.stamps.count ? batch.stamps[index] : nil
                        let (verdict, ended) = continuity.withLock { feed -> (FeedContinuity.Verdict, String?) in
                            // A new bridge run: the last one's count goes to the log first.
                            let ended = stamp != nil && feed.run != nil && stamp?.run != feed.run ? feed.summary : nil
                            return (feed.take(stamp), ended)
                        }
                        if let ended { logger.info("desk feed: \(ended)") }
                        if case let .gap(missing) = verdict { missed += missing }
                        if event.isGatewayConnectionEvent {
                            logger.info("desk bridge's gateway: \(event.kind)")
                            continue
                        }
                        observed.append(ObservedEvent(event.dashboardEvent, observedAt: event.eventTime(receivedAt: received).instant))
                    case let .heartbeat(heartbeat):
                        for linked in monitor.withLock({ $0.heartbeat(heartbeat, at: received.instant) }) {
                            observed.append(ObservedEvent(linked, observedAt: received.instant))
                        }
                    case let .result(reply):
                        guard let commander, reply.origin == commander.origin else { continue }
                        for answered in commander.answer(reply) { observed.append(ObservedEvent(answered, observedAt: received.instant)) }
                    case .command:
                        continue
                    }
                }
                store.send(batch: observed)
                if missed > 0 {
                    // Fell behind further than the stream keeps: what was missed may matter
                    // (an order's fill, a position); the latest state is read again.
                    logger.warning("desk feed: \(missed) events of the bridge were missed (this screen fell behind the stream's bound); reading the latest state again")
                    try readLatestState(connection)
                }
            }
            if ContinuousClock.now - lastSummary > .seconds(10) {
                lastSummary = .now
                logger.info("desk feed: \(feedSummary)")
            }
        }
    }

    /// The desk's latest state from its hashes (subscriptions, quotes, positions, orders,
    /// account values), applied as received now but with no proof of life: it never makes the
    /// link up or a quote live by itself.
    private func readLatestState(_ connection: RedisConnection) throws {
        let decoder = JSONDecoder()
        for hash in [keys.requests, keys.quotes, keys.positions, keys.orders, keys.accountValues] {
            guard let values = try connection.checked(["HGETALL", hash]).elements else { continue }
            for index in stride(from: 1, to: values.count, by: 2) {
                guard let body = values[index].text, let event = try? decoder.decode(BusEvent.self, from: Data(body.utf8)) else { continue }
                store.send(event.dashboardEvent)
            }
        }
    }

    /// The id of a stream's newest entry (`0` when empty): reading after it misses nothing
    /// written once the latest state was read.
    private func lastID(_ stream: String, _ connection: RedisConnection) throws -> String {
        let reply = try connection.checked(["XREVRANGE", stream, "+", "-", "COUNT", "1"])
        guard let first = reply.elements?.first?.elements?.first?.text else { return "0" }
        return first
    }
}
