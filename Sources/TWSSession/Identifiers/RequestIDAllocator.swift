/// Hands out request (ticker) ids for market data, account, PnL and one-shot requests.
///
/// Ids come from their own range, far above the order ids a gateway hands out, because
/// ERR_MSG names both kinds in one integer field (see ib-message-codes.md, "Ids are one shared
/// space"). Ids only ever grow, so they are unique per connection and also across connections;
/// only after the whole range has been used does it start again from the bottom, which a
/// single connection would need billions of requests to reach.
///
/// ```swift
/// var requestIDs = RequestIDAllocator()
/// let tickerID = requestIDs.allocate()        // 1_000_000_000, then 1_000_000_001, ...
/// ```
public struct RequestIDAllocator: Hashable, Sendable {
    /// The default range: from one billion up to `Int32.max - 1` (`Int32.max` means "unset").
    public static let defaultRange = 1_000_000_000...(Int(Int32.max) - 1)

    /// The ids this allocator may hand out.
    public let range: ClosedRange<Int>
    /// The id the next ``allocate()`` returns.
    public private(set) var nextID: Int

    /// Creates an allocator over `range`.
    public init(range: ClosedRange<Int> = RequestIDAllocator.defaultRange) {
        self.range = range
        self.nextID = range.lowerBound
    }

    /// Returns a fresh request id.
    public mutating func allocate() -> Int {
        let id = nextID
        nextID = id == range.upperBound ? range.lowerBound : id + 1
        return id
    }

    /// Whether `id` lies in this allocator's range (and so cannot be an order id).
    public func owns(_ id: Int) -> Bool {
        range.contains(id)
    }
}
