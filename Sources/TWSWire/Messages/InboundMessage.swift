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
