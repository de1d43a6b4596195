import DeskBus
import Foundation
import RedisLink
import Synchronization

/// The benchmark's own reader of a desk's events stream: `XREAD BLOCK` on one hiredis
/// connection, on a thread of its own, each reply kept with the instant it arrived (decoded
/// afterwards, with DeskBus, so the tap takes little CPU while the run is measured). Says
/// when each price the bridge published could be read from Redis.
final class BusTap: Sendable {
    /// One price read from the stream.
    struct Arrival: Sendable, Equatable {
        var symbol: String
        var field: PriceTickLog.Field
        var price: Double
        var at: ContinuousClock.Instant
    }

    /// What the reader's thread shares with the benchmark.
    private final class Shared: Sendable {
        let replies = Mutex<[(at: ContinuousClock.Instant, reply: RedisReply)]>([])
        let stopped = Atomic<Bool>(false)
        let finished = DispatchSemaphore(value: 0)
        let failure = Mutex<String?>(nil)
    }
    private let shared = Shared()

    /// Connects as `user` (on the reader's thread: a connection belongs to one thread) and
    /// starts reading the stream from its end; returns once it reads or failed.
    init(port: Int, user: String, password: String, stream: String) throws {
        let shared = shared
        let ready = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            defer { shared.finished.signal() }
            let connection: RedisConnection
            do {
                connection = try RedisConnection(host: "127.0.0.1", port: port)
                try connection.authenticate(user: user, password: password)
            } catch {
                shared.failure.withLock { $0 = "\(error)" }
                ready.signal()
                return
            }
            ready.signal()
            var last = "$"
            while !shared.stopped.load(ordering: .relaxed) {
                do {
                    let reply = try connection.command(["XREAD", "COUNT", "1000", "BLOCK", "100", "STREAMS", stream, last])
                    let now = ContinuousClock.now
                    if let error = reply.errorText { throw RedisError.server(error) }
                    guard reply != .null else { continue }
                    // The last id of the reply: [[stream, [[id, fields], ...]]].
                    if let id = reply.elements?.first?.elements?.last?.elements?.last?.elements?.first?.text { last = id }
                    shared.replies.withLock { $0.append((now, reply)) }
                } catch {
                    shared.failure.withLock { $0 = "\(error)" }
                    return
                }
            }
        }
        _ = ready.wait(timeout: .now() + .seconds(30))
        if let failure = shared.failure.withLock({ $0 }) { throw BenchFailure("the benchmark's reader of the desk stream: \(failure)") }
    }

    /// Entries read so far whose reply arrived in `window`.
    func entries(in window: Range<ContinuousClock.Instant>) -> Int {
        shared.replies.withLock { replies in
            replies.filter { window.contains($0.at) }.reduce(0) { $0 + ($1.reply.elements?.first?.elements?.last?.elements?.count ?? 0) }
        }
    }

    /// Stops reading (within the 100 ms block) and returns every price read, in stream order,
    /// or throws what stopped the reader.
    func stop() throws -> [Arrival] {
        shared.stopped.store(true, ordering: .relaxed)
        _ = shared.finished.wait(timeout: .now() + .seconds(2))
        if let failure = shared.failure.withLock({ $0 }) { throw BenchFailure("the benchmark's reader of the desk stream failed: \(failure)") }
        var arrivals: [Arrival] = []
        for (at, reply) in shared.replies.withLock({ $0 }) {
            for batch in try BusReply.batches(fromRead: reply) {
                for (_, entry) in batch.entries {
                    guard case let .event(.quote(update, _)) = entry else { continue }
                    let values = update.values
                    for (field, price) in [(PriceTickLog.Field.bid, values.bid), (.ask, values.ask), (.last, values.last)] {
                        if let price, price > 0 { arrivals.append(Arrival(symbol: update.symbol, field: field, price: price, at: at)) }
                    }
                }
            }
        }
        return arrivals
    }

    /// For each symbol, the instant each of `writes[symbol]` could be read from Redis: nil when
    /// it was not read while the tap ran (still queued in the bridge, or lost); the write's own
    /// instant for writes before the tap's first entry of the symbol (published before the tap
    /// started: when is not known). Symbols whose entries do not line up with their writes are
    /// left out. Every price tick the bridge reads
    /// becomes one stream entry in wire order, so a symbol's arrivals are a run of its writes:
    /// the run is found by its first `window` prices, then followed while the prices agree.
    static func align(_ arrivals: [Arrival], to writes: [String: [PriceTickLog.Written]], window: Int = 8) -> (available: [String: [ContinuousClock.Instant?]], aligned: Int, unaligned: Int) {
        var bySymbol: [String: [Arrival]] = [:]
        for arrival in arrivals { bySymbol[arrival.symbol, default: []].append(arrival) }
        var available: [String: [ContinuousClock.Instant?]] = [:]
        var aligned = 0, unaligned = 0
        for (symbol, written) in writes {
            var times = [ContinuousClock.Instant?](repeating: nil, count: written.count)
            guard let read = bySymbol[symbol], read.count >= window, written.count >= window else {
                unaligned += bySymbol[symbol]?.count ?? 0
                continue
            }
            func same(_ write: PriceTickLog.Written, _ arrival: Arrival) -> Bool {
                write.field == arrival.field && write.price == arrival.price
            }
            guard let offset = (0...(written.count - window)).first(where: { start in
                (0..<window).allSatisfy { same(written[start + $0], read[$0]) }
            }) else {
                unaligned += read.count
                continue
            }
            for index in 0..<offset { times[index] = written[index].at }
            for (index, arrival) in read.enumerated() {
                let target = offset + index
                guard target < written.count, same(written[target], arrival) else {
                    unaligned += read.count - index
                    break
                }
                times[target] = arrival.at
                aligned += 1
            }
            available[symbol] = times
        }
        return (available, aligned, unaligned)
    }
}
