extension FixedDecimal: CustomStringConvertible, LosslessStringConvertible, Codable {
    /// Parses a plain decimal such as `"201.94"`, `"-0.00005"` or `"42"`.
    ///
    /// Returns `nil` for anything else, including exponents and more than eight fractional digits.
    public init?(_ text: String) {
        var digits = Substring(text)
        var negative = false
        if let sign = digits.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty || parts.count == 2 else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.count <= Self.fractionDigits,
              !(whole.isEmpty && fraction.isEmpty),
              whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit),
              let wholeValue = whole.isEmpty ? 0 : Int64(whole)
        else { return nil }
        var fractionValue: Int64 = 0
        for character in fraction { fractionValue = fractionValue * 10 + Int64(character.asciiDigit) }
        for _ in fraction.count..<Self.fractionDigits { fractionValue *= 10 }
        let (scaled, overflow) = wholeValue.multipliedReportingOverflow(by: Self.scale)
        guard !overflow else { return nil }
        let magnitude = scaled + fractionValue
        self.init(raw: negative ? -magnitude : magnitude)
    }

    /// The shortest exact decimal text: `"201.94"`, `"100"`, `"0.00005"`.
    public var description: String {
        let magnitude = raw.magnitude
        let whole = magnitude / UInt64(Self.scale)
        var fraction = magnitude % UInt64(Self.scale)
        let sign = raw < 0 ? "-" : ""
        guard fraction != 0 else { return sign + String(whole) }
        var width = Self.fractionDigits
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        let digits = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: width - digits.count) + digits
    }

    /// The value rounded to exactly `digits` fractional digits, e.g. `"1000.00"` for account values.
    public func formatted(fractionDigits digits: Int) -> String {
        let rounded = rounded(fractionDigits: digits)
        let text = rounded.description
        guard digits > 0 else { return text }
        let present = text.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
        return (present == 0 ? text + "." : text) + String(repeating: "0", count: digits - present)
    }

    /// Decodes from a string (preferred, exact) or from a number.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard let value = FixedDecimal(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "not a decimal number: \(text)")
            }
            self = value
        } else if let integer = try? container.decode(Int.self) {
            self.init(integer)
        } else {
            self.init(rounding: try container.decode(Double.self))
        }
    }

    /// Encodes as the exact decimal string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    fileprivate var asciiDigit: Int { Int(asciiValue! - 48) }
}
