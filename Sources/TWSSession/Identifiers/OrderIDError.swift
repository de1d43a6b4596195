/// Why ``OrderIDAllocator`` could not hand out an order id.
public enum OrderIDError: Error, Hashable, Sendable {
    /// No nextValidId has arrived yet on any connection.
    case noNextValidID
    /// The connection was re-established and its nextValidId has not arrived yet.
    case awaitingNextValidID
    /// The id space is exhausted (the next id would pass `Int32.max - 1`).
    case exhausted
}
