import Synchronization

/// Back-pressure between a connection's pipeline and the client: counts the batches handed
/// over and not yet handled, and holds the channel's reads while ``limit`` of them are
/// outstanding, so a client that falls behind stops reading the socket (TCP then slows the
/// gateway) instead of buffering without bound.
///
/// While the client keeps up, reading goes on by itself (`autoRead`) and the client never
/// touches the channel; only a held read costs a hop back to the event loop.
final class ReadGate: Sendable {
    /// How many batches may wait for the client before reading stops.
    let limit: Int
    private let outstanding = Atomic<Int>(0)
    private let held = Atomic<Bool>(false)

    /// A gate that stops reading while `limit` batches wait.
    init(limit: Int = 4) {
        self.limit = max(1, limit)
    }

    /// A batch was handed to the client (on the event loop).
    func handedOver() {
        outstanding.add(1, ordering: .sequentiallyConsistent)
    }

    /// Whether the channel may read now (on the event loop, when it wants to); when not, the
    /// read is held until ``handled()`` releases it.
    func mayRead() -> Bool {
        if outstanding.load(ordering: .sequentiallyConsistent) < limit { return true }
        held.store(true, ordering: .sequentiallyConsistent)
        // The client may have caught up in between; whoever takes the hold issues the read.
        if outstanding.load(ordering: .sequentiallyConsistent) < limit {
            return held.exchange(false, ordering: .sequentiallyConsistent)
        }
        return false
    }

    /// The client handled a batch; returns whether a held read must be issued now
    /// (`channel.read()`).
    func handled() -> Bool {
        let (_, left) = outstanding.subtract(1, ordering: .sequentiallyConsistent)
        return left < limit && held.exchange(false, ordering: .sequentiallyConsistent)
    }
}
