import Foundation

/// Exact decimal helpers for prices: strict parsing, tick checks and rounding.
public enum DecimalMath {
    /// Parses a plain decimal number (`231.40`, `-5`, `.5`), refusing anything else (`12abc`,
    /// `1e3`, `1,5`, empty). Returns `nil` for text that is not such a number.
    public static func parse(_ text: String) -> Decimal? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var body = Substring(trimmed)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.contains(where: { !$0.isEmpty }),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Whether `value` is a whole multiple of `tick` (exactly, in decimal arithmetic).
    public static func isMultiple(_ value: Decimal, of tick: Decimal) -> Bool {
        guard tick > 0 else { return true }
        let quotient = value / tick
        return rounded(quotient, scale: 0, mode: .down) == quotient
    }

    /// `value` rounded up (away from zero for positives) to `scale` decimal places.
    public static func roundedUp(_ value: Decimal, scale: Int) -> Decimal {
        rounded(value, scale: scale, mode: .up)
    }

    /// `value` rounded to `scale` decimal places with `mode`.
    public static func rounded(_ value: Decimal, scale: Int, mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, mode)
        return result
    }

    /// `value` as text with exactly `scale` decimal places (`231.40`), rounding half up.
    public static func format(_ value: Decimal, scale: Int = 2) -> String {
        let roundedValue = rounded(value, scale: scale, mode: .plain)
        let negative = roundedValue < 0
        var text = "\(negative ? -roundedValue : roundedValue)"
        if scale > 0 {
            if !text.contains(".") { text += "." }
            let decimals = text.count - 1 - (text.firstIndex(of: ".").map { text.distance(from: text.startIndex, to: $0) } ?? 0)
            if decimals < scale { text += String(repeating: "0", count: scale - decimals) }
        }
        return negative ? "-" + text : text
    }
}
