/// A first-in, first-out queue of outgoing messages released through a ``PacingPolicy``.
///
/// The I/O layer enqueues every outgoing message, then calls ``drain(now:)`` and writes what it
/// returns, in order. When messages remain, it arms one timer for ``PacedBatch/nextWakeup``
/// and drains again when the timer fires. Nothing is dropped and the order is kept.
///
/// ```swift
/// queue.enqueue(frame)
/// let batch = queue.drain(now: now)
/// batch.ready.forEach { channel.write($0) }
/// if let wake = batch.nextWakeup { timer.schedule(at: wake) }
/// ```
public struct PacedQueue<Element: Sendable>: Sendable {
    /// The messages one drain released, and when to drain next.
    public struct PacedBatch: Sendable {
        /// The messages to send now, oldest first.
        public var ready: [Element]
        /// When the next queued message may go; `nil` when the queue is empty.
        public var nextWakeup: SessionInstant?
    }

    /// The limiter every message passes through.
    public private(set) var policy: PacingPolicy

    private var storage: [Element] = []
    private var head = 0

    /// Creates an empty queue released through `policy`.
    public init(policy: PacingPolicy = PacingPolicy()) {
        self.policy = policy
    }

    /// The number of messages waiting.
    public var count: Int { storage.count - head }

    /// Whether no message is waiting.
    public var isEmpty: Bool { count == 0 }

    /// Appends a message behind every message already waiting.
    public mutating func enqueue(_ element: Element) {
        storage.append(element)
    }

    /// Puts a message ahead of every message waiting (a keepalive probe must not sit behind a
    /// backlog, or the probe's timeout would run out while it waits). It is still paced.
    public mutating func enqueueFirst(_ element: Element) {
        if head > 0 {
            head -= 1
            storage[head] = element
        } else {
            storage.insert(element, at: 0)
        }
    }

    /// Appends messages in order behind every message already waiting.
    public mutating func enqueue<S: Sequence>(contentsOf elements: S) where S.Element == Element {
        storage.append(contentsOf: elements)
    }

    /// Removes every waiting message matching `shouldRemove`, without counting it against the
    /// limit, and returns them in order (for example the messages of a connection that is gone).
    @discardableResult
    public mutating func removeAll(where shouldRemove: (Element) -> Bool) -> [Element] {
        var kept: [Element] = []
        var removed: [Element] = []
        for element in storage[head...] {
            if shouldRemove(element) { removed.append(element) } else { kept.append(element) }
        }
        storage = kept
        head = 0
        return removed
    }

    /// When the oldest waiting message may go; `nil` when the queue is empty.
    public func nextWakeup(now: SessionInstant) -> SessionInstant? {
        isEmpty ? nil : policy.earliestAdmission(now: now)
    }

    /// Releases every waiting message the policy admits at `now`, oldest first.
    public mutating func drain(now: SessionInstant) -> PacedBatch {
        var ready: [Element] = []
        while head < storage.count, policy.admit(now: now) == .sendNow {
            ready.append(storage[head])
            head += 1
        }
        compact()
        return PacedBatch(ready: ready, nextWakeup: nextWakeup(now: now))
    }

    private mutating func compact() {
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 64, head * 2 > storage.count {
            storage.removeFirst(head)
            head = 0
        }
    }
}
