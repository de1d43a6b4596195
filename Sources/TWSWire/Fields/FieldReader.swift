import Vocabulary

/// Reads the NUL-terminated fields of one payload, in order, as typed values.
///
/// The reader works on borrowed bytes and allocates only for `String` fields that do not fit a
/// small string. Each read names the field it expects, so a failure says exactly what was wrong:
///
/// ```swift
/// let price = try reader.optionalDouble("price")   // "" and 1.797e308 become nil
/// ```
public struct FieldReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    /// The position of the next field; the message id is field 0.
    public private(set) var fieldIndex: Int
    /// The message being read, for error reports.
    public var messageName: StaticString

    /// Creates a reader over `bytes`, which must stay valid while the reader is used.
    public init(bytes: UnsafeBufferPointer<UInt8>, messageName: StaticString = "message") {
        self.bytes = bytes
        self.position = 0
        self.fieldIndex = 0
        self.messageName = messageName
    }

    /// Whether every field has been read.
    public var isAtEnd: Bool { position >= bytes.count }

    /// The number of fields not yet read.
    public var remainingFieldCount: Int {
        var count = 0
        var index = position
        while index < bytes.count {
            if bytes[index] == 0 { count += 1 }
            index += 1
        }
        return count
    }

    /// Fails with ``WireDecodingError/Reason/extraFields(count:)`` unless every field was read.
    @inline(__always)
    public func expectEnd() throws(WireDecodingError) {
        guard isAtEnd else {
            // The left-over fields, terminators shown as `|` (a log line must not carry NULs).
            let rest = bytes[position...].prefix(64).map { $0 == 0 ? UInt8(ascii: "|") : $0 }
            throw error("end of message", rest, .extraFields(count: remainingFieldCount))
        }
    }

    // MARK: Raw fields

    /// The next field's bytes, without the NUL.
    @inline(__always)
    public mutating func rawField(_ name: StaticString) throws(WireDecodingError) -> UnsafeBufferPointer<UInt8> {
        guard position < bytes.count else { throw error(name, [], .missingField) }
        var end = position
        while end < bytes.count && bytes[end] != 0 { end += 1 }
        guard end < bytes.count else {
            // The last field was not terminated: the frame is cut.
            throw error(name, Array(bytes[position...].prefix(64)), .missingField)
        }
        let field = UnsafeBufferPointer(rebasing: bytes[position..<end])
        position = end + 1
        fieldIndex += 1
        return field
    }

    /// Skips one field whatever it holds.
    public mutating func skip(_ name: StaticString) throws(WireDecodingError) {
        _ = try rawField(name)
    }

    // MARK: Strings

    /// A text field; empty text stays empty.
    @inline(__always)
    public mutating func string(_ name: StaticString) throws(WireDecodingError) -> String {
        let field = try rawField(name)
        return String(decoding: field, as: UTF8.self)
    }

    /// A text field in which the server escapes non-ASCII characters as `\uXXXX`.
    public mutating func escapedString(_ name: StaticString) throws(WireDecodingError) -> String {
        TextEscaping.unescape(try string(name))
    }

    // MARK: Integers

    /// An integer field; `""` reads as 0, as IB's own decoders read it.
    @inline(__always)
    public mutating func int(_ name: StaticString) throws(WireDecodingError) -> Int {
        let field = try rawField(name)
        if field.isEmpty { return 0 }
        guard let value = Self.parseInt(field) else { throw consumedError(name, Array(field), .notAnInteger) }
        return value
    }

    /// An integer field in which `""` and `2147483647` mean "no value".
    @inline(__always)
    public mutating func optionalInt(_ name: StaticString) throws(WireDecodingError) -> Int? {
        let field = try rawField(name)
        if field.isEmpty { return nil }
        guard let value = Self.parseInt(field) else { throw consumedError(name, Array(field), .notAnInteger) }
        return value == WireUnset.integer || value == WireUnset.long ? nil : value
    }

    /// A boolean field: `"1"` (or any non-zero integer) is true, `"0"` and `""` are false.
    @inline(__always)
    public mutating func bool(_ name: StaticString) throws(WireDecodingError) -> Bool {
        let field = try rawField(name)
        if field.isEmpty { return false }
        guard let value = Self.parseInt(field) else { throw consumedError(name, Array(field), .notABoolean) }
        return value != 0
    }

    // MARK: Numbers

    /// A number field; `""` reads as 0, as IB's own decoders read it.
    @inline(__always)
    public mutating func double(_ name: StaticString) throws(WireDecodingError) -> Double {
        let field = try rawField(name)
        if field.isEmpty { return 0 }
        guard let value = Self.parseDouble(field) else { throw consumedError(name, Array(field), .notANumber) }
        return value
    }

    /// A number field in which `""` and the largest double mean "no value".
    @inline(__always)
    public mutating func optionalDouble(_ name: StaticString) throws(WireDecodingError) -> Double? {
        let field = try rawField(name)
        if field.isEmpty { return nil }
        guard let value = Self.parseDouble(field) else { throw consumedError(name, Array(field), .notANumber) }
        return value == WireUnset.double ? nil : value
    }

    /// A decimal quantity; `""` and IB's unset spellings mean "no value".
    @inline(__always)
    public mutating func optionalQuantity(_ name: StaticString) throws(WireDecodingError) -> FixedDecimal? {
        let field = try rawField(name)
        if field.isEmpty { return nil }
        if let whole = Self.parseInt(field), whole != WireUnset.integer, whole.magnitude < 92_000_000_000 {
            return FixedDecimal(raw: Int64(whole) * FixedDecimal.scale)
        }
        if let quantity = FixedDecimal(text: field) {
            if quantity.raw == Int64(WireUnset.integer) * FixedDecimal.scale { return nil }
            return quantity
        }
        guard let value = Self.parseDouble(field) else { throw consumedError(name, Array(field), .notANumber) }
        if value == WireUnset.double || value >= 9.2e18 || value <= -9.2e18 { return nil }
        throw consumedError(name, Array(field), .unexpectedValue("more than 8 decimals or out of range"))
    }

    /// A decimal quantity that must be present; `""` reads as 0.
    @inline(__always)
    public mutating func quantity(_ name: StaticString) throws(WireDecodingError) -> FixedDecimal {
        try optionalQuantity(name) ?? .zero
    }

    // MARK: Parsing

    @inline(__always)
    static func parseInt(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var negative = false
        if field[0] == UInt8(ascii: "-") || field[0] == UInt8(ascii: "+") {
            negative = field[0] == UInt8(ascii: "-")
            index = 1
        }
        guard index < field.count else { return nil }
        var value = 0
        while index < field.count {
            let digit = Int(field[index]) &- 48
            guard digit >= 0 && digit <= 9 else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(digit)
            guard !overflow1 && !overflow2 else { return nil }
            value = sum
            index += 1
        }
        return negative ? -value : value
    }

    @inline(__always)
    static func parseDouble(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        if let decimal = DecimalText.parse(field) {
            if let fast = decimal.fastDouble { return fast }
            return Double(String(decoding: field, as: UTF8.self))
        }
        switch String(decoding: field, as: UTF8.self) {
        case "Infinity", "Infinite", "inf", "+Infinity", "+inf": return .infinity
        case "-Infinity", "-Infinite", "-inf": return -.infinity
        default: return nil
        }
    }

    private func consumedError(_ field: StaticString, _ raw: [UInt8], _ reason: WireDecodingError.Reason) -> WireDecodingError {
        var copy = self
        copy.fieldIndex -= 1
        return copy.error(field, raw, reason)
    }

    private func error(_ field: StaticString, _ raw: [UInt8], _ reason: WireDecodingError.Reason) -> WireDecodingError {
        WireDecodingError(
            message: messageName.description, field: field.description, index: fieldIndex,
            bytes: String(decoding: raw.prefix(64), as: UTF8.self), reason: reason)
    }
}
