/// The first 16 bytes of a trace file: `IBTRACE` and a NUL, the format version (big-endian
/// `UInt32`), and four reserved zero bytes. Records follow, appended one after another.
public enum TraceFileHeader {
    /// The magic bytes.
    public static let magic: [UInt8] = Array("IBTRACE\0".utf8)
    /// The format this code writes and reads.
    public static let version: UInt32 = 1
    /// The header's size.
    public static let size = 16

    /// The header's bytes.
    public static var bytes: [UInt8] {
        var bytes = magic
        bytes.appendBigEndian(version)
        bytes.appendBigEndian(UInt32(0))
        return bytes
    }

    /// Why `bytes` (a file's first bytes) do not start a trace this code reads, or `nil` when they do.
    public static func problem(in bytes: some Collection<UInt8>) -> String? {
        let bytes = Array(bytes.prefix(size))
        guard bytes.count == size else {
            return bytes.elementsEqual(magic.prefix(bytes.count)) ? "the file ends inside the trace header" : "not an ibterm trace (no IBTRACE header)"
        }
        guard bytes.prefix(magic.count).elementsEqual(magic) else { return "not an ibterm trace (no IBTRACE header)" }
        let version = bytes.bigEndian(at: 8, as: UInt32.self)
        guard version == Self.version else { return "trace format version \(version); this ibterm reads version \(Self.version)" }
        return nil
    }
}
