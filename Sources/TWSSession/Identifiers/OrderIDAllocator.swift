/// Hands out order ids that grow monotonically and are never reused, also across reconnects.
///
/// IB tells each connection the lowest id it will accept (NEXT_VALID_ID, inbound id 9). The
/// allocator never goes below that, and never below an id it has already issued or seen: a
/// later nextValidId that is lower than what was used (a gateway restart, a stale answer) does
/// not lower the next id. After ``connectionReset()`` it waits for the new connection's
/// nextValidId before issuing anything, so ids can only move up.
///
/// ```swift
/// var orderIDs = OrderIDAllocator()
/// orderIDs.receivedNextValidID(100)           // NEXT_VALID_ID from the server
/// let id = try orderIDs.allocate()            // 100, then 101, ...
/// ```
public struct OrderIDAllocator: Hashable, Sendable {
    /// The largest id the wire allows; `Int32.max` itself is IB's "unset" sentinel.
    public static let maximumID = Int(Int32.max) - 1

    /// The id the next ``allocate()`` returns, once one is known.
    public private(set) var nextID: Int?
    /// Whether the current connection's nextValidId has arrived.
    public private(set) var isAwaitingNextValidID = true

    /// Creates an allocator that issues nothing until the first nextValidId.
    public init() {}

    /// Applies a NEXT_VALID_ID from the server: the next id becomes at least `id`.
    public mutating func receivedNextValidID(_ id: Int) {
        nextID = max(nextID ?? id, id)
        isAwaitingNextValidID = false
    }

    /// Records an order id seen elsewhere (for example an open order of this client id found
    /// during reconciliation), so that it is never issued again.
    public mutating func observeExistingOrderID(_ id: Int) {
        guard let current = nextID else {
            nextID = id + 1
            return
        }
        nextID = max(current, id + 1)
    }

    /// Marks the connection as new: ids resume only after its nextValidId arrives.
    public mutating func connectionReset() {
        isAwaitingNextValidID = true
    }

    /// Returns a fresh order id, or throws when none may be issued now.
    public mutating func allocate() throws(OrderIDError) -> Int {
        guard let id = nextID else { throw .noNextValidID }
        guard !isAwaitingNextValidID else { throw .awaitingNextValidID }
        guard id <= Self.maximumID else { throw .exhausted }
        nextID = id + 1
        return id
    }
}
