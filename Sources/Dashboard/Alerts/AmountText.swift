import Vocabulary

/// Amounts written into ibterm's own messages (alerts, the review's what-if): two decimals,
/// thousands grouped, the sign as asked.
enum AmountText {
    /// When a `+` is written.
    enum Sign {
        /// Never (a minus still shows).
        case none
        /// Above zero.
        case whenPositive
        /// At zero or above (a change of margin: `+0.00`).
        case whenNotNegative
    }

    /// `1,234.50`, `+1,234.50` or `-12.00`; `unrepresentable` (else the number as Swift writes
    /// it) for a value out of `FixedDecimal`'s range.
    static func money(_ value: Double, sign: Sign = .none, unrepresentable: String? = nil) -> String {
        guard let decimal = FixedDecimal(checkedRounding: value) else { return unrepresentable ?? "\(value)" }
        let text = decimal.formatted(fractionDigits: 2, groupingThousands: true)
        switch sign {
        case .none: return text
        case .whenPositive: return value > 0 ? "+" + text : text
        case .whenNotNegative: return value >= 0 ? "+" + text : text
        }
    }

    /// A price with at least two decimals, ungrouped: `275.1` → `275.10`.
    static func price(_ value: Double) -> String {
        FixedDecimal(checkedRounding: value)?.formatted(minimumFractionDigits: 2) ?? "\(value)"
    }
}
