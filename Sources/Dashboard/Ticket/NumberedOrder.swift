/// An order with the id it is sent under.
public struct NumberedOrder: Sendable, Hashable, Codable {
    /// The order id (from the gateway's `nextValidId`).
    public var orderID: Int
    /// The order, with its link to the rest of its group.
    public var instruction: OrderInstruction

    /// Creates a numbered order.
    public init(orderID: Int, instruction: OrderInstruction) {
        self.orderID = orderID
        self.instruction = instruction
    }
}
