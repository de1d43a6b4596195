import Vocabulary

/// How one sender spelled the numbers of one message, where it differs from ibterm's encoder.
///
/// Senders write equal values differently: `0` or `0.0`, `100` or `100.0`, an absent number as
/// an empty field, `2147483647`, `1.7976931348623157E308` or `1.7976931348623157e+308`. Typed
/// messages keep values, not spellings. A `WireSpelling` keeps the spellings too, so a frame
/// can be re-sent byte for byte (recording and replay) and so the codec can prove it lost
/// nothing: capturing a spelling fails unless every field that differs holds the same value.
public struct WireSpelling: Hashable, Sendable {
    /// Field index (the message id is field 0) → the text the sender used.
    public var overrides: [Int: String]

    /// A spelling identical to ibterm's encoder.
    public static let canonical = WireSpelling(overrides: [:])

    /// Whether the sender spelled everything as ibterm does.
    public var isCanonical: Bool { overrides.isEmpty }

    /// Compares a received frame's fields with the canonical encoding of its decoded value.
    ///
    /// - Throws: ``WireDecodingError`` with reason `unexpectedValue` when a field differs in
    ///   value, not only in spelling, or when the field counts differ.
    static func capture(received: [String], canonical: [String], message: String) throws(WireDecodingError) -> WireSpelling {
        guard received.count == canonical.count else {
            throw WireDecodingError(message: message, field: "field count", index: min(received.count, canonical.count), bytes: "\(received.count) vs \(canonical.count)", reason: .unexpectedValue("re-encoding gives a different number of fields"))
        }
        var overrides: [Int: String] = [:]
        for index in received.indices where received[index] != canonical[index] {
            guard sameValue(received[index], canonical[index]) else {
                throw WireDecodingError(message: message, field: "field", index: index, bytes: received[index], reason: .unexpectedValue("re-encodes as \"\(canonical[index])\""))
            }
            overrides[index] = received[index]
        }
        return WireSpelling(overrides: overrides)
    }

    /// Applies the spelling to canonical fields.
    func apply(to fields: [String]) -> [String] {
        var fields = fields
        for (index, text) in overrides where index < fields.count { fields[index] = text }
        return fields
    }

    static func isUnset(_ text: String) -> Bool {
        switch text {
        case "", "2147483647", "9223372036854775807", "1.7976931348623157E308", "1.7976931348623157e+308", "1.7976931348623157e308":
            return true
        default:
            return false
        }
    }

    static func sameValue(_ a: String, _ b: String) -> Bool {
        if isUnset(a) || isUnset(b) { return isUnset(a) && isUnset(b) }
        guard let x = DecimalText.parse(Array(a.utf8)), let y = DecimalText.parse(Array(b.utf8)) else { return false }
        if let dx = x.fastDouble ?? Double(a), let dy = y.fastDouble ?? Double(b) { return dx == dy }
        return false
    }

    static func fields(ofFrame frame: [UInt8]) -> [String] {
        frame.dropFirst(4).split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
    }

    static func frame(fields: [String]) -> [UInt8] {
        var payload: [UInt8] = []
        for field in fields {
            payload.append(contentsOf: field.utf8)
            payload.append(0)
        }
        return FrameEncoder.frame(payload)
    }
}

/// The two message sets of the protocol, as far as spelling capture needs them.
protocol SpelledMessage: Sendable {
    static func decode(_ payload: [UInt8], serverVersion: Int) throws(WireDecodingError) -> Self
    var messageID: Int { get }
    func encoded(serverVersion: Int) -> [UInt8]
}

extension SpelledMessage {
    /// Decodes a payload and captures how its sender spelled numbers (see ``WireSpelling``).
    static func decodeCapturingSpelling(_ payload: [UInt8], serverVersion: Int, side: String) throws(WireDecodingError) -> (Self, WireSpelling) {
        let message = try decode(payload, serverVersion: serverVersion)
        let received = WireSpelling.fields(ofFrame: FrameEncoder.frame(payload))
        let canonical = WireSpelling.fields(ofFrame: message.encoded(serverVersion: serverVersion))
        return (message, try WireSpelling.capture(received: received, canonical: canonical, message: "\(side) message \(message.messageID)"))
    }

    /// Encodes the message as one frame with a sender's spelling.
    func encodedApplying(_ spelling: WireSpelling, serverVersion: Int) -> [UInt8] {
        guard !spelling.isCanonical else { return encoded(serverVersion: serverVersion) }
        return WireSpelling.frame(fields: spelling.apply(to: WireSpelling.fields(ofFrame: encoded(serverVersion: serverVersion))))
    }
}

extension ServerMessage: SpelledMessage {
    /// Decodes a payload and captures how its sender spelled numbers (see ``WireSpelling``).
    public static func decodeKeepingSpelling(_ payload: [UInt8], serverVersion: Int) throws(WireDecodingError) -> (ServerMessage, WireSpelling) {
        try decodeCapturingSpelling(payload, serverVersion: serverVersion, side: "server")
    }

    /// Encodes the message as one frame with a sender's spelling.
    public func encoded(serverVersion: Int, spelling: WireSpelling) -> [UInt8] {
        encodedApplying(spelling, serverVersion: serverVersion)
    }
}

extension ClientMessage: SpelledMessage {
    /// Decodes a payload and captures how its sender spelled numbers (see ``WireSpelling``).
    public static func decodeKeepingSpelling(_ payload: [UInt8], serverVersion: Int) throws(WireDecodingError) -> (ClientMessage, WireSpelling) {
        try decodeCapturingSpelling(payload, serverVersion: serverVersion, side: "client")
    }

    /// Encodes the message as one frame with a sender's spelling.
    public func encoded(serverVersion: Int, spelling: WireSpelling) -> [UInt8] {
        encodedApplying(spelling, serverVersion: serverVersion)
    }
}
