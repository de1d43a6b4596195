import Vocabulary

/// An order the exchange knows: the request plus its state, what openOrder and orderStatus
/// report.
public struct PaperOrder: Sendable, Hashable, Codable, Identifiable {
    /// The client's order id.
    public var orderId: Int
    /// IB's server-wide permanent id (`permId`).
    public var permId: Int
    /// The request as last placed or modified.
    public var request: OrderRequest
    /// The resolved instrument.
    public var instrument: Instrument
    /// The account the order trades for.
    public var account: String
    /// The current state.
    public var status: OrderStatus
    /// Quantity filled so far (`filled`).
    public var filledQuantity: Int
    /// Volume-weighted average fill price (`avgFillPrice`), zero before any fill.
    public var averageFillPrice: FixedDecimal
    /// Price of the latest fill (`lastFillPrice`), zero before any fill.
    public var lastFillPrice: FixedDecimal
    /// Whether a STP / STP LMT order's stop has been reached.
    public var isTriggered: Bool
    /// Commission charged so far over all fills (IB's per-order minimum applies to the sum).
    public var commissionCharged: FixedDecimal
    /// Number of executions so far (the third part of the execId).
    public var executionCount: Int
    /// When the order was first placed.
    public var placedAt: Timestamp
    /// Why the order is accepted but not working (untransmitted, or a child waiting for its
    /// parent's fill); `nil` when it works.
    public var hold: OrderHold?
    /// For trailing orders: where the stop stands now (it only moves with the market).
    public var trailStop: FixedDecimal?

    /// The order id, as the `Identifiable` id.
    public var id: Int { orderId }

    /// The client connection that placed the order.
    public var clientId: Int { request.clientId }

    /// Quantity still to fill (`remaining`); zero once the order is no longer open.
    public var remainingQuantity: Int {
        status.isWorking ? request.totalQuantity - filledQuantity : 0
    }

    /// Creates an order state.
    public init(
        orderId: Int, permId: Int, request: OrderRequest, instrument: Instrument, account: String,
        status: OrderStatus, placedAt: Timestamp
    ) {
        self.orderId = orderId
        self.permId = permId
        self.request = request
        self.instrument = instrument
        self.account = account
        self.status = status
        filledQuantity = 0
        averageFillPrice = .zero
        lastFillPrice = .zero
        isTriggered = false
        commissionCharged = .zero
        executionCount = 0
        self.placedAt = placedAt
    }
}
