import Vocabulary

/// The safety limits the order ticket enforces (configured in `[ticket]`).
public struct TicketLimits: Sendable, Hashable {
    /// The largest quantity one order may have.
    public var maxQuantity: Int
    /// The largest estimated notional (quantity × price) one order may have, in the account
    /// currency.
    public var maxNotional: FixedDecimal
    /// The largest notional as a share of net liquidation (0.25 = 25 %), or `nil` for no limit.
    public var maxShareOfNetLiquidation: FixedDecimal?
    /// How far a limit price may be from the reference quote, as a fraction (0.05 = 5 %), or
    /// `nil` to switch the fat-finger guard off.
    public var priceBand: FixedDecimal?

    /// Creates limits; the defaults suit a small account: 1,000 shares, 50,000 notional, 25 % of
    /// net liquidation, a 5 % price band.
    public init(
        maxQuantity: Int = 1_000,
        maxNotional: FixedDecimal = 50_000,
        maxShareOfNetLiquidation: FixedDecimal? = FixedDecimal(raw: 25_000_000),
        priceBand: FixedDecimal? = FixedDecimal(raw: 5_000_000)
    ) {
        self.maxQuantity = maxQuantity
        self.maxNotional = maxNotional
        self.maxShareOfNetLiquidation = maxShareOfNetLiquidation
        self.priceBand = priceBand
    }
}
