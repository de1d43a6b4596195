/// Where an event stands in its bridge's output: the bridge run that published it and its
/// number in that run, counted from 1 with no gaps. Written as two extra fields of the events
/// stream's entries (`run <bridge id> seq <n>`; readers of the bare format ignore them).
///
/// A dashboard checks the numbers (``FeedContinuity``): a gap means it missed events (it fell
/// further behind than the stream's `MAXLEN` bound), so its state may be wrong and it reads
/// the latest state again.
public struct BusStamp: Sendable, Hashable {
    /// The publishing bridge's run (its id, a UUID string).
    public var run: String
    /// The event's number in the run, from 1.
    public var sequence: Int

    /// Creates a stamp.
    public init(run: String, sequence: Int) {
        self.run = run
        self.sequence = sequence
    }

    /// The field/value pairs appended to an entry's fields.
    public var fields: [String] { ["run", run, "seq", String(sequence)] }

    /// The stamp among an entry's field/value pairs, or `nil` when it has none (or an
    /// unreadable one).
    public init?(fields: [String]) {
        var run: String?, sequence: Int?
        for index in stride(from: 0, to: fields.count - 1, by: 2) {
            switch fields[index] {
            case "run": run = fields[index + 1]
            case "seq": sequence = Int(fields[index + 1])
            default: continue
            }
        }
        guard let run, let sequence, sequence > 0 else { return nil }
        self.init(run: run, sequence: sequence)
    }
}
