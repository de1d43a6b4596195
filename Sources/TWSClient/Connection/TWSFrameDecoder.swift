import NIOCore
import TWSWire

/// Cuts the gateway's byte stream into TWS frames (a 4-byte big-endian length, then the
/// payload), and decodes each frame where it lies in the channel's `ByteBuffer`: the bytes read from the socket are the bytes the message's fields are parsed
/// from, with no copy between (only the decoded values are new).
///
/// The first frame is the handshake reply (``InboundFrame/hello(_:)``); it fixes the server
/// version every later frame is decoded with (``InboundFrame/message(_:)``, lenient: fields
/// after a message's known layout are read past, and a message whose fields do not decode is
/// ``InboundMessage/unreadable(_:)``, to be skipped, not an error).
///
/// Only a stream that lost its framing is an error, thrown to the pipeline: a length above
/// ``limit`` (before any of its payload is buffered, so memory stays bounded), a frame that is
/// not a message at all, or a handshake reply that cannot be read.
///
/// It is a SwiftNIO `ByteToMessageDecoder` (checked with NIO's `ByteToMessageDecoderVerifier`);
/// on a connection, ``InboundBatcher`` drives it with NIO's single-step processor, so each
/// decoded frame goes straight into the read's batch.
struct TWSFrameDecoder: NIOSingleStepByteToMessageDecoder {
    typealias InboundOut = InboundFrame

    /// The largest payload accepted, in bytes.
    let limit: Int
    /// The server version, once the handshake reply was read.
    private(set) var serverVersion: Int?
    /// Where each frame's payload is kept for the flight recorder, when one records.
    let capture: InboundCapture?

    /// A decoder that refuses frames longer than `limit` bytes and expects the handshake reply
    /// first, unless `serverVersion` is given (then every frame is a message).
    init(limit: Int = FrameDecoder.defaultLimit, serverVersion: Int? = nil, capture: InboundCapture? = nil) {
        self.limit = limit
        self.serverVersion = serverVersion
        self.capture = capture
    }

    mutating func decode(buffer: inout ByteBuffer) throws -> InboundFrame? {
        try nextFrame(&buffer)
    }

    mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> InboundFrame? {
        // A partial frame at the end is dropped with the connection.
        try nextFrame(&buffer)
    }

    /// The next whole frame in `buffer`, decoded and consumed; `nil` when more bytes are needed.
    mutating func nextFrame(_ buffer: inout ByteBuffer) throws -> InboundFrame? {
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return nil }
        guard Int(length) <= limit else { throw FramingError.frameTooLarge(length: length, limit: limit) }
        let size = Int(length)
        guard buffer.readableBytes - 4 >= size else { return nil }
        if let capture {
            let version = serverVersion
            buffer.withUnsafeReadableBytes { capture.append(UnsafeRawBufferPointer(rebasing: $0[4 ..< 4 + size]), serverVersion: version) }
        }
        let frame: InboundFrame
        if let serverVersion {
            let message = try buffer.withUnsafeReadableBytes { raw in
                let bytes = raw.assumingMemoryBound(to: UInt8.self)
                return try InboundMessage(
                    frame: UnsafeBufferPointer(rebasing: bytes[4..<(4 + size)]), serverVersion: serverVersion,
                    strictness: .ignoringExtraFields
                )
            }
            frame = .message(message)
        } else {
            // Once per connection: the reply's two fields are copied out to be parsed.
            let payload = buffer.getBytes(at: buffer.readerIndex + 4, length: size) ?? []
            let hello = try ServerHello(parsing: payload[...])
            serverVersion = hello.serverVersion
            frame = .hello(hello)
        }
        buffer.moveReaderIndex(forwardBy: 4 + size)
        return frame
    }
}
