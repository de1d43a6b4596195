/// One P&L number with its source. `nil` (IB's no-value sentinel, or nothing to compute from)
/// displays as "—", never as zero.
public struct PnLValue: Sendable, Hashable, Codable {
    /// The amount in the account currency, or `nil` when there is none.
    public var amount: Double?
    /// Where it came from.
    public var source: PnLSource

    /// Creates a value.
    public init(amount: Double?, source: PnLSource) {
        self.amount = amount
        self.source = amount == nil ? .unavailable : source
    }

    /// No value.
    public static let unavailable = PnLValue(amount: nil, source: .unavailable)

    /// The amount signed and rounded to cents (`+1234.50`, `-12.00`, `0.00`), or `—`.
    public var display: String {
        guard let amount, amount.isFinite else { return "—" }
        let cents = Int64((abs(amount) * 100).rounded())
        let sign = cents == 0 ? "" : (amount < 0 ? "-" : "+")
        let fraction = cents % 100
        return "\(sign)\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The display with its source: `+1234.50 (gateway)`, `— (unavailable)`.
    public var labelledDisplay: String {
        "\(display) (\(source.rawValue))"
    }
}
