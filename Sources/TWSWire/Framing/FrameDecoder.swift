/// Cuts a TWS byte stream into frames: a 4-byte big-endian length, then that many payload bytes.
///
/// Bytes may arrive in any split: one at a time, or many frames in one read. The decoder keeps
/// what it has not yet used and never allocates for a length it has not seen arrive; a length
/// above ``limit`` is a ``FramingError/frameTooLarge(length:limit:)`` before any payload is read.
///
/// ```swift
/// var decoder = FrameDecoder()
/// decoder.append(bytesFromSocket)
/// while let payload = try decoder.nextFrame() { handle(payload) }
/// ```
public struct FrameDecoder: Sendable {
    /// The largest payload official clients accept (`MAX_MSG_LEN`, 16 MiB - 1).
    public static let defaultLimit = 0xFF_FFFF

    /// The largest payload this decoder accepts, in bytes.
    public let limit: Int

    private(set) var buffer: [UInt8] = []
    private var readIndex = 0

    /// Creates a decoder that refuses frames longer than `limit` bytes.
    public init(limit: Int = FrameDecoder.defaultLimit) {
        self.limit = limit
    }

    /// The number of bytes received but not yet returned as frames.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    /// Adds bytes received from the peer.
    public mutating func append<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        compactIfWorthwhile()
        buffer.append(contentsOf: bytes)
    }

    /// Returns the next whole payload, or `nil` when more bytes are needed.
    ///
    /// - Throws: ``FramingError/frameTooLarge(length:limit:)`` when the announced length is above
    ///   ``limit``; the decoder is then unusable, as the stream has lost its framing.
    public mutating func nextFrame() throws(FramingError) -> ArraySlice<UInt8>? {
        guard let range = try nextFrameRange() else { return nil }
        return buffer[range]
    }

    /// Like ``nextFrame()``, but hands the payload to `body` without copying it out.
    public mutating func withNextFrame<R>(
        _ body: (ArraySlice<UInt8>) throws -> R
    ) throws -> R? {
        guard let range = try nextFrameRange() else { return nil }
        return try body(buffer[range])
    }

    /// Reports an error if the stream ended with a partial frame buffered.
    public func finish() throws(FramingError) {
        let available = bufferedByteCount
        guard available > 0 else { return }
        if available < 4 {
            throw .truncatedFrame(expected: 4, available: available)
        }
        let length = Self.readLength(buffer, at: readIndex)
        throw .truncatedFrame(expected: Int(length) + 4, available: available)
    }

    /// The next whole payload's range in ``buffer``, consumed; `nil` when more bytes are needed.
    @inline(__always)
    mutating func nextFrameRange() throws(FramingError) -> Range<Int>? {
        guard buffer.count - readIndex >= 4 else { return nil }
        let length = Self.readLength(buffer, at: readIndex)
        guard Int(length) <= limit else {
            throw .frameTooLarge(length: length, limit: limit)
        }
        let start = readIndex + 4
        let end = start + Int(length)
        guard end <= buffer.count else { return nil }
        readIndex = end
        return start..<end
    }

    private static func readLength(_ bytes: [UInt8], at index: Int) -> UInt32 {
        UInt32(bytes[index]) << 24 | UInt32(bytes[index + 1]) << 16
            | UInt32(bytes[index + 2]) << 8 | UInt32(bytes[index + 3])
    }

    /// Drops consumed bytes once they are the larger part of the buffer, so that a long-lived
    /// decoder neither grows without bound nor shifts memory on every read.
    private mutating func compactIfWorthwhile() {
        guard readIndex > 0 else { return }
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            readIndex = 0
        } else if readIndex >= 4096, readIndex * 2 >= buffer.count {
            buffer.removeSubrange(0..<readIndex)
            readIndex = 0
        }
    }
}
