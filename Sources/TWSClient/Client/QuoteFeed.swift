import Synchronization
import TWSStreams

/// Many quote subscriptions on one stream, delivered one array per socket read.
///
/// A quote subscription of its own (``IBClient/subscribeQuotes(_:genericTicks:)``) wakes its
/// reader once per tick message; a dashboard following 100 symbols would wake a task for every
/// one of them. Subscriptions made into a feed (``IBClient/subscribeQuotes(_:genericTicks:feed:tag:)``)
/// put their events in the order they were read, each named by the subscriber's tag, and the
/// events read from one batch of the socket reach the reader as one array: one wake-up per
/// read, however many tick messages it held. Events outside a read (a gap when the connection
/// drops, a resumption) come as arrays of their own, at once.
///
/// ```swift
/// let feed = await client.makeQuoteFeed()
/// let key = await client.subscribeQuotes(contract, feed: feed, tag: 7)
/// for await events in feed.events { for e in events { handle(e.tag, e.event) } }
/// ```
///
/// The feed ends when the client disconnects; dropping its stream cancels every subscription
/// made into it.
public struct QuoteFeed: Sendable {
    /// The events, one array per socket read (or per event outside a read), in order.
    public let events: AsyncStream<[QuoteFeedEvent]>
    let buffer: QuoteFeedBuffer
}

/// A feed's continuation and the events held while a read is handled.
final class QuoteFeedBuffer: Sendable {
    private struct Held {
        var isHolding = false
        var isClosed = false
        var pending: [QuoteFeedEvent] = []
    }

    private let continuation: AsyncStream<[QuoteFeedEvent]>.Continuation
    private let held = Mutex(Held())

    init(continuation: AsyncStream<[QuoteFeedEvent]>.Continuation) {
        self.continuation = continuation
    }

    /// The feed's key in its client.
    var id: ObjectIdentifier { ObjectIdentifier(self) }

    /// Whether the feed's reader is gone or the client ended it.
    var isClosed: Bool { held.withLock { $0.isClosed } }

    /// Notes that the reader dropped the stream.
    func close() {
        held.withLock { $0.isClosed = true }
    }

    /// Sends `event` now, or with the rest of the read being handled.
    func yield(_ event: QuoteFeedEvent) {
        let now: Bool = held.withLock { held in
            guard held.isHolding else { return true }
            held.pending.append(event)
            return false
        }
        if now { continuation.yield([event]) }
    }

    /// Holds events until `release()`: a read is being handled.
    func hold() {
        held.withLock { $0.isHolding = true }
    }

    /// Sends the events held since `hold()` as one array.
    func release() {
        let pending: [QuoteFeedEvent] = held.withLock { held in
            held.isHolding = false
            guard !held.pending.isEmpty else { return [] }
            defer { held.pending = [] }
            return held.pending
        }
        if !pending.isEmpty { continuation.yield(pending) }
    }

    /// Ends the feed.
    func finish() {
        release()
        close()
        continuation.finish()
    }
}
