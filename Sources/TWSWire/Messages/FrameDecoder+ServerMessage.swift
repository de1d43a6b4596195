/// Framing and decoding in one step, for the loop that runs once per inbound message.
extension FrameDecoder {
    /// Decodes the next whole frame as a ``ServerMessage`` straight from the decoder's buffer,
    /// or returns `nil` when more bytes are needed.
    ///
    /// It is ``nextFrame()`` followed by `ServerMessage.decode(_:serverVersion:)`
    /// without the payload slice: no copy and no reference counting per message.
    ///
    /// - Throws: ``FramingError`` when the stream lost its framing, ``WireDecodingError`` when
    ///   the frame is not a valid message (the frame is consumed either way).
    public mutating func nextServerMessage(serverVersion: Int) throws -> ServerMessage? {
        guard let range = try nextFrameRange() else { return nil }
        return try buffer.withUnsafeBufferPointer { (all) throws(WireDecodingError) -> ServerMessage in
            try ServerMessage.decode(UnsafeBufferPointer(rebasing: all[range]), serverVersion: serverVersion)
        }
    }
}
