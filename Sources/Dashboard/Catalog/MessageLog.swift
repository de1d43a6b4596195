import Vocabulary

/// The dashboard's message pane: explained notices, with repeats collapsed and a size bound.
///
/// A notice with the same code and request id as an entry already in the log does not add a
/// line: it bumps that entry's count, refreshes its last-seen time and IB text, and moves it to
/// the newest position (10197 arrives in bursts of 10–20; the trader needs one line saying so).
/// When the log is full, the entry seen least recently is dropped.
public struct MessageLog: Sendable, Hashable {
    /// One line of the log.
    public struct Entry: Sendable, Hashable {
        /// The explained notice (from its latest occurrence).
        public var message: ExplainedMessage
        /// How many times this code arrived for this request id.
        public var count: Int
        /// When it first arrived.
        public var firstSeen: Timestamp
        /// When it last arrived.
        public var lastSeen: Timestamp
    }

    /// The maximum number of distinct entries kept.
    public let capacity: Int
    /// The entries, oldest first (by last-seen time).
    public private(set) var entries: [Entry] = []

    /// Creates an empty log holding at most `capacity` entries (at least 1).
    public init(capacity: Int = 200) {
        self.capacity = max(1, capacity)
    }

    /// Records an explained notice seen at `time`, collapsing repeats.
    public mutating func record(_ message: ExplainedMessage, at time: Timestamp) {
        if let index = entries.firstIndex(where: { $0.message.code == message.code && $0.message.requestID == message.requestID }) {
            var entry = entries.remove(at: index)
            entry.count += 1
            entry.lastSeen = time
            entry.message = message
            entries.append(entry)
            return
        }
        entries.append(Entry(message: message, count: 1, firstSeen: time, lastSeen: time))
        if entries.count > capacity {
            entries.removeFirst(entries.count - capacity)
        }
    }

    /// Explains `notice` with `context` and records it.
    public mutating func record(_ notice: Notice, context: MessageContext = MessageContext(), at time: Timestamp) {
        record(MessageCatalog.explain(notice, context: context), at: time)
    }

    /// The entries newest first, as the message pane shows them.
    public var newestFirst: [Entry] { entries.reversed() }

    /// Entries at or above `severity`, newest first.
    public func entries(atLeast severity: MessageSeverity) -> [Entry] {
        newestFirst.filter { $0.message.severity >= severity }
    }

    /// Removes every entry.
    public mutating func clear() {
        entries.removeAll()
    }
}
