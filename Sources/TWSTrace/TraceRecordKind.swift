/// What a trace record holds (its first body byte).
public enum TraceRecordKind: UInt8, Sendable, Hashable, CaseIterable {
    /// A frame read from the gateway: its payload, without the 4-byte length. With server
    /// version 0 it is the handshake reply (server version and connection time).
    case inbound = 1
    /// A frame written to the gateway: its payload, without the 4-byte length.
    case outbound = 2
    /// The client's handshake as written: `API\0`, then the length-prefixed version offer.
    case handshake = 3
    /// A connection's socket opened: UTF-8 text `host:port client N`.
    case opened = 4
    /// A connection ended: UTF-8 text saying why.
    case closed = 5
    /// Records were lost before this one (a trace file's writer fell behind, or the ring
    /// refused a record larger than itself): the payload is the count, a big-endian `UInt64`.
    case dropped = 6

    /// Whether the record carries a frame's bytes (either direction or the handshake).
    public var isFrame: Bool { self == .inbound || self == .outbound || self == .handshake }
}
