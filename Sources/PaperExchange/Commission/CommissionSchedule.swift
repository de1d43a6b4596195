import Vocabulary

/// IBKR Pro tiered commissions plus the fees this simulator models, all in USD.
///
/// ### What is modelled
/// - **US stocks**: the tiered rate per share by the month's share volume before the order
///   (≤ 300,000: 0.0035; ≤ 3,000,000: 0.0020; ≤ 20,000,000: 0.0015; ≤ 100,000,000: 0.0010;
///   above: 0.0005), at least USD 0.35 and at most 1 % of the trade value per order (when 1 %
///   is below 0.35, the 1 % applies, as IB states); plus clearing (NSCC/DTC) USD 0.00020 per
///   share; on sales also the SEC transaction fee (0.0000278 × sale value) and the FINRA
///   trading activity fee (USD 0.000166 per share sold, at most USD 8.30 per trade).
/// - **Futures**: a flat USD 2.25 per contract (IB's 0.85 plus 1.40 of exchange and NFA fees).
/// - **FX**: 0.2 basis points of the trade value in USD, at least USD 2.00 per order.
///
/// Not modelled: exchange fees and rebates for stocks, IB's pass-through fees, and rounding of
/// regulatory fees to the cent; values are exact to 10^-8.
///
/// Minimums and maximums apply per order: ``orderCommission(instrument:action:quantity:value:monthlyShareVolume:)``
/// gives the total for the order's cumulative fills, and each fill is charged the increase.
public struct CommissionSchedule: Sendable, Hashable, Codable {
    /// A stock tier: the rate applies while the month's volume is at most `upToShares`.
    public struct Tier: Sendable, Hashable, Codable {
        /// Upper bound of the month's share volume for this tier, `nil` for the last tier.
        public var upToShares: Int?
        /// USD per share.
        public var perShare: FixedDecimal

        /// Creates a tier.
        public init(upToShares: Int?, perShare: FixedDecimal) {
            self.upToShares = upToShares
            self.perShare = perShare
        }
    }

    /// Stock tiers, in increasing volume.
    public var stockTiers: [Tier]
    /// Minimum stock commission per order.
    public var stockMinimumPerOrder: FixedDecimal
    /// Maximum stock commission per order, as a fraction of the trade value.
    public var stockMaximumFractionOfValue: FixedDecimal
    /// Clearing fee per share (both sides).
    public var clearingFeePerShare: FixedDecimal
    /// SEC transaction fee rate on the value of sales.
    public var secFeeRate: FixedDecimal
    /// FINRA trading activity fee per share sold.
    public var finraFeePerShare: FixedDecimal
    /// Cap of the FINRA fee per trade.
    public var finraFeeMaximum: FixedDecimal
    /// All-in futures rate per contract.
    public var futuresPerContract: FixedDecimal
    /// FX rate as a fraction of trade value (0.2 bp = 0.00002).
    public var forexRate: FixedDecimal
    /// FX minimum per order.
    public var forexMinimumPerOrder: FixedDecimal

    /// IBKR Pro tiered pricing as described above.
    public static let ibkrProTiered = CommissionSchedule(
        stockTiers: [
            Tier(upToShares: 300_000, perShare: FixedDecimal("0.0035")!),
            Tier(upToShares: 3_000_000, perShare: FixedDecimal("0.0020")!),
            Tier(upToShares: 20_000_000, perShare: FixedDecimal("0.0015")!),
            Tier(upToShares: 100_000_000, perShare: FixedDecimal("0.0010")!),
            Tier(upToShares: nil, perShare: FixedDecimal("0.0005")!),
        ],
        stockMinimumPerOrder: FixedDecimal("0.35")!,
        stockMaximumFractionOfValue: FixedDecimal("0.01")!,
        clearingFeePerShare: FixedDecimal("0.0002")!,
        secFeeRate: FixedDecimal("0.0000278")!,
        finraFeePerShare: FixedDecimal("0.000166")!,
        finraFeeMaximum: FixedDecimal("8.30")!,
        futuresPerContract: FixedDecimal("2.25")!,
        forexRate: FixedDecimal("0.00002")!,
        forexMinimumPerOrder: FixedDecimal("2.00")!)

    /// Creates a schedule.
    public init(
        stockTiers: [Tier], stockMinimumPerOrder: FixedDecimal, stockMaximumFractionOfValue: FixedDecimal,
        clearingFeePerShare: FixedDecimal, secFeeRate: FixedDecimal, finraFeePerShare: FixedDecimal,
        finraFeeMaximum: FixedDecimal, futuresPerContract: FixedDecimal, forexRate: FixedDecimal,
        forexMinimumPerOrder: FixedDecimal
    ) {
        self.stockTiers = stockTiers
        self.stockMinimumPerOrder = stockMinimumPerOrder
        self.stockMaximumFractionOfValue = stockMaximumFractionOfValue
        self.clearingFeePerShare = clearingFeePerShare
        self.secFeeRate = secFeeRate
        self.finraFeePerShare = finraFeePerShare
        self.finraFeeMaximum = finraFeeMaximum
        self.futuresPerContract = futuresPerContract
        self.forexRate = forexRate
        self.forexMinimumPerOrder = forexMinimumPerOrder
    }

    /// The stock rate per share for a month whose volume so far is `monthlyShareVolume`.
    public func stockRate(monthlyShareVolume: Int) -> FixedDecimal {
        for tier in stockTiers {
            guard let bound = tier.upToShares else { return tier.perShare }
            if monthlyShareVolume < bound { return tier.perShare }
        }
        return stockTiers.last?.perShare ?? .zero
    }

    /// The total commission (USD) of an order whose fills so far add up to `quantity` units
    /// worth `value` USD.
    public func orderCommission(
        instrument: Instrument, action: OrderAction, quantity: Int, value: FixedDecimal,
        monthlyShareVolume: Int
    ) -> FixedDecimal {
        guard quantity > 0 else { return .zero }
        switch instrument.secType {
        case .stock:
            let perShare = stockRate(monthlyShareVolume: monthlyShareVolume) * quantity
            let floored = FixedDecimal.max(perShare, stockMinimumPerOrder)
            let broker = FixedDecimal.min(floored, value * stockMaximumFractionOfValue)
            var total = broker + clearingFeePerShare * quantity
            if action == .sell {
                total += value * secFeeRate
                total += FixedDecimal.min(finraFeePerShare * quantity, finraFeeMaximum)
            }
            return total
        case .future:
            return futuresPerContract * quantity
        case .forex:
            return FixedDecimal.max(value * forexRate, forexMinimumPerOrder)
        }
    }
}
