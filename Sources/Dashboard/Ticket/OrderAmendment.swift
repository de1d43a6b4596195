import Vocabulary

/// The working order a ticket modifies: its id, what it was when the ticket opened, and how
/// much of it had filled.
///
/// IB modifies an order by placing it again under the same id (cancel/replace in one step):
/// the symbol, side and order type stay; the total quantity, prices and time in force may
/// change. The total includes what already filled, so a new total must stay above `filled`.
public struct OrderAmendment: Sendable, Hashable {
    /// The id of the order being modified (sent again unchanged).
    public var orderID: Int
    /// The order as it was when the ticket opened on it (`quantity` is the total ordered).
    public var original: OrderInstruction
    /// The quantity already filled when the ticket opened.
    public var filled: Int

    /// Creates an amendment of `orderID`.
    public init(orderID: Int, original: OrderInstruction, filled: Int = 0) {
        self.orderID = orderID
        self.original = original
        self.filled = filled
    }

    /// The fields `instruction` changes, each as `(label, old, new)`, in the review's order.
    public func changes(to instruction: OrderInstruction) -> [(field: String, old: String, new: String)] {
        Self.changes(
            from: (FixedDecimal(original.quantity), original.limitPrice, original.stopPrice, original.timeInForce),
            to: (FixedDecimal(instruction.quantity), instruction.limitPrice, instruction.stopPrice, instruction.timeInForce))
    }

    /// The fields that differ between two versions of an order (total quantity, limit, stop,
    /// time in force), each as `(label, old, new)`: stop before limit, as the ticket draws them.
    public static func changes(
        from old: (quantity: FixedDecimal, limit: FixedDecimal?, stop: FixedDecimal?, tif: TimeInForce),
        to new: (quantity: FixedDecimal, limit: FixedDecimal?, stop: FixedDecimal?, tif: TimeInForce)
    ) -> [(field: String, old: String, new: String)] {
        var result: [(String, String, String)] = []
        if new.quantity != old.quantity { result.append(("Quantity", old.quantity.description, new.quantity.description)) }
        if new.stop != old.stop { result.append(("Stop", price(old.stop), price(new.stop))) }
        if new.limit != old.limit { result.append(("Limit", price(old.limit), price(new.limit))) }
        if new.tif != old.tif { result.append(("TIF", old.tif.rawValue, new.tif.rawValue)) }
        return result
    }

    static func price(_ value: FixedDecimal?) -> String {
        value?.formatted(minimumFractionDigits: 2) ?? "none"
    }
}
