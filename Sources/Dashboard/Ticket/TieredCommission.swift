import Vocabulary

/// An estimate of IBKR Pro **tiered** commissions and fees for one US stock order.
///
/// ### What it models
/// - IB's per-share commission by monthly volume tier: up to 300,000 shares 0.0035; up to
///   3,000,000 0.0020; up to 20,000,000 0.0015; up to 100,000,000 0.0010; above 0.0005 USD per
///   share. The tier is chosen by the shares already traded this month (the whole order is priced
///   at that tier). At least 0.35 USD per order, at most 1 % of the trade value.
/// - Clearing fee (NSCC, DTC): 0.00020 USD per share.
/// - On sales only, regulatory fees: the SEC transaction fee of 27.80 USD per million of value,
///   and the FINRA trading activity fee of 0.000166 USD per share, at most 8.30 USD per trade.
///
/// ### What it leaves out
/// Exchange fees and rebates (they depend on the venue and on adding or removing liquidity),
/// FINRA pass-through and CAT fees, and the monthly-tier adjustments IB applies afterwards. The
/// real commission arrives later with the execution's commission report. Rates change; these are
/// the published ones as of 2024.
public struct TieredCommission: Sendable, Hashable {
    /// One order's estimated charges, in USD, each rounded up to the cent.
    public struct Estimate: Sendable, Hashable {
        /// IB's commission after the per-order minimum and maximum.
        public var commission: FixedDecimal
        /// Clearing fees.
        public var clearingFees: FixedDecimal
        /// SEC and FINRA fees (sales only).
        public var regulatoryFees: FixedDecimal
        /// The sum of the above.
        public var total: FixedDecimal { commission + clearingFees + regulatoryFees }
    }

    /// Shares already traded this month.
    public var monthlyVolume: Int

    /// IB's per-order minimum commission: 0.35.
    static let minimumPerOrder = FixedDecimal(raw: 35_000_000)
    /// The clearing fee per share: 0.00020.
    static let clearingPerShare = FixedDecimal(raw: 20_000)
    /// The SEC transaction fee per million of sale value: 27.80.
    static let secPerMillion = FixedDecimal(raw: 2_780_000_000)
    /// FINRA's trading activity fee per share sold: 0.000166.
    static let tafPerShare = FixedDecimal(raw: 16_600)
    /// FINRA's trading activity fee at most per trade: 8.30.
    static let tafMaximum = FixedDecimal(raw: 830_000_000)

    /// Creates a schedule for an account that has traded `monthlyVolume` shares this month.
    public init(monthlyVolume: Int = 0) {
        self.monthlyVolume = monthlyVolume
    }

    /// The per-share rate for the current monthly volume.
    public var perShareRate: FixedDecimal {
        switch monthlyVolume {
        case ..<300_001: FixedDecimal(raw: 350_000)
        case ..<3_000_001: FixedDecimal(raw: 200_000)
        case ..<20_000_001: FixedDecimal(raw: 150_000)
        case ..<100_000_001: FixedDecimal(raw: 100_000)
        default: FixedDecimal(raw: 50_000)
        }
    }

    /// Estimates the charges for `quantity` shares at `price` on `side`.
    public func estimate(quantity: Int, price: FixedDecimal, side: OrderSide) -> Estimate {
        let value = price * quantity
        var commission = perShareRate * quantity
        commission = max(commission, Self.minimumPerOrder)
        commission = min(commission, value / 100)
        let clearing = Self.clearingPerShare * quantity
        var regulatory: FixedDecimal = 0
        if side == .sell {
            let sec = value * Self.secPerMillion / 1_000_000
            let taf = min(Self.tafPerShare * quantity, Self.tafMaximum)
            regulatory = sec + taf
        }
        return Estimate(
            commission: commission.rounded(fractionDigits: 2, rule: .awayFromZero),
            clearingFees: clearing.rounded(fractionDigits: 2, rule: .awayFromZero),
            regulatoryFees: regulatory.rounded(fractionDigits: 2, rule: .awayFromZero)
        )
    }
}
