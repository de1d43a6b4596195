import CTraceCrash
import Synchronization
import TWSTrace

/// The flight recorder: every frame in and out of the clients it is given to
/// (``TWSClientConfiguration/recorder``), with its monotonic and wall time and its connection,
/// kept in an in-memory ring (``TraceRing``: the last minutes within a byte budget) and,
/// when a ``TraceFileWriter`` is attached, appended to a trace file in the background.
///
/// Taps: the pipeline hands over each socket read's frames as it hands them to the client
/// (one lock per read, the payload bytes copied into the ring), the client each frame it
/// writes, its handshake, and each connection's opening and end. The clock is read under the
/// lock, so records are in time order across connections and directions.
///
/// ``snapshot()`` is the ring as a trace file (header and records), for `:dump` and a fatal
/// error; ``installCrashDump(path:)`` writes the same from a signal handler on a crash.
public final class FlightRecorder: Sendable {
    private struct State: ~Copyable, Sendable {
        var ring: TraceRing
        var file: TraceFileWriter?
        var crashDump = false
        var scratch: [UInt8] = []
    }

    private let state: Mutex<State>
    private let clock: any TraceClock
    private let connections = Atomic<UInt32>(0)

    /// The ring's size in bytes.
    public let capacity: Int
    /// How long a record stays in the ring.
    public let maximumAge: Duration

    /// A recorder with a ring of `capacity` bytes keeping records for `maximumAge`.
    public init(capacity: Int = 16 << 20, maximumAge: Duration = .seconds(600), clock: any TraceClock = SystemTraceClock()) {
        let ring = TraceRing(capacity: capacity, maximumAge: maximumAge)
        self.capacity = ring.capacity
        self.maximumAge = maximumAge
        self.clock = clock
        state = Mutex(State(ring: ring))
    }

    /// Appends every record from now on to `file` as well (replacing any file attached before).
    public func attach(_ file: TraceFileWriter?) {
        state.withLock { $0.file = file }
    }

    /// A number for a new connection, unique in the process (1, 2, ...).
    public func newConnection() -> UInt32 {
        connections.add(1, ordering: .relaxed).newValue
    }

    /// Records one frame or event.
    public func record(_ kind: TraceRecordKind, connection: UInt32, serverVersion: Int?, payload: UnsafeRawBufferPointer) {
        let version = UInt16(clamping: serverVersion ?? 0)
        state.withLock { state in
            let now = clock.now()
            append(&state, kind, version, connection, now, payload)
        }
    }

    /// Records one frame or event from a slice of bytes.
    public func record(_ kind: TraceRecordKind, connection: UInt32, serverVersion: Int?, payload: ArraySlice<UInt8>) {
        payload.withUnsafeBytes { record(kind, connection: connection, serverVersion: serverVersion, payload: $0) }
    }

    /// Records text (a connection's opening or end).
    public func record(_ kind: TraceRecordKind, connection: UInt32, text: String) {
        record(kind, connection: connection, serverVersion: nil, payload: Array(text.utf8)[...])
    }

    /// Records the frames of one socket read, all at one instant.
    func recordInbound(_ capture: InboundCapture, connection: UInt32) {
        capture.bytes.withUnsafeBytes { bytes in
            state.withLock { state in
                let now = clock.now()
                var start = 0
                for frame in capture.frames {
                    append(&state, .inbound, frame.serverVersion, connection, now, UnsafeRawBufferPointer(rebasing: bytes[start ..< frame.end]))
                    start = frame.end
                }
            }
        }
    }

    private func append(
        _ state: inout State, _ kind: TraceRecordKind, _ version: UInt16, _ connection: UInt32,
        _ now: (monotonic: UInt64, wall: Int64), _ payload: UnsafeRawBufferPointer
    ) {
        let kept = state.ring.append(kind: kind, serverVersion: version, connection: connection, monotonic: now.monotonic, wall: now.wall, payload: payload)
        if state.crashDump { ibtrace_crash_publish(state.ring.head, state.ring.used) }
        if let file = state.file {
            state.scratch.removeAll(keepingCapacity: true)
            if kept {
                state.ring.appendNewest(to: &state.scratch)
            } else {
                TraceRecord.encode(kind: kind, serverVersion: version, connection: connection, monotonic: now.monotonic, wall: now.wall, payload: payload, into: &state.scratch)
            }
            file.append(encoded: state.scratch, at: now)
        }
    }

    /// The ring as a trace file: the header, then the records of the last ``maximumAge`` (as
    /// of now), oldest first.
    public func snapshot() -> [UInt8] {
        state.withLock { state in
            state.ring.evict(before: clock.now().monotonic)
            if state.crashDump { ibtrace_crash_publish(state.ring.head, state.ring.used) }
            return TraceFileHeader.bytes + state.ring.encodedRecords()
        }
    }

    /// What the ring holds now.
    public var statistics: (records: Int, bytes: Int, evicted: Int, refused: Int) {
        state.withLock { ($0.ring.count, $0.ring.used, $0.ring.evicted, $0.ring.refused) }
    }

    /// On a crash signal (SIGSEGV, SIGBUS, SIGILL and SIGTRAP of Swift's traps, SIGFPE,
    /// SIGABRT) writes the ring to `path` from a signal handler (async-signal-safe calls only),
    /// then lets the handler installed before run. The ring's block never moves, and where its
    /// records lie is published after every record; a record being written at the crash may
    /// be torn, which a reader skips. Returns `false` when the path is too long (4 KiB).
    @discardableResult
    public func installCrashDump(path: String) -> Bool {
        state.withLock { state in
            ibtrace_crash_set_ring(UnsafeRawPointer(state.ring.storage.baseAddress!), state.ring.capacity)
            ibtrace_crash_publish(state.ring.head, state.ring.used)
            let header = TraceFileHeader.bytes
            let installed = header.withUnsafeBufferPointer { ibtrace_crash_install(path, $0.baseAddress, $0.count) } == 0
            state.crashDump = installed
            return installed
        }
    }
}
