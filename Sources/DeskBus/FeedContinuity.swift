/// A dashboard's check that it sees every event of its bridge, in order: fed each event's
/// ``BusStamp`` as read, it counts what arrived in sequence, what was skipped and what came
/// out of order, per bridge run.
///
/// ```swift
/// var feed = FeedContinuity()
/// feed.take(BusStamp(run: "A", sequence: 1))   // .inOrder
/// feed.take(BusStamp(run: "A", sequence: 4))   // .gap(missing: 2)
/// ```
///
/// A new run (a restarted bridge) starts counting again and is no gap. Pure.
public struct FeedContinuity: Sendable, Hashable {
    /// What one stamp says.
    public enum Verdict: Sendable, Hashable {
        /// The next event of the run (or the first seen of a run).
        case inOrder
        /// `missing` events were skipped before this one.
        case gap(missing: Int)
        /// Not above the last taken: a replay or a reordering; the event was seen before.
        case outOfOrder
        /// The entry had no stamp (another writer, or an older bridge).
        case unstamped
    }

    /// The run being followed.
    public private(set) var run: String?
    /// The last sequence taken in ``run``.
    public private(set) var last = 0
    /// Events of ``run`` taken in order.
    public private(set) var inOrder = 0
    /// Events of ``run`` skipped (sum of the gaps).
    public private(set) var missing = 0
    /// Events of ``run`` not above the last taken.
    public private(set) var outOfOrder = 0
    /// The first sequence taken in ``run`` (events before it were published before this
    /// dashboard joined, and reached it as the latest state).
    public private(set) var first = 0

    /// Creates a checker that has seen nothing.
    public init() {}

    /// Takes the next event's stamp, as read.
    public mutating func take(_ stamp: BusStamp?) -> Verdict {
        guard let stamp else { return .unstamped }
        if stamp.run != run {
            run = stamp.run
            (last, inOrder, missing, outOfOrder, first) = (stamp.sequence, 1, 0, 0, stamp.sequence)
            return .inOrder
        }
        if stamp.sequence <= last {
            outOfOrder += 1
            return .outOfOrder
        }
        let skipped = stamp.sequence - last - 1
        last = stamp.sequence
        if skipped > 0 {
            missing += skipped
            inOrder += 1
            return .gap(missing: skipped)
        }
        inOrder += 1
        return .inOrder
    }

    /// One line for the log: `bridge 3f2b1c9a: events 12…4810 read, 4799 in order, 0 missing, 0 out of order`.
    public var summary: String {
        guard let run else { return "no events from a bridge yet" }
        return "bridge \(run.prefix(8)): events \(first)…\(last) read, \(inOrder) in order, \(missing) missing, \(outOfOrder) out of order"
    }
}
