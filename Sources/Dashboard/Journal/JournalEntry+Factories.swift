import Vocabulary


extension JournalEntry {
    /// The line for an order handed to the client; `modifies` for a modification of the
    /// working order `orderID` (placed again under its id).
    public static func orderSent(_ order: OrderInstruction, orderID: Int, modifies: Bool = false, at time: Timestamp) -> JournalEntry {
        var entry = JournalEntry(kind: modifies ? .orderModifySent : .orderSent, time: time)
        entry.orderID = orderID
        entry.symbol = order.symbol
        entry.side = order.side
        entry.quantity = FixedDecimal(order.quantity)
        entry.orderType = order.orderType
        entry.limitPrice = order.limitPrice
        entry.stopPrice = order.stopPrice
        entry.timeInForce = order.timeInForce
        return entry
    }

    /// The line for an order-status change.
    public static func statusChange(
        orderID: Int, status: String, filled: FixedDecimal, remaining: FixedDecimal, reason: String? = nil, at time: Timestamp
    ) -> JournalEntry {
        var entry = JournalEntry(kind: .statusChange, time: time)
        entry.orderID = orderID
        entry.status = status
        entry.filled = filled
        entry.remaining = remaining
        entry.text = reason
        return entry
    }

    /// The line for an execution.
    public static func execution(
        orderID: Int, executionID: String, symbol: String, side: OrderSide, quantity: FixedDecimal, price: FixedDecimal,
        at time: Timestamp
    ) -> JournalEntry {
        var entry = JournalEntry(kind: .execution, time: time)
        entry.orderID = orderID
        entry.executionID = executionID
        entry.symbol = symbol
        entry.side = side
        entry.quantity = quantity
        entry.price = price
        return entry
    }

    /// The line for a broker message, with what its request id stood for when known: the
    /// order's id, side, quantity, symbol, type and prices, or the subscription's symbol, and
    /// the request's kind and description (`"request":"quote"`, `"context":"AAPL quote"`).
    public static func message(_ notice: Notice, context: RequestContext? = nil, at time: Timestamp) -> JournalEntry {
        var entry = JournalEntry(kind: .message, time: time)
        entry.code = notice.code
        entry.requestID = notice.requestID
        entry.text = notice.text
        guard let context = context ?? notice.context else { return entry }
        entry.requestKind = context.kind.rawValue
        entry.context = context.description
        entry.symbol = context.symbol
        if context.isOrder {
            if context.kind == .order { entry.orderID = context.requestID }
            entry.side = context.side.flatMap(OrderSide.init(rawValue:))
            entry.quantity = context.quantity
            entry.orderType = context.orderType
            entry.limitPrice = context.limitPrice
            entry.stopPrice = context.stopPrice
        }
        return entry
    }
}
