/// One record of a trace: a frame in or out (its bytes exactly as on the wire, without the
/// length prefix), or a connection's opening, end, or a gap; with the connection it belongs to
/// and when it happened on the monotonic and the wall clock.
///
/// Encoded (big-endian, see the target's README for the whole format):
///
/// ```
/// offset  size  field
///  0       4    marker "\u{1E}TRC" (0x1E 0x54 0x52 0x43)
///  4       4    body length N (bytes after the checksum)
///  8       4    CRC-32 of the body
/// 12       1    kind (TraceRecordKind)
/// 13       1    flags (0)
/// 14       2    server version of the connection (0 before the handshake reply)
/// 16       4    connection number (1, 2, ... in the order sockets opened in the process)
/// 20       8    monotonic time, nanoseconds (the process's monotonic clock)
/// 28       8    wall time, nanoseconds since 1970-01-01 UTC (signed)
/// 36       N-24 payload
/// ```
public struct TraceRecord: Sendable, Hashable {
    /// The bytes every record starts with; a reader resynchronises on them after damage.
    public static let marker: [UInt8] = [0x1E, 0x54, 0x52, 0x43]
    /// The bytes before the body: marker, length, checksum.
    public static let prefixSize = 12
    /// The body's fixed fields before the payload.
    public static let bodyHeaderSize = 24
    /// A record's bytes besides its payload.
    public static let overhead = prefixSize + bodyHeaderSize
    /// The largest payload a record holds: a TWS frame's largest (16 MiB - 1) with room to spare.
    public static let maximumPayload = 1 << 24

    /// What the record holds.
    public var kind: TraceRecordKind
    /// The connection's negotiated server version, 0 before its handshake reply.
    public var serverVersion: UInt16
    /// The connection the record belongs to.
    public var connection: UInt32
    /// When, on the process's monotonic clock, in nanoseconds.
    public var monotonicNanoseconds: UInt64
    /// When, on the wall clock, in nanoseconds since 1970-01-01 UTC.
    public var wallNanoseconds: Int64
    /// The frame's payload (no length prefix), the handshake bytes, or the kind's text or count.
    public var payload: [UInt8]

    /// Creates a record.
    public init(
        kind: TraceRecordKind, serverVersion: UInt16 = 0, connection: UInt32, monotonicNanoseconds: UInt64,
        wallNanoseconds: Int64, payload: [UInt8]
    ) {
        self.kind = kind
        self.serverVersion = serverVersion
        self.connection = connection
        self.monotonicNanoseconds = monotonicNanoseconds
        self.wallNanoseconds = wallNanoseconds
        self.payload = payload
    }

    /// The encoded size of a record with a payload of `payloadCount` bytes.
    public static func encodedSize(payloadCount: Int) -> Int { overhead + payloadCount }

    /// The record's bytes, appended to `buffer`.
    public func encode(into buffer: inout [UInt8]) {
        payload.withUnsafeBytes { payload in
            TraceRecord.encode(
                kind: kind, serverVersion: serverVersion, connection: connection, monotonic: monotonicNanoseconds,
                wall: wallNanoseconds, payload: payload, into: &buffer)
        }
    }

    /// The record's bytes.
    public var encoded: [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.encodedSize(payloadCount: payload.count))
        encode(into: &buffer)
        return buffer
    }

    /// Appends a record's bytes to `buffer` without building a ``TraceRecord``.
    public static func encode(
        kind: TraceRecordKind, serverVersion: UInt16, connection: UInt32, monotonic: UInt64, wall: Int64,
        payload: UnsafeRawBufferPointer, into buffer: inout [UInt8]
    ) {
        let header = bodyHeader(kind: kind, serverVersion: serverVersion, connection: connection, monotonic: monotonic, wall: wall)
        var crc = CRC32()
        crc.update(header)
        crc.update(payload)
        buffer.append(contentsOf: marker)
        buffer.appendBigEndian(UInt32(bodyHeaderSize + payload.count))
        buffer.appendBigEndian(crc.value)
        buffer.append(contentsOf: header)
        buffer.append(contentsOf: payload)
    }

    /// The body's fixed fields, encoded.
    static func bodyHeader(kind: TraceRecordKind, serverVersion: UInt16, connection: UInt32, monotonic: UInt64, wall: Int64) -> [UInt8] {
        var header: [UInt8] = []
        header.reserveCapacity(bodyHeaderSize)
        header.append(kind.rawValue)
        header.append(0)
        header.appendBigEndian(serverVersion)
        header.appendBigEndian(connection)
        header.appendBigEndian(monotonic)
        header.appendBigEndian(UInt64(bitPattern: wall))
        return header
    }
}

extension Array where Element == UInt8 {
    /// Appends `value`'s bytes, most significant first.
    mutating func appendBigEndian<T: FixedWidthInteger>(_ value: T) {
        var big = value.bigEndian
        Swift.withUnsafeBytes(of: &big) { append(contentsOf: $0) }
    }
}

extension Collection where Element == UInt8, Index == Int {
    /// The big-endian integer at `offset`; the caller checked the bounds.
    func bigEndian<T: FixedWidthInteger>(at offset: Int, as: T.Type) -> T {
        var value: T = 0
        for index in offset ..< offset + MemoryLayout<T>.size { value = value << 8 | T(self[index]) }
        return value
    }
}
