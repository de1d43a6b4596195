/// An exact decimal number with eight fractional digits, stored as a scaled 64-bit integer.
///
/// The one decimal of every layer: the wire codec's sizes and positions, the paper exchange's
/// prices, cash and commissions, the dashboard's ticket, positions, P&L and money. IB sends
/// quantities as decimal text (`"100"`, `"0.5"`, `"0.0001"`), and tick grids such as `0.01`,
/// `0.00005` and `0.25` are whole multiples of the unit, so fractional shares neither round nor
/// compare wrongly, no `Double` equality ever decides a tick, and arithmetic needs no allocation.
///
/// The range is ±92,233,720,368.54775807. Sums and differences are exact (and trap on
/// overflow, as `Int64` does); products and quotients of two decimals round half away from zero
/// to the eighth digit. The hot members are inlinable, so the codec reads and writes it as fast
/// as a type of its own module.
public struct FixedDecimal: Sendable, Hashable, Comparable {
    /// Units per one: the value is `raw / scale`.
    @inlinable public static var scale: Int64 { 100_000_000 }

    /// Number of fractional digits the type keeps.
    @inlinable public static var fractionDigits: Int { 8 }

    /// The value times ``scale``: a count of 10^-8 units.
    public var raw: Int64

    /// Zero.
    @inlinable public static var zero: FixedDecimal { FixedDecimal(raw: 0) }

    /// Creates a value from its scaled representation (`raw / 10^8`).
    @inlinable
    public init(raw: Int64) {
        self.raw = raw
    }

    /// Creates a whole-number value.
    @inlinable
    public init(_ integer: Int) {
        raw = Int64(integer) * 100_000_000
    }

    /// Creates a whole-number value, or `nil` when `integer` is beyond the range.
    @inlinable
    public init?(exactly integer: Int) {
        let (product, overflow) = Int64(integer).multipliedReportingOverflow(by: 100_000_000)
        guard !overflow else { return nil }
        raw = product
    }

    /// Creates the value nearest to `value` on the 10^-8 grid, half away from zero.
    ///
    /// Exact for any decimal with at most eight fractional digits and magnitude below 10^7
    /// (what `Double`'s shortest text then reads back as). Traps when `value` is not finite or
    /// out of range.
    @inlinable
    public init(rounding value: Double) {
        raw = Int64((value * 100_000_000).rounded(.toNearestOrAwayFromZero))
    }

    /// Creates the value nearest to `value` on the 10^-8 grid, half away from zero, or `nil`
    /// when `value` is not finite or out of range: for doubles from outside (a quote, an
    /// account value) that may be anything.
    @inlinable
    public init?(checkedRounding value: Double) {
        let scaled = (value * 100_000_000).rounded(.toNearestOrAwayFromZero)
        guard scaled.isFinite, scaled > -9.2e18, scaled < 9.2e18 else { return nil }
        raw = Int64(scaled)
    }

    /// The nearest `Double`, for wire fields that carry doubles and for charts.
    @inlinable
    public var doubleValue: Double {
        Double(raw) / 100_000_000
    }

    /// The value as a whole number when it has no fraction, else `nil`.
    @inlinable
    public var wholeValue: Int? {
        raw % 100_000_000 == 0 ? Int(raw / 100_000_000) : nil
    }

    /// The absolute value.
    @inlinable
    public var magnitude: FixedDecimal {
        FixedDecimal(raw: raw < 0 ? -raw : raw)
    }

    /// Whether the value is below zero.
    @inlinable
    public var isNegative: Bool { raw < 0 }

    /// The value as a whole number of `unit`s, or `nil` when it is not an exact multiple.
    @inlinable
    public func count(of unit: FixedDecimal) -> Int64? {
        precondition(unit.raw > 0, "unit must be positive")
        return raw % unit.raw == 0 ? raw / unit.raw : nil
    }

    /// Whether the value lies on the grid of `unit` (e.g. a minimum tick, or 1 for whole shares).
    @inlinable
    public func isMultiple(of unit: FixedDecimal) -> Bool {
        count(of: unit) != nil
    }

    /// Returns the smaller of two values.
    @inlinable
    public static func min(_ a: FixedDecimal, _ b: FixedDecimal) -> FixedDecimal { a < b ? a : b }

    /// Returns the larger of two values.
    @inlinable
    public static func max(_ a: FixedDecimal, _ b: FixedDecimal) -> FixedDecimal { a < b ? b : a }

    /// Orders values numerically.
    @inlinable
    public static func < (lhs: FixedDecimal, rhs: FixedDecimal) -> Bool { lhs.raw < rhs.raw }
}

extension FixedDecimal: ExpressibleByIntegerLiteral {
    /// Creates a whole-number value from a literal.
    @inlinable
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}
