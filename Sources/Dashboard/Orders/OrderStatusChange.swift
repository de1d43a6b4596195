import Vocabulary

/// One step of an order's life, with the time it was seen.
public struct OrderStatusChange: Sendable, Hashable {
    /// When ibterm saw the change.
    public var time: Timestamp
    /// The status after the change.
    public var status: OrderProgress
    /// Quantity filled so far.
    public var filled: FixedDecimal
    /// Quantity still working.
    public var remaining: FixedDecimal
    /// A note in plain words (a reject reason, "cancel requested"), if any.
    public var note: String?

    /// Creates a change.
    public init(time: Timestamp, status: OrderProgress, filled: FixedDecimal, remaining: FixedDecimal, note: String? = nil) {
        self.time = time
        self.status = status
        self.filled = filled
        self.remaining = remaining
        self.note = note
    }
}
