/// An exact decimal number with eight fractional digits, stored as a scaled 64-bit integer.
///
/// Prices, cash and commissions use it so that the tick grid is exact: `0.01`, `0.00005` and
/// `0.25` are whole multiples of the unit, and no `Double` equality ever decides a tick.
/// The range is about ±92 billion, ample for a paper account. Products and quotients round
/// half away from zero to the eighth digit.
public struct FixedDecimal: Sendable, Hashable, Comparable {
    /// Units per one: the value is `raw / scale`.
    public static let scale: Int64 = 100_000_000

    /// Number of fractional digits the type keeps.
    public static let fractionDigits = 8

    /// The value times ``scale``.
    public var raw: Int64

    /// Zero.
    public static let zero = FixedDecimal(raw: 0)

    /// Creates a value from its scaled representation (`raw / 10^8`).
    public init(raw: Int64) {
        self.raw = raw
    }

    /// Creates a whole-number value.
    public init(_ integer: Int) {
        raw = Int64(integer) * Self.scale
    }

    /// Creates the value nearest to `value` on the 10^-8 grid.
    ///
    /// Exact for any decimal with at most eight fractional digits and magnitude below 10^7,
    /// which covers prices read from a data file written with ordinary decimal literals.
    public init(rounding value: Double) {
        raw = Int64((value * Double(Self.scale)).rounded(.toNearestOrAwayFromZero))
    }

    /// The nearest `Double`, for wire fields that carry doubles.
    public var doubleValue: Double {
        Double(raw) / Double(Self.scale)
    }

    /// The absolute value.
    public var magnitude: FixedDecimal {
        FixedDecimal(raw: raw < 0 ? -raw : raw)
    }

    /// Whether the value is below zero.
    public var isNegative: Bool { raw < 0 }

    /// The value as a whole number of `unit`s, or `nil` when it is not an exact multiple.
    public func count(of unit: FixedDecimal) -> Int64? {
        precondition(unit.raw > 0, "unit must be positive")
        return raw % unit.raw == 0 ? raw / unit.raw : nil
    }

    /// Whether the value lies on the grid of `unit` (e.g. a minimum tick).
    public func isMultiple(of unit: FixedDecimal) -> Bool {
        count(of: unit) != nil
    }

    /// The value rounded to `digits` fractional digits, half away from zero.
    public func rounded(fractionDigits digits: Int) -> FixedDecimal {
        precondition((0...Self.fractionDigits).contains(digits))
        var step: Int64 = 1
        for _ in 0..<(Self.fractionDigits - digits) { step *= 10 }
        return FixedDecimal(raw: Self.divideRounded(raw, by: step) * step)
    }

    /// Returns the smaller of two values.
    public static func min(_ a: FixedDecimal, _ b: FixedDecimal) -> FixedDecimal { a < b ? a : b }

    /// Returns the larger of two values.
    public static func max(_ a: FixedDecimal, _ b: FixedDecimal) -> FixedDecimal { a < b ? b : a }

    /// Orders values numerically.
    public static func < (lhs: FixedDecimal, rhs: FixedDecimal) -> Bool { lhs.raw < rhs.raw }

    /// Exact sum.
    public static func + (lhs: FixedDecimal, rhs: FixedDecimal) -> FixedDecimal {
        FixedDecimal(raw: lhs.raw + rhs.raw)
    }

    /// Exact difference.
    public static func - (lhs: FixedDecimal, rhs: FixedDecimal) -> FixedDecimal {
        FixedDecimal(raw: lhs.raw - rhs.raw)
    }

    /// Negation.
    public static prefix func - (value: FixedDecimal) -> FixedDecimal {
        FixedDecimal(raw: -value.raw)
    }

    /// Adds in place.
    public static func += (lhs: inout FixedDecimal, rhs: FixedDecimal) { lhs = lhs + rhs }

    /// Subtracts in place.
    public static func -= (lhs: inout FixedDecimal, rhs: FixedDecimal) { lhs = lhs - rhs }

    /// Exact product with a whole number (a quantity or a multiplier).
    public static func * (lhs: FixedDecimal, rhs: Int) -> FixedDecimal {
        FixedDecimal(raw: lhs.raw * Int64(rhs))
    }

    /// Exact product with a whole number.
    public static func * (lhs: Int, rhs: FixedDecimal) -> FixedDecimal { rhs * lhs }

    /// Product rounded to eight fractional digits.
    public static func * (lhs: FixedDecimal, rhs: FixedDecimal) -> FixedDecimal {
        let wide = lhs.raw.multipliedFullWidth(by: rhs.raw)
        return FixedDecimal(raw: divideRounded(high: wide.high, low: wide.low, by: scale))
    }

    /// Quotient by a whole number, rounded to eight fractional digits.
    public static func / (lhs: FixedDecimal, rhs: Int) -> FixedDecimal {
        FixedDecimal(raw: divideRounded(lhs.raw, by: Int64(rhs)))
    }

    /// Quotient rounded to eight fractional digits.
    public static func / (lhs: FixedDecimal, rhs: FixedDecimal) -> FixedDecimal {
        let wide = lhs.raw.multipliedFullWidth(by: scale)
        return FixedDecimal(raw: divideRounded(high: wide.high, low: wide.low, by: rhs.raw))
    }

    private static func divideRounded(_ value: Int64, by divisor: Int64) -> Int64 {
        let wide = value.multipliedFullWidth(by: 1)
        return divideRounded(high: wide.high, low: wide.low, by: divisor)
    }

    private static func divideRounded(high: Int64, low: UInt64, by divisor: Int64) -> Int64 {
        precondition(divisor != 0, "division by zero")
        let (quotient, remainder) = divisor.dividingFullWidth((high: high, low: low))
        let twiceRemainder = remainder.magnitude * 2
        guard twiceRemainder >= divisor.magnitude else { return quotient }
        let negative = (high < 0) != (divisor < 0)
        return negative ? quotient - 1 : quotient + 1
    }
}

extension FixedDecimal: ExpressibleByIntegerLiteral {
    /// Creates a whole-number value from a literal.
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}
