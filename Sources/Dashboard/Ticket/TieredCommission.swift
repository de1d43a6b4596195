import Foundation

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
        public var commission: Decimal
        /// Clearing fees.
        public var clearingFees: Decimal
        /// SEC and FINRA fees (sales only).
        public var regulatoryFees: Decimal
        /// The sum of the above.
        public var total: Decimal { commission + clearingFees + regulatoryFees }
    }

    /// Shares already traded this month.
    public var monthlyVolume: Int

    /// Creates a schedule for an account that has traded `monthlyVolume` shares this month.
    public init(monthlyVolume: Int = 0) {
        self.monthlyVolume = monthlyVolume
    }

    /// The per-share rate for the current monthly volume.
    public var perShareRate: Decimal {
        switch monthlyVolume {
        case ..<300_001: Decimal(string: "0.0035")!
        case ..<3_000_001: Decimal(string: "0.0020")!
        case ..<20_000_001: Decimal(string: "0.0015")!
        case ..<100_000_001: Decimal(string: "0.0010")!
        default: Decimal(string: "0.0005")!
        }
    }

    /// Estimates the charges for `quantity` shares at `price` on `side`.
    public func estimate(quantity: Int, price: Decimal, side: OrderSide) -> Estimate {
        let shares = Decimal(quantity)
        let value = shares * price
        var commission = shares * perShareRate
        commission = max(commission, Decimal(string: "0.35")!)
        commission = min(commission, value / 100)
        let clearing = shares * Decimal(string: "0.00020")!
        var regulatory: Decimal = 0
        if side == .sell {
            let sec = value * Decimal(string: "27.80")! / 1_000_000
            let taf = min(shares * Decimal(string: "0.000166")!, Decimal(string: "8.30")!)
            regulatory = sec + taf
        }
        return Estimate(
            commission: DecimalMath.roundedUp(commission, scale: 2),
            clearingFees: DecimalMath.roundedUp(clearing, scale: 2),
            regulatoryFees: DecimalMath.roundedUp(regulatory, scale: 2)
        )
    }
}
