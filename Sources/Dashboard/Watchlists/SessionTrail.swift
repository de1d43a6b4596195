import Vocabulary

/// The session's prices of one symbol for the watchlist's sparkline: one close per minute,
/// the newest `capacity` of them, in a ring (bounded memory whatever the session's length).
///
/// Live trades are sampled on the event's monotonic instant: a trade in the same minute as the
/// previous sample replaces it (the minute's close so far), a trade in a later minute starts a
/// new one. Minutes are counted on the session's monotonic clock, so a stepped wall clock
/// changes nothing. `seed(_:)` replaces the samples with closes of historical bars.
public struct SessionTrail: Sendable, Hashable {
    /// A US equity session's minutes (09:30–16:00).
    public static let defaultCapacity = 390

    /// How many closes are kept.
    public let capacity: Int
    /// Counts the changes: equal revisions of one symbol's trail hold equal closes, so a
    /// drawn row can be kept by its revision without holding (and sharing) the closes.
    public private(set) var revision: UInt64 = 0
    private var storage: [Double] = []
    private var start = 0
    private var lastMinute: Int64?

    /// Creates an empty trail holding up to `capacity` closes (at least 1).
    public init(capacity: Int = SessionTrail.defaultCapacity) {
        self.capacity = max(1, capacity)
    }

    /// How many closes are held.
    public var count: Int { storage.count }

    /// The closes, oldest first.
    public var closes: [Double] {
        start == 0 ? storage : Array(storage[start...] + storage[..<start])
    }

    /// The newest close.
    public var latest: Double? {
        storage.isEmpty ? nil : storage[(start + storage.count - 1) % storage.count]
    }

    /// The oldest close held.
    public var earliest: Double? {
        storage.isEmpty ? nil : storage[start]
    }

    /// The session's move so far in percent of the oldest close (nil with fewer than two closes
    /// or a zero first close).
    public var movePercent: Double? {
        guard storage.count > 1, let first = earliest, let last = latest, first != 0 else { return nil }
        return (last - first) / first * 100
    }

    /// Records a trade at `price` observed at `instant`: the current minute's close, or the
    /// start of a new minute. Non-finite or non-positive prices are ignored.
    public mutating func record(_ price: Double, at instant: SessionInstant) {
        guard price.isFinite, price > 0 else { return }
        revision &+= 1
        let minute = instant.offset.components.seconds / 60
        if let lastMinute, minute <= lastMinute, !storage.isEmpty {
            storage[(start + storage.count - 1) % storage.count] = price
            return
        }
        lastMinute = minute
        append(price)
    }

    /// Replaces the samples with `closes` (oldest first, the newest `capacity` kept), such as
    /// the closes of the session's one-minute bars; the next trade starts a new minute.
    public mutating func seed(_ closes: [Double]) {
        revision &+= 1
        storage = Array(closes.filter { $0.isFinite && $0 > 0 }.suffix(capacity))
        start = 0
        lastMinute = nil
    }

    private mutating func append(_ price: Double) {
        if storage.count < capacity {
            storage.append(price)
        } else {
            storage[start] = price
            start = (start + 1) % capacity
        }
    }
}
