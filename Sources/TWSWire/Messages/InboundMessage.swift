/// One frame from the server, read as a client on a live link reads it: either a message
/// (perhaps with fields after its known layout, read past) or a message that could not be read
/// and is to be skipped.
///
/// Only a frame that is not a message at all (empty, not ending with a field terminator, or
/// without a numeric message id) is an error, a ``FramingError``: then the stream has lost
/// its framing and nothing after it can be trusted.
public enum InboundMessage: Hashable, Sendable {
    /// A decoded message; `ignoredFieldCount` fields followed its known layout and were read
    /// past (always 0 in ``DecodingStrictness/strict`` mode).
    case message(ServerMessage, ignoredFieldCount: Int)
    /// A known message whose fields did not decode (missing, not parsing, or extra in strict
    /// mode). The frame was consumed; the stream goes on with the next frame.
    case unreadable(UnreadableMessage)
}

extension InboundMessage {
    /// Reads one whole frame's payload (without its length prefix) as a client on a live link
    /// does, straight from the bytes it was received in: for a framing layer that keeps its
    /// own buffer (a SwiftNIO decoder), as ``FrameDecoder/nextInboundMessage(serverVersion:strictness:)``
    /// does for ``FrameDecoder``'s.
    ///
    /// - Throws: ``FramingError/notAMessage(_:)`` when the frame is not a message at all
    ///   (empty, not ending with a field terminator, or whose message id is not a number).
    public init(frame payload: UnsafeBufferPointer<UInt8>, serverVersion: Int, strictness: DecodingStrictness) throws(FramingError) {
        try FrameDecoder.checkMessageFrame(payload)
        var reader = FieldReader(bytes: payload, messageName: "server message")
        do throws(WireDecodingError) {
            let message = try ServerMessage.decode(from: &reader, serverVersion: serverVersion, strictness: strictness)
            self = .message(message, ignoredFieldCount: reader.isAtEnd ? 0 : reader.remainingFieldCount)
        } catch {
            self = .unreadable(UnreadableMessage(payload: payload, serverVersion: serverVersion, error: error))
        }
    }
}
