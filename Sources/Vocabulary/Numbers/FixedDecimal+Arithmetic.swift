extension FixedDecimal {
    /// Exact sum.
    @inlinable
    public static func + (lhs: FixedDecimal, rhs: FixedDecimal) -> FixedDecimal {
        FixedDecimal(raw: lhs.raw + rhs.raw)
    }

    /// Exact difference.
    @inlinable
    public static func - (lhs: FixedDecimal, rhs: FixedDecimal) -> FixedDecimal {
        FixedDecimal(raw: lhs.raw - rhs.raw)
    }

    /// Negation.
    @inlinable
    public static prefix func - (value: FixedDecimal) -> FixedDecimal {
        FixedDecimal(raw: -value.raw)
    }

    /// Adds in place.
    @inlinable
    public static func += (lhs: inout FixedDecimal, rhs: FixedDecimal) { lhs.raw += rhs.raw }

    /// Subtracts in place.
    @inlinable
    public static func -= (lhs: inout FixedDecimal, rhs: FixedDecimal) { lhs.raw -= rhs.raw }

    /// Exact product with a whole number (a quantity or a multiplier).
    @inlinable
    public static func * (lhs: FixedDecimal, rhs: Int) -> FixedDecimal {
        FixedDecimal(raw: lhs.raw * Int64(rhs))
    }

    /// Exact product with a whole number.
    @inlinable
    public static func * (lhs: Int, rhs: FixedDecimal) -> FixedDecimal { rhs * lhs }

    /// Product rounded half away from zero to eight fractional digits.
    @inlinable
    public static func * (lhs: FixedDecimal, rhs: FixedDecimal) -> FixedDecimal {
        let wide = lhs.raw.multipliedFullWidth(by: rhs.raw)
        return FixedDecimal(raw: divideRounded(high: wide.high, low: wide.low, by: scale))
    }

    /// Quotient by a whole number, rounded half away from zero to eight fractional digits.
    @inlinable
    public static func / (lhs: FixedDecimal, rhs: Int) -> FixedDecimal {
        FixedDecimal(raw: divideRounded(lhs.raw, by: Int64(rhs)))
    }

    /// Quotient rounded half away from zero to eight fractional digits.
    @inlinable
    public static func / (lhs: FixedDecimal, rhs: FixedDecimal) -> FixedDecimal {
        let wide = lhs.raw.multipliedFullWidth(by: scale)
        return FixedDecimal(raw: divideRounded(high: wide.high, low: wide.low, by: rhs.raw))
    }

    /// How ``rounded(fractionDigits:rule:)`` settles a value between two steps.
    public enum RoundingRule: Sendable, Hashable {
        /// To the nearer step; half away from zero (`0.125` → `0.13`, `-0.125` → `-0.13`).
        case toNearestOrAwayFromZero
        /// Away from zero (`0.121` → `0.13`): for charges estimated in the broker's favour.
        case awayFromZero
        /// Toward zero (`0.129` → `0.12`).
        case towardZero
    }

    /// The value rounded to `digits` fractional digits (0 ... 8), half away from zero unless
    /// `rule` says otherwise.
    public func rounded(fractionDigits digits: Int, rule: RoundingRule = .toNearestOrAwayFromZero) -> FixedDecimal {
        precondition((0...Self.fractionDigits).contains(digits), "0 ... 8 fractional digits")
        var step: Int64 = 1
        for _ in 0..<(Self.fractionDigits - digits) { step *= 10 }
        let quotient = raw / step
        let remainder = raw % step
        var steps = quotient
        if remainder != 0 {
            let away = raw < 0 ? quotient - 1 : quotient + 1
            switch rule {
            case .towardZero: break
            case .awayFromZero: steps = away
            case .toNearestOrAwayFromZero: if remainder.magnitude * 2 >= step.magnitude { steps = away }
            }
        }
        return FixedDecimal(raw: steps * step)
    }

    @inlinable
    static func divideRounded(_ value: Int64, by divisor: Int64) -> Int64 {
        let wide = value.multipliedFullWidth(by: 1)
        return divideRounded(high: wide.high, low: wide.low, by: divisor)
    }

    /// `(high, low) / divisor`, rounded half away from zero; traps on division by zero or a
    /// quotient out of range.
    @inlinable
    static func divideRounded(high: Int64, low: UInt64, by divisor: Int64) -> Int64 {
        precondition(divisor != 0, "division by zero")
        let (quotient, remainder) = divisor.dividingFullWidth((high: high, low: low))
        let twiceRemainder = remainder.magnitude * 2
        guard twiceRemainder >= divisor.magnitude else { return quotient }
        let negative = (high < 0) != (divisor < 0)
        return negative ? quotient - 1 : quotient + 1
    }
}
