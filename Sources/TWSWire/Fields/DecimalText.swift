/// Decimal number text split into sign, digits and a power of ten, without allocating.
///
/// `"-150.25"` is `negative`, mantissa `15025`, exponent `-2`. Used by the field reader to
/// turn number fields into `Double`, `Int` and ``Quantity`` values exactly.
struct DecimalText {
    var negative: Bool
    /// Up to 19 significant digits.
    var mantissa: UInt64
    /// The power of ten the mantissa is multiplied by.
    var exponent: Int
    /// Digits dropped because they did not fit the mantissa (they make the fast path unsafe).
    var truncated: Bool

    /// Parses `[+-]digits[.digits][(e|E)[+-]digits]`; `nil` for anything else, also empty text.
    @inline(__always)
    static func parse<Bytes: Collection>(_ text: Bytes) -> DecimalText? where Bytes.Element == UInt8 {
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
            guard text[index] == UInt8(ascii: "e") || text[index] == UInt8(ascii: "E") else { return nil }
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
    func scaled(toDecimals decimals: Int) -> Int64? {
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

    private static let exactPowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The correctly rounded double when the fast path applies (Clinger's: a mantissa below
    /// 2^53 and a power of ten up to 22), else `nil`.
    @inline(__always)
    var fastDouble: Double? {
        guard !truncated, mantissa <= 1 << 53 else { return nil }
        var value = Double(mantissa)
        if exponent == 0 {
        } else if exponent > 0 && exponent <= 22 {
            value *= Self.exactPowers[exponent]
        } else if exponent < 0 && exponent >= -22 {
            value /= Self.exactPowers[-exponent]
        } else if mantissa == 0 {
            value = 0
        } else {
            return nil
        }
        return negative ? -value : value
    }
}
