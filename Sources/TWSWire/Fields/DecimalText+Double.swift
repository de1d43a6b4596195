import Vocabulary

extension DecimalText {
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
