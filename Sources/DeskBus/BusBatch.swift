/// The entries of one stream read from Redis: those that decoded, in stream order, and those
/// that did not, each with its id and the reason.
public struct BusBatch: Sendable {
    /// The stream's key (empty for an `XRANGE` reply, which does not name it).
    public var stream: String
    /// The entries that decoded, in stream order.
    public var entries: [(id: String, entry: BusEntry)]
    /// Each decoded entry's ``BusStamp`` (`nil` when it had none), by index in ``entries``.
    public var stamps: [BusStamp?] = []
    /// The entries that did not, in stream order (id `nil` when not even the id was readable).
    public var failures: [(id: String?, error: BusEntryError)]

    /// Creates a batch.
    public init(stream: String = "", entries: [(id: String, entry: BusEntry)] = [], failures: [(id: String?, error: BusEntryError)] = []) {
        self.stream = stream
        self.entries = entries
        self.failures = failures
    }

    /// The id of the last entry in the batch, good or bad: where the next `XREAD` starts
    /// after (so a bad entry is not read again and again).
    public var lastID: String?
}
