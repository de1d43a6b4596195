/// Decimal number text split into sign, digits and a power of ten, without allocating.
///
/// `"-150.25"` is `negative`, mantissa `15025`, exponent `-2`. ``FixedDecimal`` reads its text
/// through it, and the wire codec turns number fields into `Double` and `Int` values with it.
/// Its members are inlinable so that a codec in another module decodes as fast as one in this.
public struct DecimalText: Sendable, Hashable {
    /// Whether the text had a leading `-`.
    public var negative: Bool
    /// Up to 19 significant digits.
    public var mantissa: UInt64
    /// The power of ten the mantissa is multiplied by.
    public var exponent: Int
    /// Digits dropped because they did not fit the mantissa (they make exact conversions unsafe).
    public var truncated: Bool

    /// Creates the parts of a decimal number.
    @inlinable
    public init(negative: Bool, mantissa: UInt64, exponent: Int, truncated: Bool) {
        self.negative = negative
        self.mantissa = mantissa
        self.exponent = exponent
        self.truncated = truncated
    }

    /// Parses `[+-]digits[.digits][(e|E)[+-]digits]` (at least one digit, either side of the
    /// point); `nil` for anything else, also empty text. With `exponent` false an exponent part
    /// is refused too (what a person types into a price field).
    @inlinable @inline(__always)
    public static func parse<Bytes: Collection>(_ text: Bytes, exponent allowExponent: Bool = true) -> DecimalText?
    where Bytes.Element == UInt8 {
        var index = text.startIndex
        let end = text.endIndex
        guard index != end else { return nil }
        var negative = false
        if text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
            negative = text[index] == UInt8(ascii: "-")
            index = text.index(after: index)
        }
        var mantissa: UInt64 = 0
        var exponent = 0
        var digits = 0
        var truncated = false
        var sawDigit = false
        var sawPoint = false
        while index != end {
            let byte = text[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                sawDigit = true
                if mantissa == 0 && byte == UInt8(ascii: "0") {
                    if sawPoint { exponent -= 1 }
                } else if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
                    digits += 1
                    if sawPoint { exponent -= 1 }
                } else {
                    if byte != UInt8(ascii: "0") { truncated = true }
                    if !sawPoint { exponent += 1 }
                }
            } else if byte == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index = text.index(after: index)
        }
        guard sawDigit else { return nil }
        if index != end {
            guard allowExponent, text[index] == UInt8(ascii: "e") || text[index] == UInt8(ascii: "E") else { return nil }
            index = text.index(after: index)
            var expNegative = false
            if index != end, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
                expNegative = text[index] == UInt8(ascii: "-")
                index = text.index(after: index)
            }
            var value = 0
            var sawExpDigit = false
            while index != end {
                let byte = text[index]
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                sawExpDigit = true
                if value < 100_000 { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
                index = text.index(after: index)
            }
            guard sawExpDigit else { return nil }
            exponent += expNegative ? -value : value
        }
        return DecimalText(negative: negative, mantissa: mantissa, exponent: exponent, truncated: truncated)
    }

    /// The value as an integer count of 10^-`decimals` units, when exact and in range.
    @inlinable
    public func scaled(toDecimals decimals: Int) -> Int64? {
        guard !truncated else { return nil }
        if mantissa == 0 { return 0 }
        var value = mantissa
        var shift = exponent + decimals
        while shift < 0 {
            guard value % 10 == 0 else { return nil }
            value /= 10
            shift += 1
        }
        while shift > 0 {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = product
            shift -= 1
        }
        guard value <= UInt64(Int64.max) else { return nil }
        return negative ? -Int64(value) : Int64(value)
    }

    /// Whether ``scaled(toDecimals:)`` fails for want of decimals (a nonzero digit below
    /// 10^-`decimals`) rather than for range.
    public func needsMoreDecimals(than decimals: Int) -> Bool {
        // A truncated mantissa holds 19 digits; the dropped ones lie below 10^exponent, so they
        // are decimals past the limit only when the kept ones reach down that far.
        if truncated { return exponent <= -decimals }
        var value = mantissa
        var shift = exponent + decimals
        while shift < 0 && value != 0 {
            if value % 10 != 0 { return true }
            value /= 10
            shift += 1
        }
        return false
    }

    /// Appends the decimal digits of `value` to `out` without allocating.
    @inlinable
    public static func appendDigits(_ value: UInt64, to out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        var remaining = value
        withUnsafeMutableBytes(of: &digits) { raw in
            while remaining > 0 {
                raw[count] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: remaining % 10)
                remaining /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(raw[index]) }
        }
    }
}
