/// The API client ids a connection may use: a range to take the next free id from, or one
/// id the user pinned.
///
/// TWS refuses a second connection under a client id already connected (IB 326, then it closes
/// the socket). A pool starts at its first id and moves to the next one at each 326; once every
/// id in the range was refused it starts over from the first (after the reconnect backoff,
/// which the connection state machine applies). A pinned id never moves.
///
/// ```swift
/// var pool = ClientIDPool(first: 17, count: 10)   // 17...26
/// pool.refused()                                  // .next(18); pool.current == 18
/// ```
public struct ClientIDPool: Hashable, Sendable {
    /// What a refusal (326) of the current id leads to.
    public enum Step: Hashable, Sendable {
        /// Connect at once as this id, the next of the range.
        case next(Int)
        /// Every id of the range was refused; the pool is back at its first id.
        case exhausted(ClosedRange<Int>)
        /// The id is pinned: it stays, and is retried after the backoff.
        case pinned(Int)
    }

    /// The ids the pool may use, in the order it tries them.
    public let ids: ClosedRange<Int>
    /// Whether the user pinned one id (`--client-id`): a refusal never moves it.
    public let isPinned: Bool
    /// The id the next connection uses.
    public private(set) var current: Int

    /// A pool of `count` ids from `first` (at least one; clamped to the ids IB accepts,
    /// 0...Int32.max).
    public init(first: Int, count: Int) {
        let first = min(max(first, 0), Int(Int32.max))
        let last = first + min(max(count, 1) - 1, Int(Int32.max) - first)
        self.ids = first...last
        self.isPinned = false
        self.current = first
    }

    /// One id that never moves.
    public static func pinned(_ id: Int) -> ClientIDPool {
        ClientIDPool(pinned: id)
    }

    private init(pinned id: Int) {
        self.ids = id...id
        self.isPinned = true
        self.current = id
    }

    /// The current id was refused as in use: moves to the next id of the range, or says the
    /// range is exhausted (and starts over from the first id), or that the id is pinned.
    public mutating func refused() -> Step {
        if isPinned { return .pinned(current) }
        guard current < ids.upperBound else {
            current = ids.lowerBound
            return .exhausted(ids)
        }
        current += 1
        return .next(current)
    }

    /// Whether the pool holds more than one id.
    public var hasAlternatives: Bool { !isPinned && ids.count > 1 }
}
