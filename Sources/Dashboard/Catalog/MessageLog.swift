import Vocabulary

/// The dashboard's message pane: explained notices, with repeats collapsed and a size bound.
///
/// A message identical to an entry already in the log (same code, request id, title,
/// explanation and IB text) does not add a line: it bumps that entry's count, refreshes its
/// last-seen time and moves it to the newest position (10197 arrives in bursts of 10–20; the
/// trader needs one line saying so). Messages that differ in any of these are lines of their
/// own: two refused commands with different reasons are two lines. When the log is full, the
/// entry seen least recently is dropped.
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
        /// The entry's identity in its log: unique, kept while repeats merge into it.
        public var id: Int = 0
        /// The log's `serial` when it last arrived (what the Messages pane counts as new).
        public var lastSerial: Int = 0

        /// Whether `message` is the same line as this entry's (and merges into it).
        public func isSameLine(as message: ExplainedMessage) -> Bool {
            self.message.code == message.code && self.message.requestID == message.requestID
                && self.message.title == message.title && self.message.explanation == message.explanation
                && self.message.ibText == message.ibText
        }
    }

    /// The maximum number of distinct entries kept.
    public let capacity: Int
    /// The entries, oldest first (by last-seen time).
    public private(set) var entries: [Entry] = []
    /// How many messages were recorded, repeats included (the serial of the latest).
    public private(set) var serial = 0

    /// Creates an empty log holding at most `capacity` entries (at least 1).
    public init(capacity: Int = 200) {
        self.capacity = max(1, capacity)
    }

    /// Records an explained notice seen at `time`, collapsing repeats.
    public mutating func record(_ message: ExplainedMessage, at time: Timestamp) {
        serial += 1
        if let index = entries.firstIndex(where: { $0.isSameLine(as: message) }) {
            var entry = entries.remove(at: index)
            entry.count += 1
            entry.lastSeen = time
            entry.message = message
            entry.lastSerial = serial
            entries.append(entry)
            return
        }
        entries.append(Entry(message: message, count: 1, firstSeen: time, lastSeen: time, id: serial, lastSerial: serial))
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

    /// How many entries arrived (or repeated) after the message with serial `serial`.
    public func count(after serial: Int) -> Int {
        entries.count { $0.lastSerial > serial }
    }
}
