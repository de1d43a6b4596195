/// One order with its lifecycle.
public struct OrderLine: Hashable, Sendable {
    /// Where an order stands, for its role.
    public enum Status: Hashable, Sendable {
        /// Not yet acknowledged.
        case pending
        /// Working at the exchange (possibly partly filled).
        case working
        /// Completely filled.
        case filled
        /// Cancelled.
        case cancelled
        /// Rejected (see `rejectReason`).
        case rejected

        /// The role of the status text.
        public var role: ThemeRole {
            switch self {
            case .pending: .dim
            case .working: .info
            case .filled: .up
            case .cancelled: .dim
            case .rejected: .error
            }
        }
    }

    /// One step of the lifecycle: when, and what happened.
    public struct Step: Hashable, Sendable {
        /// The time, formatted (`10:31:02`).
        public var time: String
        /// What happened (`submitted`, `filled 30`).
        public var event: String

        /// Creates a step.
        public init(_ time: String, _ event: String) {
            self.time = time
            self.event = event
        }
    }

    /// The order id (`1042`).
    public var orderID: String
    /// Buy or sell.
    public var side: TradeSide
    /// Quantity.
    public var quantity: String
    /// Symbol.
    public var symbol: String
    /// Type and prices (`LMT 231.20`).
    public var typeAndPrice: String
    /// Time in force.
    public var timeInForce: String
    /// Where it stands.
    public var status: Status
    /// The status text (`Submitted`, `Filled 100/100`).
    public var statusText: String
    /// The lifecycle, oldest first.
    public var steps: [Step]
    /// Why it was rejected, in plain words.
    public var rejectReason: String?
    /// Which client placed it: `this` for this dashboard's client id, `cl 7` for another
    /// (IB lets only the owner cancel it), `—` when IB did not say.
    public var owner: String
    /// Whether the order is a child of the order above it (a bracket's take-profit or
    /// stop-loss), drawn `└` under its parent.
    public var isChild: Bool = false
    /// Whether another client id placed it.
    public var isOtherClient: Bool
    /// Whether it filled a moment ago (the row flashes).
    public var isFlashing = false

    /// Creates a row.
    public init(
        orderID: String, side: TradeSide, quantity: String, symbol: String, typeAndPrice: String,
        timeInForce: String = "DAY", status: Status, statusText: String, steps: [Step] = [],
        rejectReason: String? = nil, owner: String = "this", isOtherClient: Bool = false, isChild: Bool = false
    ) {
        self.isChild = isChild
        self.owner = owner
        self.isOtherClient = isOtherClient
        self.orderID = orderID
        self.side = side
        self.quantity = quantity
        self.symbol = symbol
        self.typeAndPrice = typeAndPrice
        self.timeInForce = timeInForce
        self.status = status
        self.statusText = statusText
        self.steps = steps
        self.rejectReason = rejectReason
    }
}

extension OrderLine: FlashingRow {}
