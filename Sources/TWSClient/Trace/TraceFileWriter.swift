import NIOPosix
import Synchronization
import TWSTrace

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends trace records to a file (`--trace FILE`) on a thread of its own, so recording
/// never waits for the disk.
///
/// The thread is woken when 64 KiB wait or the oldest waiting record is 200 ms old (checked
/// as records come, so an idle line costs no wake-ups), and at ``close()``; a record reaches the
/// file within about 200 ms while traffic flows. (A crash loses what waits; the crash dump holds
/// the same records.)
///
/// Records wait in a bounded queue (``limit`` bytes); when the disk cannot keep up and the
/// queue is full, records are dropped and counted (``droppedRecords``), and the next record
/// written is preceded by a `dropped` record with the count, so the file says where it has a
/// hole. The file is opened for appending: a new or empty file gets the trace header, an
/// existing trace is continued (each record is whole or detectably torn, see TWSTrace's README).
public final class TraceFileWriter: Sendable {
    private struct Pending: Sendable {
        var bytes: [UInt8] = []
        var records = 0
        var dropped = 0
        var droppedTotal = 0
        var draining = false
        var oldest: UInt64?
        var closed = false
        var failure: String?
    }

    /// The file's path.
    public let path: String
    /// The most bytes that may wait for the disk.
    public let limit: Int
    private let descriptor: Int32
    private let pending = Mutex(Pending())
    private let pool: NIOThreadPool

    /// Opens (or creates) `path` for appending trace records.
    /// - Throws: ``TraceFileError`` when the file cannot be opened or is not a trace.
    public init(path: String, limit: Int = 8 << 20) throws(TraceFileError) {
        self.path = path
        self.limit = max(limit, 64 << 10)
        let fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw TraceFileError("cannot open \(path): \(String(cString: strerror(errno)))") }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            closeDescriptor(fd)
            throw TraceFileError("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        if status.st_size == 0 {
            let header = TraceFileHeader.bytes
            guard header.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == header.count else {
                closeDescriptor(fd)
                throw TraceFileError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
        } else {
            var first = [UInt8](repeating: 0, count: TraceFileHeader.size)
            let count = first.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
            if let problem = TraceFileHeader.problem(in: first.prefix(max(0, count))) {
                closeDescriptor(fd)
                throw TraceFileError("\(path) is not appended to: \(problem)")
            }
        }
        descriptor = fd
        pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
    }

    /// Queues one encoded record, recorded at `now` (the time a `dropped` record before it gets).
    func append(encoded record: [UInt8], at now: (monotonic: UInt64, wall: Int64)) {
        let start = pending.withLock { pending -> Bool in
            guard !pending.closed, pending.failure == nil, pending.bytes.count + record.count + TraceRecord.overhead + 8 <= limit else {
                pending.dropped += 1
                pending.droppedTotal += 1
                return false
            }
            if pending.dropped > 0 {
                var count: [UInt8] = []
                count.reserveCapacity(8)
                withUnsafeBytes(of: UInt64(pending.dropped).bigEndian) { count.append(contentsOf: $0) }
                count.withUnsafeBytes { payload in
                    TraceRecord.encode(kind: .dropped, serverVersion: 0, connection: 0, monotonic: now.monotonic, wall: now.wall, payload: payload, into: &pending.bytes)
                }
                pending.dropped = 0
            }
            pending.bytes.append(contentsOf: record)
            pending.records += 1
            let oldest = pending.oldest ?? now.monotonic
            pending.oldest = oldest
            guard !pending.draining, pending.bytes.count >= Self.wakeBytes || now.monotonic &- oldest >= Self.wakeAge else { return false }
            pending.draining = true
            return true
        }
        if start { pool.submit { [self] _ in drain() } }
    }

    /// The bytes waiting that wake the writer.
    static let wakeBytes = 64 << 10
    /// The age of the oldest record waiting that wakes the writer, in nanoseconds.
    static let wakeAge: UInt64 = 200_000_000

    /// Records dropped because the queue was full or the file failed.
    public var droppedRecords: Int { pending.withLock { $0.droppedTotal } }

    /// Why writing stopped, if it did (a full disk, ...).
    public var failure: String? { pending.withLock { $0.failure } }

    /// Writes what waits, then closes the file.
    public func close() async {
        pending.withLock { $0.closed = true }
        try? await pool.shutdownGracefully()
        drain()
        closeDescriptor(descriptor)
    }

    private func drain() {
        var batch: [UInt8] = []
        while true {
            let more = pending.withLock { pending -> Bool in
                swap(&batch, &pending.bytes)
                pending.bytes.removeAll(keepingCapacity: true)
                pending.records = 0
                pending.oldest = nil
                if batch.isEmpty { pending.draining = false }
                return !batch.isEmpty
            }
            guard more else { return }
            var offset = 0
            while offset < batch.count {
                let written = batch.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else {
                    let reason = String(cString: strerror(errno))
                    pending.withLock { $0.failure = "writing \(path) failed: \(reason)" }
                    break
                }
                offset += written
            }
            batch.removeAll(keepingCapacity: true)
        }
    }
}

private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}

/// A trace file that could not be opened or appended to, in words.
public struct TraceFileError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
