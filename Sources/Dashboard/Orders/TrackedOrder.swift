import Vocabulary

/// One order the dashboard knows of: what it is, where it stands, and how it got there.
public struct TrackedOrder: Sendable, Hashable {
    /// IB's order id.
    public var orderID: Int
    /// The symbol.
    public var symbol: String
    /// Buy or sell.
    public var side: OrderSide
    /// Total quantity ordered.
    public var quantity: FixedDecimal
    /// The order type.
    public var orderType: OrderType
    /// The limit price, if any.
    public var limitPrice: FixedDecimal?
    /// The stop price, if any.
    public var stopPrice: FixedDecimal?
    /// The time in force.
    public var timeInForce: TimeInForce
    /// The current status.
    public var status: OrderProgress
    /// Quantity filled so far.
    public var filled: FixedDecimal
    /// Quantity still working.
    public var remaining: FixedDecimal
    /// Average fill price, once something filled.
    public var averageFillPrice: Double?
    /// Every status change, oldest first, each with its time.
    public var lifecycle: [OrderStatusChange]
    /// Why the order was rejected or stopped, in plain words from the message catalog.
    public var rejectReason: String?
    /// The latest broker message about this order, explained.
    public var lastMessage: ExplainedMessage?
    /// Whether the trader asked to cancel it.
    public var cancelRequested: Bool
    /// Whether this session placed it (as opposed to an order found on the gateway).
    public var placedHere: Bool
    /// The client id that placed it, once IB reported it (`nil` for orders of this session
    /// before the gateway lists them).
    public var ownerClientID: Int?
    /// Whether this dashboard's client id placed it: only then may `cancelOrder` cancel it.
    public var isThisClient: Bool
    /// IB's permanent id, once reported (completed orders are matched by it).
    public var permID: Int?
    /// The parent's order id, for a bracket's child.
    public var parentID: Int?
    /// The one-cancels-all group, if the order is in one.
    public var ocaGroup: String?

    /// Creates a record for an order this session sends, in the `sent` state at `time`.
    public init(orderID: Int, instruction: OrderInstruction, at time: Timestamp) {
        self.init(
            orderID: orderID, symbol: instruction.symbol, side: instruction.side,
            quantity: FixedDecimal(instruction.quantity), orderType: instruction.orderType,
            limitPrice: instruction.limitPrice, stopPrice: instruction.stopPrice,
            timeInForce: instruction.timeInForce, status: .sent, at: time, placedHere: true)
        parentID = instruction.link?.parentOrderID
        ocaGroup = instruction.link?.ocaGroup
        if instruction.orderType.isTrailing {
            stopPrice = nil
            trailing = instruction.trailingPercent.map { "\($0)%" } ?? instruction.trailingAmount?.formatted(minimumFractionDigits: 2)
        }
    }

    /// A trailing stop's distance as shown (`1.50`, `1.5%`), if the order trails.
    public var trailing: String?

    /// Creates a record with an initial status at `time`.
    public init(
        orderID: Int, symbol: String, side: OrderSide, quantity: FixedDecimal, orderType: OrderType,
        limitPrice: FixedDecimal? = nil, stopPrice: FixedDecimal? = nil, timeInForce: TimeInForce = .day,
        status: OrderProgress, at time: Timestamp, placedHere: Bool = false
    ) {
        self.orderID = orderID
        self.symbol = symbol
        self.side = side
        self.quantity = quantity
        self.orderType = orderType
        self.limitPrice = limitPrice
        self.stopPrice = stopPrice
        self.timeInForce = timeInForce
        self.status = status
        self.filled = 0
        self.remaining = quantity
        self.averageFillPrice = nil
        self.lifecycle = [OrderStatusChange(time: time, status: status, filled: 0, remaining: quantity)]
        self.rejectReason = nil
        self.lastMessage = nil
        self.cancelRequested = false
        self.placedHere = placedHere
        self.ownerClientID = nil
        self.isThisClient = true
        self.permID = nil
    }

    /// Whether the order may still trade.
    public var isWorking: Bool { status.isWorking }

    /// When the order was first seen.
    public var createdAt: Timestamp? { lifecycle.first?.time }

    /// The order as a message about it names it: `Order 12 BUY 100 AAPL LMT 231.20`.
    public var requestContext: RequestContext {
        .order(id: orderID, side: side.rawValue, quantity: quantity, symbol: symbol, type: orderType,
               limitPrice: limitPrice, stopPrice: stopPrice, detail: trailing)
    }

    /// A one-line description: `BUY 100 AAPL LMT 231.20 DAY`.
    public var summary: String {
        var parts = [side.rawValue, quantity.description, symbol, orderType.rawValue]
        if let stopPrice { parts.append(stopPrice.formatted(minimumFractionDigits: 2)) }
        if let limitPrice { parts.append(limitPrice.formatted(minimumFractionDigits: 2)) }
        if let trailing { parts.append(trailing) }
        parts.append(timeInForce.rawValue)
        return parts.joined(separator: " ")
    }

    /// Records a status change at `time` if the status or fill moved; returns whether it did.
    @discardableResult
    mutating func recordStatus(
        _ newStatus: OrderProgress, filled newFilled: FixedDecimal? = nil, remaining newRemaining: FixedDecimal? = nil,
        note: String? = nil, at time: Timestamp
    ) -> Bool {
        let nextFilled = newFilled ?? filled
        let nextRemaining = newRemaining ?? remaining
        guard newStatus != status || nextFilled != filled || nextRemaining != remaining || note != nil else { return false }
        status = newStatus
        filled = nextFilled
        remaining = nextRemaining
        lifecycle.append(OrderStatusChange(time: time, status: newStatus, filled: nextFilled, remaining: nextRemaining, note: note))
        return true
    }
}

extension TrackedOrder {
    /// Whether a rejected order keeps its `rejected` state over `status`: IB often follows a
    /// rejection with `Inactive`, `Cancelled` or a repeated earlier status, none of which
    /// makes the order work again; only a fill would (and is then shown).
    func keepsRejection(over status: OrderProgress) -> Bool {
        self.status == .rejected && status != .filled
    }
}
