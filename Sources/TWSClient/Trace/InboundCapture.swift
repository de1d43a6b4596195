/// The raw payloads of the frames decoded during one socket read, kept for the flight
/// recorder: ``TWSFrameDecoder`` appends each frame's bytes as it decodes them, and
/// ``InboundBatcher`` hands them to the recorder with the batch, then empties it (its
/// storage is reused, so recording allocates nothing per read once warm).
///
/// Used on the channel's event loop only.
final class InboundCapture {
    /// The payloads, back to back.
    private(set) var bytes: [UInt8] = []
    /// Where each payload ends in ``bytes``, and the server version it was decoded with (0 for
    /// the handshake reply).
    private(set) var frames: [(end: Int, serverVersion: UInt16)] = []

    init() {
        bytes.reserveCapacity(4096)
        frames.reserveCapacity(64)
    }

    /// Keeps one frame's payload.
    func append(_ payload: UnsafeRawBufferPointer, serverVersion: Int?) {
        bytes.append(contentsOf: payload)
        frames.append((bytes.count, UInt16(clamping: serverVersion ?? 0)))
    }

    var isEmpty: Bool { frames.isEmpty }

    /// Forgets the frames, keeping the storage; a large one-off is let go.
    func removeAll() {
        bytes.removeAll(keepingCapacity: bytes.capacity <= 1 << 20)
        frames.removeAll(keepingCapacity: true)
    }
}
