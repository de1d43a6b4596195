/// An exact decimal quantity: sizes, positions, filled and remaining amounts.
///
/// IB sends quantities as decimal text (`"100"`, `"0.5"`, `"0.0001"`). `Quantity` keeps them
/// exactly, as a count of 10^-8 units, so fractional shares and crypto sizes neither round nor
/// compare wrongly, and arithmetic needs no allocation.
public struct Quantity: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The number of decimal places kept.
    public static let scale = 8
    static let unitsPerOne: Int64 = 100_000_000

    /// The value times 10^8.
    public var units: Int64

    /// Creates a quantity from a count of 10^-8 units.
    public init(units: Int64) { self.units = units }

    /// Creates a whole quantity.
    public init(_ whole: Int) { self.units = Int64(whole) * Self.unitsPerOne }

    /// Zero.
    public static let zero = Quantity(units: 0)

    /// The quantity as a double (for display and price arithmetic).
    public var doubleValue: Double { Double(units) / Double(Self.unitsPerOne) }

    /// The whole part when the quantity has no fraction, else `nil`.
    public var wholeValue: Int? {
        units % Self.unitsPerOne == 0 ? Int(units / Self.unitsPerOne) : nil
    }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.units < rhs.units }
    public static func + (lhs: Quantity, rhs: Quantity) -> Quantity { Quantity(units: lhs.units + rhs.units) }
    public static func - (lhs: Quantity, rhs: Quantity) -> Quantity { Quantity(units: lhs.units - rhs.units) }
    public static prefix func - (value: Quantity) -> Quantity { Quantity(units: -value.units) }
    public static func += (lhs: inout Quantity, rhs: Quantity) { lhs.units += rhs.units }
    public static func -= (lhs: inout Quantity, rhs: Quantity) { lhs.units -= rhs.units }

    /// The shortest decimal text: `100`, `0.5`, `-12.25`.
    public var description: String {
        var out: [UInt8] = []
        appendText(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the shortest decimal text to `out` without allocating a string.
    func appendText(to out: inout [UInt8]) {
        var magnitude = units.magnitude
        if units < 0 { out.append(UInt8(ascii: "-")) }
        let one = UInt64(Self.unitsPerOne)
        let whole = magnitude / one
        magnitude %= one
        FieldWriter.appendDigits(whole, to: &out)
        guard magnitude != 0 else { return }
        out.append(UInt8(ascii: "."))
        var digits = Self.scale
        while magnitude % 10 == 0 { magnitude /= 10; digits -= 1 }
        var buffer: [UInt8] = Array(repeating: UInt8(ascii: "0"), count: digits)
        var i = digits - 1
        while magnitude > 0 {
            buffer[i] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            i -= 1
        }
        out.append(contentsOf: buffer)
    }

    /// Parses decimal text such as `100`, `100.0`, `-0.5` or `1e3`; `nil` when it is not an
    /// exact quantity with at most 8 decimals in range.
    public init?<Bytes: Collection>(text: Bytes) where Bytes.Element == UInt8 {
        guard let parsed = DecimalText.parse(text), let units = parsed.scaled(toDecimals: Self.scale) else {
            return nil
        }
        self.units = units
    }
}

extension Quantity: ExpressibleByIntegerLiteral {
    /// Creates the value from its fields.
    public init(integerLiteral value: Int) { self.init(value) }
}

extension Quantity: ExpressibleByFloatLiteral {
    /// Creates a quantity from a literal such as `0.5`, rounded to 8 decimals.
    public init(floatLiteral value: Double) {
        self.units = Int64((value * Double(Self.unitsPerOne)).rounded())
    }
}

extension Quantity: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Quantity(text: Array(text.utf8)) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a quantity: \(text)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
