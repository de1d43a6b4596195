/// Writes TWS frames: a 4-byte big-endian length followed by the payload.
public enum FrameEncoder {
    /// Appends one frame holding `payload` to `output`.
    public static func appendFrame<Payload: Collection>(
        _ payload: Payload, to output: inout [UInt8]
    ) where Payload.Element == UInt8 {
        let length = UInt32(payload.count)
        output.append(UInt8(truncatingIfNeeded: length >> 24))
        output.append(UInt8(truncatingIfNeeded: length >> 16))
        output.append(UInt8(truncatingIfNeeded: length >> 8))
        output.append(UInt8(truncatingIfNeeded: length))
        output.append(contentsOf: payload)
    }

    /// Returns one frame holding `payload`.
    public static func frame<Payload: Collection>(_ payload: Payload) -> [UInt8]
    where Payload.Element == UInt8 {
        var output: [UInt8] = []
        output.reserveCapacity(payload.count + 4)
        appendFrame(payload, to: &output)
        return output
    }
}
