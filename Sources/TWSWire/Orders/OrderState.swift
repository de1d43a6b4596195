import Vocabulary

/// An order's state as OPEN_ORDER and COMPLETED_ORDER report it (IB: `OrderState`).
///
/// The margin fields are text on the wire (TWS fills them for what-if orders) and stay text.
public struct OrderState: Hashable, Sendable, Codable {
    /// `PreSubmitted`, `Submitted`, `Filled`, `Cancelled`, `Inactive`, ...
    public var status: String = ""
    /// IB's `initMarginBefore` field.
    public var initMarginBefore: String = ""
    /// IB's `maintMarginBefore` field.
    public var maintMarginBefore: String = ""
    /// IB's `equityWithLoanBefore` field.
    public var equityWithLoanBefore: String = ""
    /// IB's `initMarginChange` field.
    public var initMarginChange: String = ""
    /// IB's `maintMarginChange` field.
    public var maintMarginChange: String = ""
    /// IB's `equityWithLoanChange` field.
    public var equityWithLoanChange: String = ""
    /// IB's `initMarginAfter` field.
    public var initMarginAfter: String = ""
    /// IB's `maintMarginAfter` field.
    public var maintMarginAfter: String = ""
    /// IB's `equityWithLoanAfter` field.
    public var equityWithLoanAfter: String = ""
    /// Commission and fees (what-if orders).
    public var commissionAndFees: Double? = nil
    /// IB's `minCommissionAndFees` field.
    public var minCommissionAndFees: Double? = nil
    /// IB's `maxCommissionAndFees` field.
    public var maxCommissionAndFees: Double? = nil
    /// IB's `commissionAndFeesCurrency` field.
    public var commissionAndFeesCurrency: String = ""
    /// Fields from server version 195 (full order preview).
    public var marginCurrency: String = ""
    /// IB's `outsideRTHMargins` field.
    public var outsideRTHMargins: [Double?] = Array(repeating: nil, count: 9)
    /// IB's `suggestedSize` field.
    public var suggestedSize: FixedDecimal? = nil
    /// IB's `rejectReason` field.
    public var rejectReason: String = ""
    /// IB's `orderAllocations` field.
    public var orderAllocations: [OrderAllocation] = []
    /// A warning from TWS about the order.
    public var warningText: String = ""
    /// When a completed order ended, and how (COMPLETED_ORDER only).
    public var completedTime: String = ""
    /// IB's `completedStatus` field.
    public var completedStatus: String = ""

    /// Creates a state with `status`.
    public init(status: String = "") { self.status = status }
}

/// One account's share of an order preview (IB: `OrderAllocation`, server version 195).
public struct OrderAllocation: Hashable, Sendable, Codable {
    /// The account id, e.g. `DU1234567`.
    public var account: String = ""
    /// The position size (negative for short).
    public var position: FixedDecimal? = nil
    /// IB's `positionDesired` field.
    public var positionDesired: FixedDecimal? = nil
    /// IB's `positionAfter` field.
    public var positionAfter: FixedDecimal? = nil
    /// IB's `desiredAllocQty` field.
    public var desiredAllocQty: FixedDecimal? = nil
    /// IB's `allowedAllocQty` field.
    public var allowedAllocQty: FixedDecimal? = nil
    /// IB's `isMonetary` field.
    public var isMonetary: Bool = false
    /// Creates an allocation.
    public init() {}
}
