extension FixedDecimal: CustomStringConvertible, LosslessStringConvertible {
    /// Why text is not a ``FixedDecimal``.
    public enum TextError: Error, Sendable, Hashable {
        /// Not a decimal number at all (`12abc`, `1,5`, empty).
        case notANumber
        /// A number with a nonzero digit past the eighth decimal (`0.123456789`), or past the
        /// decimals a caller allows.
        case tooManyDecimals
        /// A number beyond ±92,233,720,368.54775807.
        case outOfRange
    }

    /// Parses decimal text such as `100`, `100.0`, `-0.5`, `.25` or `1e3`; `nil` when it is not
    /// an exact value with at most eight nonzero decimals in range.
    @inlinable @inline(__always)
    public init?<Bytes: Collection>(text: Bytes) where Bytes.Element == UInt8 {
        guard let parsed = DecimalText.parse(text), let raw = parsed.scaled(toDecimals: 8) else { return nil }
        self.init(raw: raw)
    }

    /// Parses decimal text as ``init(text:)`` does; `nil` for anything else.
    public init?(_ text: String) {
        self.init(text: text.utf8)
    }

    /// Parses decimal text and says what is wrong with text that is not a value: not a number,
    /// more than `maximumDecimals` (0 ... 8) nonzero decimals, or out of range. With `exponent`
    /// false, `1e3` is not a number (what a trader types into a ticket is plain).
    public init(parsing text: String, maximumDecimals: Int = 8, exponent: Bool = true) throws(TextError) {
        precondition((0...Self.fractionDigits).contains(maximumDecimals), "0 ... 8 decimals")
        guard let parsed = DecimalText.parse(text.utf8, exponent: exponent) else { throw .notANumber }
        if parsed.needsMoreDecimals(than: maximumDecimals) { throw .tooManyDecimals }
        guard let raw = parsed.scaled(toDecimals: Self.fractionDigits) else { throw .outOfRange }
        self.init(raw: raw)
    }

    /// The shortest exact decimal text: `100`, `0.5`, `-12.25`, `0.00005`.
    public var description: String {
        var out: [UInt8] = []
        out.reserveCapacity(21)
        appendText(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The fewest fractional digits that show the value exactly (0 for `100`, 3 for `1.125`).
    @inlinable
    public var decimalPlaces: Int {
        var fraction = raw.magnitude % 100_000_000
        guard fraction != 0 else { return 0 }
        var places = 8
        while fraction % 10 == 0 { fraction /= 10; places -= 1 }
        return places
    }

    /// Appends the shortest decimal text (as ``description`` spells it) to `out`, without
    /// allocating anything but `out`'s growth: the wire encoder's path.
    @inlinable
    public func appendText(to out: inout [UInt8]) {
        if raw < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = raw.magnitude
        DecimalText.appendDigits(magnitude / 100_000_000, to: &out)
        var fraction = magnitude % 100_000_000
        guard fraction != 0 else { return }
        out.append(UInt8(ascii: "."))
        var places = 8
        while fraction % 10 == 0 { fraction /= 10; places -= 1 }
        var divisor: UInt64 = 1
        for _ in 1..<places { divisor &*= 10 }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction / divisor % 10))
            divisor /= 10
        }
    }

    /// The exact value with at least `digits` fractional digits (0 ... 8), more when it has
    /// them: `231.40`, `231.405`, `1.08345` for two.
    public func formatted(minimumFractionDigits digits: Int) -> String {
        formatted(fractionDigits: Swift.max(digits, decimalPlaces))
    }

    /// The value rounded half away from zero to exactly `digits` fractional digits (0 ... 8),
    /// zeros kept: `1000.00`, `231.40`, `-0.50`.
    public func formatted(fractionDigits digits: Int) -> String {
        let rounded = rounded(fractionDigits: digits)
        var out: [UInt8] = []
        rounded.appendText(to: &out)
        let present = rounded.decimalPlaces
        if digits > 0 {
            if present == 0 { out.append(UInt8(ascii: ".")) }
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits - present))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// As `formatted(fractionDigits:)`, with a comma between each group of three digits of
    /// the whole part: `23,120.00`, `-1,000,000.50`.
    public func formatted(fractionDigits digits: Int, groupingThousands: Bool) -> String {
        let plain = formatted(fractionDigits: digits)
        guard groupingThousands else { return plain }
        var bytes = Array(plain.utf8)
        let sign = bytes.first == UInt8(ascii: "-") ? 1 : 0
        let wholeEnd = bytes.firstIndex(of: UInt8(ascii: ".")) ?? bytes.count
        var position = wholeEnd - 3
        while position > sign {
            bytes.insert(UInt8(ascii: ","), at: position)
            position -= 3
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
