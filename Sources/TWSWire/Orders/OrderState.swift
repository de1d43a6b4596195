/// An order's state as OPEN_ORDER and COMPLETED_ORDER report it (IB: `OrderState`).
///
/// The margin fields are text on the wire (TWS fills them for what-if orders) and stay text.
public struct OrderState: Hashable, Sendable, Codable {
    /// `PreSubmitted`, `Submitted`, `Filled`, `Cancelled`, `Inactive`, ...
    public var status: String = ""
    public var initMarginBefore: String = ""
    public var maintMarginBefore: String = ""
    public var equityWithLoanBefore: String = ""
    public var initMarginChange: String = ""
    public var maintMarginChange: String = ""
    public var equityWithLoanChange: String = ""
    public var initMarginAfter: String = ""
    public var maintMarginAfter: String = ""
    public var equityWithLoanAfter: String = ""
    /// Commission and fees (what-if orders).
    public var commissionAndFees: Double? = nil
    public var minCommissionAndFees: Double? = nil
    public var maxCommissionAndFees: Double? = nil
    public var commissionAndFeesCurrency: String = ""
    /// Fields from server version 195 (full order preview).
    public var marginCurrency: String = ""
    public var outsideRTHMargins: [Double?] = Array(repeating: nil, count: 9)
    public var suggestedSize: Quantity? = nil
    public var rejectReason: String = ""
    public var orderAllocations: [OrderAllocation] = []
    /// A warning from TWS about the order.
    public var warningText: String = ""
    /// When a completed order ended, and how (COMPLETED_ORDER only).
    public var completedTime: String = ""
    public var completedStatus: String = ""

    /// Creates a state with `status`.
    public init(status: String = "") { self.status = status }
}

/// One account's share of an order preview (IB: `OrderAllocation`, server version 195).
public struct OrderAllocation: Hashable, Sendable, Codable {
    public var account: String = ""
    public var position: Quantity? = nil
    public var positionDesired: Quantity? = nil
    public var positionAfter: Quantity? = nil
    public var desiredAllocQty: Quantity? = nil
    public var allowedAllocQty: Quantity? = nil
    public var isMonetary: Bool = false
    /// Creates an allocation.
    public init() {}
}
