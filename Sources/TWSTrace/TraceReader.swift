/// Reads trace records from bytes fed in pieces (a file read a chunk at a time), after the
/// file header (``TraceFileHeader``), which the caller checks.
///
/// A record is taken only when its marker, length and checksum agree. Damaged bytes are
/// skipped up to the next record that does (``Item/skipped(offset:count:)``), so one torn
/// record (a crash mid-write, then a later run appending) costs only itself. At the end,
/// ``finish()`` reports bytes that form no whole record as a torn tail
/// (``Item/tornTail(offset:count:)``): the last record was being written when the writer stopped.
///
/// Memory: the bytes of one unfinished record at most (≤ ``TraceRecord/maximumPayload`` plus
/// its overhead) besides the piece being read.
public struct TraceReader: Sendable {
    /// What the reader found, in file order.
    public enum Item: Sendable, Hashable {
        /// A whole record, checked.
        case record(TraceRecord)
        /// Damaged bytes between records, skipped; `offset` counts from the first record's start.
        case skipped(offset: Int, count: Int)
        /// Bytes at the end that form no whole record.
        case tornTail(offset: Int, count: Int)
    }

    private var buffer: [UInt8] = []
    private var position = 0
    /// The offset of `buffer[0]` in the stream of records.
    private var base = 0
    private var finished = false

    /// A reader at the first record.
    public init() {}

    /// Adds the next bytes of the stream.
    public mutating func feed(_ bytes: some Sequence<UInt8>) {
        if position > 0 && position >= buffer.count / 2 {
            base += position
            buffer.removeFirst(position)
            position = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next item, or `nil` when more bytes are needed (or, after ``finish()``, at the end).
    public mutating func next() -> Item? {
        guard position < buffer.count else { return nil }
        switch record(at: position) {
        case .whole(let record, let size):
            position += size
            return .record(record)
        case .needMore where !finished:
            return nil
        case .needMore, .bad:
            // Damage: find the next place a whole record starts.
            var scan = position + 1
            while scan < buffer.count {
                if buffer[scan] == TraceRecord.marker[0] {
                    switch record(at: scan) {
                    case .whole: return skip(to: scan)
                    case .needMore where !finished: return skip(to: scan)
                    default: break
                    }
                }
                scan += 1
            }
            // (A record cut short by the end of the bytes so far starts with the marker and
            // was seen as `needMore` above.)
            if !finished { return skip(to: buffer.count) }
            let item = Item.tornTail(offset: base + position, count: buffer.count - position)
            position = buffer.count
            return item
        }
    }

    /// No more bytes will come: what cannot form a record is reported by ``next()``.
    public mutating func finish() {
        finished = true
    }

    /// Every item of `bytes` (records after the file header, whole).
    public static func items(of bytes: some Sequence<UInt8>) -> [Item] {
        var reader = TraceReader()
        reader.feed(bytes)
        reader.finish()
        var items: [Item] = []
        while let item = reader.next() { items.append(item) }
        return items
    }

    private mutating func skip(to offset: Int) -> Item {
        let item = Item.skipped(offset: base + position, count: offset - position)
        position = offset
        return item
    }

    private enum Attempt {
        case whole(TraceRecord, size: Int)
        case needMore
        case bad
    }

    private func record(at start: Int) -> Attempt {
        let available = buffer.count - start
        let markerCount = min(available, TraceRecord.marker.count)
        for index in 0 ..< markerCount where buffer[start + index] != TraceRecord.marker[index] { return .bad }
        guard available >= TraceRecord.prefixSize else { return .needMore }
        let length = Int(buffer.bigEndian(at: start + 4, as: UInt32.self))
        guard length >= TraceRecord.bodyHeaderSize, length <= TraceRecord.bodyHeaderSize + TraceRecord.maximumPayload else { return .bad }
        guard available >= TraceRecord.prefixSize + length else { return .needMore }
        let body = start + TraceRecord.prefixSize
        let checksum = buffer.bigEndian(at: start + 8, as: UInt32.self)
        let computed = buffer.withUnsafeBytes { raw in
            var crc = CRC32()
            crc.update(UnsafeRawBufferPointer(rebasing: raw[body ..< body + length]))
            return crc.value
        }
        guard computed == checksum, let kind = TraceRecordKind(rawValue: buffer[body]) else { return .bad }
        let record = TraceRecord(
            kind: kind,
            serverVersion: buffer.bigEndian(at: body + 2, as: UInt16.self),
            connection: buffer.bigEndian(at: body + 4, as: UInt32.self),
            monotonicNanoseconds: buffer.bigEndian(at: body + 8, as: UInt64.self),
            wallNanoseconds: Int64(bitPattern: buffer.bigEndian(at: body + 16, as: UInt64.self)),
            payload: Array(buffer[(body + TraceRecord.bodyHeaderSize) ..< (body + length)])
        )
        return .whole(record, size: TraceRecord.prefixSize + length)
    }
}
