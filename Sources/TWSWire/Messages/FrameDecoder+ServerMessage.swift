/// Framing and decoding in one step, for the loop that runs once per inbound message.
extension FrameDecoder {
    /// Decodes the next whole frame as a ``ServerMessage`` straight from the decoder's buffer,
    /// or returns `nil` when more bytes are needed.
    ///
    /// It is ``nextFrame()`` followed by `ServerMessage.decode(_:serverVersion:)`
    /// without the payload slice: no copy and no reference counting per message. Decoding is
    /// ``DecodingStrictness/strict``.
    ///
    /// - Throws: ``FramingError`` when the stream lost its framing, ``WireDecodingError`` when
    ///   the frame is not a valid message (the frame is consumed either way).
    public mutating func nextServerMessage(serverVersion: Int) throws -> ServerMessage? {
        guard let range = try nextFrameRange() else { return nil }
        return try buffer.withUnsafeBufferPointer { (all) throws(WireDecodingError) -> ServerMessage in
            try ServerMessage.decode(UnsafeBufferPointer(rebasing: all[range]), serverVersion: serverVersion)
        }
    }

    /// Reads the next whole frame as a client on a live link does, or returns `nil` when more
    /// bytes are needed.
    ///
    /// A known message whose fields do not decode is not an error but
    /// ``InboundMessage/unreadable(_:)``: the frame is consumed and the next one can be read.
    /// With ``DecodingStrictness/ignoringExtraFields`` fields after a message's known layout
    /// are read past and counted in ``InboundMessage/message(_:ignoredFieldCount:)``.
    ///
    /// - Throws: ``FramingError`` only when the stream has lost its framing: a length above
    ///   ``limit``, or a frame that is not a message at all (empty, not ending with a field
    ///   terminator, or whose message id is not a number).
    public mutating func nextInboundMessage(serverVersion: Int, strictness: DecodingStrictness) throws(FramingError) -> InboundMessage? {
        guard let range = try nextFrameRange() else { return nil }
        return try buffer.withUnsafeBufferPointer { (all) throws(FramingError) -> InboundMessage in
            try InboundMessage(frame: UnsafeBufferPointer(rebasing: all[range]), serverVersion: serverVersion, strictness: strictness)
        }
    }

    /// Fails unless `payload` can be a message frame: not empty, ending with a field
    /// terminator, and starting with a numeric message id.
    static func checkMessageFrame(_ payload: UnsafeBufferPointer<UInt8>) throws(FramingError) {
        guard let last = payload.last else { throw .notAMessage("an empty frame") }
        guard last == 0 else {
            throw .notAMessage("a frame that does not end with a field terminator: \"\(Self.preview(payload))\"")
        }
        let end = payload.firstIndex(of: 0) ?? payload.count
        let id = UnsafeBufferPointer(rebasing: payload[0..<end])
        guard !id.isEmpty, FieldReader.parseInt(id) != nil else {
            throw .notAMessage("a frame whose message id is not a number: \"\(Self.preview(payload))\"")
        }
    }

    private static func preview(_ payload: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: payload.prefix(32).map { $0 == 0 ? UInt8(ascii: "|") : $0 }, as: UTF8.self)
    }
}
