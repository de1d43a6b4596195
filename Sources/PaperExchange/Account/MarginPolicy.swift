import Vocabulary

/// Margin requirements as fractions of position value (a simple portfolio-free model).
///
/// The default is a margin account with 4× intraday buying power on stocks (25 % initial and
/// maintenance), 3 % on FX and 6 % initial / 5 % maintenance of futures notional.
public struct MarginPolicy: Sendable, Hashable, Codable {
    /// Initial margin fraction per security type.
    public var initial: [SecurityType: FixedDecimal]
    /// Maintenance margin fraction per security type.
    public var maintenance: [SecurityType: FixedDecimal]
    /// Buying power per dollar of available funds (4 for a margin account).
    public var buyingPowerMultiple: Int

    /// The defaults described on the type.
    public static let marginAccount = MarginPolicy(
        initial: [.stock: FixedDecimal("0.25")!, .forex: FixedDecimal("0.03")!, .future: FixedDecimal("0.06")!],
        maintenance: [.stock: FixedDecimal("0.25")!, .forex: FixedDecimal("0.03")!, .future: FixedDecimal("0.05")!],
        buyingPowerMultiple: 4)

    /// Creates a policy.
    public init(
        initial: [SecurityType: FixedDecimal], maintenance: [SecurityType: FixedDecimal],
        buyingPowerMultiple: Int
    ) {
        self.initial = initial
        self.maintenance = maintenance
        self.buyingPowerMultiple = buyingPowerMultiple
    }
}
