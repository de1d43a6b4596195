/// What a replay plays, and when: the gateway's side of one recorded run, laid out per
/// connection as the handshake reply and the inbound frames after it, each with the wait
/// before it at a given speed, within a `from`/`to` window.
///
/// Pure: built from records already read (``TraceReader``). Frames recorded before `from` are
/// kept with no wait (played at once, so the dashboard's state builds up as it did); frames
/// after `to` are left out. Outbound frames and the client's handshake are not played: the
/// replay answers as the gateway did, whatever the client asks.
///
/// Each frame names the client request it waits for (``Step/after``): the request that opened
/// the request or ticker id it is about (a tick its reqMktData, a PnL its reqPnLSingle), else
/// the client's last request that names no id (positions, account updates) when the frame came
/// within ``plainAnswerWindow`` of it; the replay holds
/// the frame until the client has sent as many requests of that kind, so the answers meet the
/// requests that wait for them even at max speed, and a frame is never held for a request it
/// does not answer.
///
/// Only the first run of a file is used (records until the second connection numbered 1,
/// which is a later process appending to the same file).
public struct ReplaySchedule: Sendable, Hashable {
    /// How fast to play.
    public enum Speed: Sendable, Hashable, CustomStringConvertible {
        /// Recorded gaps divided by the factor (1 is as it happened).
        case times(Double)
        /// No waits at all.
        case max

        /// Parses `1`, `10`, `0.5`, `max`; `nil` for anything else (zero, negative, words).
        public init?(_ text: String) {
            if text.lowercased() == "max" {
                self = .max
                return
            }
            guard let factor = Double(text), factor.isFinite, factor > 0 else { return nil }
            self = .times(factor)
        }

        /// `×10`, `×0.5`, `×max`.
        public var description: String {
            switch self {
            case .max: "×max"
            case .times(let factor):
                factor == factor.rounded() && factor < 1e9 ? "×\(Int(factor))" : "×\(factor)"
            }
        }
    }

    /// Where the window starts or ends, in recorded time.
    public enum Mark: Sendable, Hashable {
        /// Seconds after the run's first record (monotonic).
        case offset(seconds: Double)
        /// A recorded wall time, nanoseconds since 1970-01-01 UTC.
        case wall(nanoseconds: Int64)
    }

    /// A request of the client's that a frame answered: its message id as written (the
    /// frame's first field) and which one of that id it was on its connection (1 for the first).
    public struct Request: Sendable, Hashable {
        /// The message id field's bytes (`"6"` for REQ_ACCOUNT_DATA).
        public var messageID: [UInt8]
        /// How many frames with this id the client had written by then.
        public var ordinal: Int

        /// Creates a request.
        public init(messageID: [UInt8], ordinal: Int) {
            self.messageID = messageID
            self.ordinal = ordinal
        }

        /// A frame's message id field: its bytes up to the first NUL.
        public static func messageID(of payload: [UInt8]) -> [UInt8] {
            Array(payload.prefix { $0 != 0 })
        }

        /// Order messages (PLACE_ORDER 3, CANCEL_ORDER 4): a replay refuses orders, so a frame
        /// is never held for one.
        public static let orderMessageIDs: Set<[UInt8]> = [Array("3".utf8), Array("4".utf8)]

        /// Inbound messages about orders (ORDER_STATUS 3, OPEN_ORDER 5, NEXT_VALID_ID 9,
        /// EXECUTION_DATA 11, OPEN_ORDER_END 53, COMMISSION_REPORT 59, COMPLETED_ORDER 101,
        /// COMPLETED_ORDERS_END 102): the ids they carry are order ids, which no request opened.
        public static let orderReportMessageIDs: Set<Int> = [3, 5, 9, 11, 53, 59, 101, 102]

        /// Requests a dashboard repeats on its own clock (REQ_IDS 8 and REQ_ALL_OPEN_ORDERS 16
        /// every 2 s, the keepalive's REQ_CURRENT_TIME 49): the replaying client asks them at
        /// its own pace, which at a speed other than 1 is not the recording's, so a frame is
        /// never held for one (the stream would stall behind every recorded poll).
        public static let pollMessageIDs: Set<[UInt8]> = [Array("8".utf8), Array("16".utf8), Array("49".utf8)]
    }

    /// One frame to send: its payload (without the length prefix), the wait before it after
    /// the previous one in nanoseconds, and when it was recorded on the wall clock.
    public struct Step: Sendable, Hashable {
        /// The frame's bytes as on the wire, without the 4-byte length.
        public var payload: [UInt8]
        /// Nanoseconds to wait after the previous step (0 at max speed, before `from`, or for
        /// the first frame after the handshake reply).
        public var delayNanoseconds: UInt64
        /// When the gateway sent it, on the recorded wall clock.
        public var wallNanoseconds: Int64
        /// When the gateway sent it, in nanoseconds after the run's first record (recorded
        /// monotonic time): where the frame sits on the replay's time line.
        public var offsetNanoseconds: Int64
        /// The request it waits for: the one that opened the id it is about, else the client's
        /// last request naming no id if it came within ``plainAnswerWindow`` of it (order
        /// messages and polls aside); the replay holds the
        /// frame until the client has sent that request too, so answers meet the request that
        /// waits for them. `nil` when there is none.
        public var after: Request?
    }

    /// One recorded connection, as the replay plays it.
    public struct Connection: Sendable, Hashable {
        /// The recorded connection number.
        public var number: UInt32
        /// The handshake reply (server version and connection time), sent first.
        public var handshakeReply: [UInt8]
        /// The frames after it, in recorded order.
        public var steps: [Step]
    }

    /// The recorded connections that got a handshake reply, in order.
    public var connections: [Connection]
    /// The recorded wall time of the run's first record (nanoseconds since 1970-01-01 UTC),
    /// where the time line starts.
    public var startWallNanoseconds: Int64
    /// The offset of the last frame played (``Step/offsetNanoseconds``), where the time line ends.
    public var durationNanoseconds: Int64
    /// Where `from` falls on the time line (0 without one): frames up to it are played at once.
    public var fromNanoseconds: Int64

    /// Lays out `records` (in file order) for `speed`, within `from`...`to`.
    public init(records: [TraceRecord], speed: Speed, from: Mark? = nil, to: Mark? = nil) {
        let run = Self.firstRun(records)
        let start = run.first?.monotonicNanoseconds ?? 0
        let startWall = run.first?.wallNanoseconds ?? 0
        func before(_ mark: Mark?, _ record: TraceRecord) -> Bool {
            guard let mark else { return false }
            switch mark {
            case .offset(let seconds):
                return Double(record.monotonicNanoseconds &- start) / 1e9 < seconds
            case .wall(let nanoseconds):
                return record.wallNanoseconds < nanoseconds
            }
        }
        func after(_ mark: Mark?, _ record: TraceRecord) -> Bool {
            guard let mark else { return false }
            switch mark {
            case .offset(let seconds):
                return Double(record.monotonicNanoseconds &- start) / 1e9 > seconds
            case .wall(let nanoseconds):
                return record.wallNanoseconds > nanoseconds
            }
        }
        var connections: [Connection] = []
        var index: [UInt32: Int] = [:]
        var previous: UInt64?
        var written: [UInt32: [[UInt8]: Int]] = [:]
        // Per connection: the request that opened each request or ticker id, and the last
        // request that names no id (REQ_POSITIONS, REQ_ACCT_DATA, START_API, ...).
        var openedBy: [UInt32: [Int: Request]] = [:]
        var lastPlain: [UInt32: (request: Request, at: UInt64)] = [:]
        var interpreter = TraceInterpreter()
        for record in run {
            if record.kind == .outbound {
                let entry = interpreter.interpret(record)
                let id = Request.messageID(of: record.payload)
                guard !Request.orderMessageIDs.contains(id), !Request.pollMessageIDs.contains(id) else { continue }
                let ordinal = written[record.connection, default: [:]][id, default: 0] + 1
                written[record.connection, default: [:]][id] = ordinal
                let request = Request(messageID: id, ordinal: ordinal)
                if entry.ids.isEmpty {
                    lastPlain[record.connection] = (request, record.monotonicNanoseconds)
                } else {
                    for number in entry.ids where openedBy[record.connection]?[number] == nil {
                        openedBy[record.connection, default: [:]][number] = request
                    }
                }
                continue
            }
            guard record.kind == .inbound else { continue }
            var entry = record.serverVersion == 0 ? nil : interpreter.interpret(record)
            // An order message's ids are order ids, not the ids requests open.
            if let id = entry?.messageID, Request.orderReportMessageIDs.contains(id) { entry?.ids = [] }
            if record.serverVersion == 0 {
                // The handshake reply opens the connection's play, whatever the window: a
                // client cannot take frames without it.
                guard index[record.connection] == nil else { continue }
                index[record.connection] = connections.count
                connections.append(Connection(number: record.connection, handshakeReply: record.payload, steps: []))
                continue
            }
            guard let slot = index[record.connection], !after(to, record) else { continue }
            var delay: UInt64 = 0
            if case .times(let factor) = speed, !before(from, record), let last = previous,
               record.monotonicNanoseconds > last {
                delay = UInt64(Double(record.monotonicNanoseconds - last) / factor)
            }
            if connections[slot].steps.isEmpty { delay = 0 }
            previous = record.monotonicNanoseconds
            connections[slot].steps.append(Step(
                payload: record.payload, delayNanoseconds: delay, wallNanoseconds: record.wallNanoseconds,
                offsetNanoseconds: Int64(bitPattern: record.monotonicNanoseconds &- start),
                after: entry?.ids.lazy.compactMap { openedBy[record.connection]?[$0] }.first
                    ?? lastPlain[record.connection].flatMap { plain in
                        record.monotonicNanoseconds &- plain.at <= Self.plainAnswerWindow ? plain.request : nil
                    }))
        }
        self.connections = connections
        startWallNanoseconds = startWall
        durationNanoseconds = connections.flatMap(\.steps).map(\.offsetNanoseconds).max() ?? 0
        switch from {
        case nil: fromNanoseconds = 0
        case .offset(let seconds)?: fromNanoseconds = Int64(seconds * 1e9)
        case .wall(let nanoseconds)?: fromNanoseconds = max(0, nanoseconds - startWall)
        }
    }

    /// How long after a request naming no id a frame naming none counts as its answer
    /// (nanoseconds of recorded time): the gateway answers at once; a frame later than that is
    /// streamed data (account updates, an order's reports) that waits for nothing.
    public static let plainAnswerWindow: UInt64 = 1_000_000_000

    /// The records of the file's first run: up to a second `opened` record of connection 1
    /// (connections are numbered anew from 1 in each process).
    static func firstRun(_ records: [TraceRecord]) -> ArraySlice<TraceRecord> {
        var seenFirst = false
        for (offset, record) in records.enumerated() where record.kind == .opened && record.connection == 1 {
            if seenFirst { return records[..<offset] }
            seenFirst = true
        }
        return records[...]
    }

    /// The recorded wall time of the run's first record, when there is one.
    public static func firstWall(_ records: [TraceRecord]) -> Int64? {
        firstRun(records).first?.wallNanoseconds
    }
}

extension ReplaySchedule.Mark {
    /// Reads `--from`/`--to`: seconds since the run's first record (`90`, `2.5`), or a recorded
    /// wall time `HH:MM[:SS]` in a zone `offsetSeconds` east of UTC, on the day (in that zone)
    /// of the run's first record at `firstWall`. `nil` when it is neither.
    public init?(_ text: String, firstWall: Int64, offsetSeconds: Int) {
        if let seconds = Double(text), seconds.isFinite, seconds >= 0 {
            self = .offset(seconds: seconds)
            return
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              let hours = Int(parts[0]), (0 ..< 24).contains(hours),
              let minutes = Int(parts[1]), (0 ..< 60).contains(minutes) else { return nil }
        var seconds = 0
        if parts.count == 3 {
            guard let value = Int(parts[2]), (0 ..< 60).contains(value) else { return nil }
            seconds = value
        }
        let localFirst = Int64((Double(firstWall) / 1e9).rounded(.down)) + Int64(offsetSeconds)
        let dayStart = localFirst - ((localFirst % 86_400) + 86_400) % 86_400
        let local = dayStart + Int64(hours * 3600 + minutes * 60 + seconds)
        self = .wall(nanoseconds: (local - Int64(offsetSeconds)) * 1_000_000_000)
    }
}
