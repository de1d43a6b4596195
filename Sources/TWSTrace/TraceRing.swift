/// The flight recorder's memory: the last records, encoded as a trace file holds them, in one
/// fixed block of bytes used as a ring. A record that does not fit evicts the oldest ones; a
/// record older than ``maximumAge`` (by the monotonic time of the newest) is evicted too.
///
/// The block is allocated once and never moves, and at any moment the bytes from ``head``
/// for ``used`` bytes (wrapping at ``capacity``) are whole records, oldest first: a dump is the
/// trace file header followed by those bytes (``encodedRecords()``). Because the block does
/// not move, a crash handler may write it as it lies (``storage``).
///
/// Pure: time comes in with each record. A noncopyable value (its block is its own, freed with
/// it; and a struct's fields need no run-time exclusivity checks on every record, which a
/// class's do); `Sendable` so that a lock may hold it.
public struct TraceRing: ~Copyable, @unchecked Sendable {
    /// The block's size in bytes: the most the ring holds.
    public let capacity: Int
    /// How long a record is kept, in nanoseconds of monotonic time.
    public let maximumAge: UInt64
    /// The block. Its address never changes while the ring lives.
    public let storage: UnsafeMutableRawBufferPointer
    /// Where the oldest record starts in the block.
    public private(set) var head = 0
    /// How many bytes of records the block holds.
    public private(set) var used = 0
    /// How many records the block holds.
    public private(set) var count = 0
    /// Records evicted since the ring was made, for room or for age.
    public private(set) var evicted = 0
    /// Records not kept because they alone are larger than the ring.
    public private(set) var refused = 0
    /// The monotonic time of the newest record appended.
    public private(set) var newest: UInt64?
    /// The size of the newest record held, 0 when none.
    private var newestSize = 0

    /// A ring of `capacity` bytes (at least 4 KiB) keeping records for `maximumAge`.
    public init(capacity: Int, maximumAge: Duration) {
        self.capacity = max(capacity, 4096)
        let (seconds, attoseconds) = maximumAge.components
        self.maximumAge = UInt64(max(0, seconds)) &* 1_000_000_000 &+ UInt64(max(0, attoseconds / 1_000_000_000))
        // Not filled: a page of the block costs memory only once records reach it.
        storage = .allocate(byteCount: self.capacity, alignment: 16)
    }

    deinit {
        storage.deallocate()
    }

    /// Appends a record; `false` when it alone is larger than the ring (counted in ``refused``).
    @discardableResult
    public mutating func append(
        kind: TraceRecordKind, serverVersion: UInt16, connection: UInt32, monotonic: UInt64, wall: Int64,
        payload: UnsafeRawBufferPointer
    ) -> Bool {
        let size = TraceRecord.encodedSize(payloadCount: payload.count)
        guard size <= capacity, payload.count <= TraceRecord.maximumPayload else {
            refused += 1
            return false
        }
        newest = max(newest ?? monotonic, monotonic)
        evictExpired()
        while capacity - used < size { evictOldest() }
        withUnsafeTemporaryAllocation(byteCount: TraceRecord.overhead, alignment: 8) { prefix in
            let header = UnsafeMutableRawBufferPointer(rebasing: prefix[TraceRecord.prefixSize...])
            header[0] = kind.rawValue
            header[1] = 0
            header.storeBytes(of: serverVersion.bigEndian, toByteOffset: 2, as: UInt16.self)
            header.storeBytes(of: connection.bigEndian, toByteOffset: 4, as: UInt32.self)
            header.storeBytes(of: monotonic.bigEndian, toByteOffset: 8, as: UInt64.self)
            header.storeBytes(of: UInt64(bitPattern: wall).bigEndian, toByteOffset: 16, as: UInt64.self)
            var crc = CRC32()
            crc.update(UnsafeRawBufferPointer(header))
            crc.update(payload)
            prefix.storeBytes(of: UInt32(0x1E54_5243).bigEndian, toByteOffset: 0, as: UInt32.self)  // TraceRecord.marker
            prefix.storeBytes(of: UInt32(TraceRecord.bodyHeaderSize + payload.count).bigEndian, toByteOffset: 4, as: UInt32.self)
            prefix.storeBytes(of: crc.value.bigEndian, toByteOffset: 8, as: UInt32.self)
            let tail = wrap(head + used)
            write(UnsafeRawBufferPointer(prefix), at: tail)
            write(payload, at: wrap(tail + TraceRecord.overhead))
        }
        used += size
        count += 1
        newestSize = size
        return true
    }

    /// Appends `record`.
    @discardableResult
    public mutating func append(_ record: TraceRecord) -> Bool {
        record.payload.withUnsafeBytes { payload in
            append(
                kind: record.kind, serverVersion: record.serverVersion, connection: record.connection,
                monotonic: record.monotonicNanoseconds, wall: record.wallNanoseconds, payload: payload)
        }
    }

    /// Evicts the records older than ``maximumAge`` before `now` (monotonic nanoseconds), as a
    /// dump does before it writes the ring.
    public mutating func evict(before now: UInt64) {
        newest = max(newest ?? now, now)
        evictExpired()
    }

    /// The records held, oldest first, encoded as in a trace file (after its header).
    public func encodedRecords() -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: used)
        bytes.withUnsafeMutableBytes { target in
            let first = min(used, capacity - head)
            target.baseAddress!.copyMemory(from: storage.baseAddress! + head, byteCount: first)
            if used > first { (target.baseAddress! + first).copyMemory(from: storage.baseAddress!, byteCount: used - first) }
        }
        return bytes
    }

    /// Appends the newest record's bytes to `buffer` (nothing when the ring is empty): what a
    /// trace file gets for the record just appended.
    public func appendNewest(to buffer: inout [UInt8]) {
        guard count > 0, newestSize > 0 else { return }
        let start = wrap(head + used - newestSize)
        let first = min(newestSize, capacity - start)
        buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: storage[start ..< start + first]))
        if newestSize > first { buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: storage[0 ..< newestSize - first])) }
    }

    /// Empties the ring.
    public mutating func removeAll() {
        head = 0
        used = 0
        count = 0
        newestSize = 0
    }

    // MARK: Private

    private mutating func evictExpired() {
        guard let newest, newest > maximumAge else { return }
        let cutoff = newest - maximumAge
        while count > 0, readUInt64(at: head + TraceRecord.prefixSize + 8) < cutoff { evictOldest() }
    }

    private mutating func evictOldest() {
        let size = TraceRecord.prefixSize + Int(readUInt32(at: head + 4))
        head = wrap(head + size)
        used -= size
        count -= 1
        evicted += 1
        if count == 0 {
            head = 0
            newestSize = 0
        }
    }

    private func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        guard !bytes.isEmpty else { return }
        let first = min(bytes.count, capacity - offset)
        (storage.baseAddress! + offset).copyMemory(from: bytes.baseAddress!, byteCount: first)
        if bytes.count > first {
            storage.baseAddress!.copyMemory(from: bytes.baseAddress! + first, byteCount: bytes.count - first)
        }
    }

    /// An offset below `2 * capacity` brought into the block (no division: this runs for every
    /// record).
    @inline(__always)
    private func wrap(_ offset: Int) -> Int {
        offset >= capacity ? offset - capacity : offset
    }

    private func readUInt32(at offset: Int) -> UInt32 {
        let start = wrap(offset)
        if start + 4 <= capacity { return UInt32(bigEndian: storage.loadUnaligned(fromByteOffset: start, as: UInt32.self)) }
        var value: UInt32 = 0
        for index in 0 ..< 4 { value = value << 8 | UInt32(storage[wrap(start + index)]) }
        return value
    }

    private func readUInt64(at offset: Int) -> UInt64 {
        let start = wrap(offset)
        if start + 8 <= capacity { return UInt64(bigEndian: storage.loadUnaligned(fromByteOffset: start, as: UInt64.self)) }
        var value: UInt64 = 0
        for index in 0 ..< 8 { value = value << 8 | UInt64(storage[wrap(start + index)]) }
        return value
    }
}
