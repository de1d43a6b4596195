/// Why a frame's payload could not be read as the message it claims to be.
///
/// Every error names the message, the field (by name and by position, counting the message id
/// as field 0) and the bytes that were found, so a log line is enough to see what the peer sent.
public struct WireDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong with the field.
    public enum Reason: Hashable, Sendable {
        /// The payload ended before this field.
        case missingField
        /// The field should hold an integer.
        case notAnInteger
        /// The field should hold a number.
        case notANumber
        /// The field should hold `0` or `1`.
        case notABoolean
        /// The field holds a value the layout does not allow here.
        case unexpectedValue(String)
        /// Fields were left over after the whole layout was read.
        case extraFields(count: Int)
        /// The payload is empty: no message id at all.
        case emptyPayload
        /// A feature of the message that this codec does not carry.
        case unsupported(String)
    }

    /// The message being read (IB's name, e.g. `TICK_PRICE`).
    public var message: String
    /// The field's name in IB's terms (e.g. `price`).
    public var field: String
    /// The field's position in the payload; the message id is field 0.
    public var index: Int
    /// The field's bytes as text (truncated to 64 characters), or empty when missing.
    public var bytes: String
    /// What went wrong.
    public var reason: Reason

    /// Creates an error.
    public init(message: String, field: String, index: Int, bytes: String, reason: Reason) {
        self.message = message
        self.field = field
        self.index = index
        self.bytes = bytes
        self.reason = reason
    }

    /// A description.
    public var description: String {
        let what: String
        switch reason {
        case .missingField: what = "is missing (the payload ended)"
        case .notAnInteger: what = "is not an integer"
        case .notANumber: what = "is not a number"
        case .notABoolean: what = "is not a boolean (0 or 1)"
        case let .unexpectedValue(note): what = "has an unexpected value (\(note))"
        case let .extraFields(count): what = "is followed by \(count) unexpected extra field(s)"
        case .emptyPayload: return "empty payload: no message id"
        case let .unsupported(feature): what = "uses \(feature), which ibterm does not support"
        }
        return "\(message) field \(index) '\(field)' \"\(bytes)\" \(what)"
    }
}
