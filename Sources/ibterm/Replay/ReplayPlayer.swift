import Dashboard
import Foundation
import TWSTrace
import Vocabulary

/// The replay's time line shared by the stand-in gateway's threads and the dashboard: the pure
/// ``ReplayTransport`` under a lock, on this machine's monotonic clock. The gateway's player
/// thread waits in ``waitUntilDue(_:token:)`` until a frame is due (woken at once by the
/// trader's pause, step or jump); the dashboard reads ``progress()`` and sends ``control(_:)``.
final class ReplayPlayer: @unchecked Sendable {
    private let condition = NSCondition()
    private var transport: ReplayTransport
    /// The recorded connection the next accepted connection plays.
    private var nextConnection = 0
    private var stopped = false
    private let startWall: Int64

    /// Starts the time line of `schedule` at its `from`.
    init(schedule: ReplaySchedule, speed: ReplaySchedule.Speed) {
        transport = ReplayTransport(
            speed: speed, durationNanoseconds: schedule.durationNanoseconds, from: schedule.fromNanoseconds, now: Self.now())
        startWall = schedule.startWallNanoseconds
    }

    /// This machine's monotonic clock, in nanoseconds.
    static func now() -> UInt64 {
        DispatchTime.now().uptimeNanoseconds
    }

    /// The recorded connection a newly accepted connection plays, and the rewind count it
    /// plays under (a rewind ends it).
    func beginConnection() -> (index: Int, token: Int) {
        condition.lock()
        defer { condition.unlock() }
        let index = nextConnection
        nextConnection += 1
        return (index, transport.rewinds)
    }

    /// What a wait for a frame ended with.
    enum Due {
        /// The frame is due: send it.
        case due
        /// Not yet, and the wait's limit passed.
        case notYet
        /// The replay was rewound (or stopped): the connection playing ends.
        case rewound
    }

    /// Waits until the frame recorded at `offset` is due, at most `seconds` when given; a
    /// rewind (or stop) under another `token` than the connection's ends the wait.
    func waitUntilDue(_ offset: Int64, token: Int, atMost seconds: Double? = nil) -> Due {
        // NSCondition cannot wait until `.distantFuture` (its timespec overflows): no limit is
        // a plain wait.
        let limit = seconds.map { Date(timeIntervalSinceNow: $0) }
        let deadline = limit ?? .distantFuture
        condition.lock()
        defer { condition.unlock() }
        while true {
            if stopped || transport.rewinds != token { return .rewound }
            let decision = transport.decide(frameAt: offset, now: Self.now())
            if decision == .send { return .due }
            if Date() >= deadline { return .notYet }
            switch decision {
            case .wait(let nanoseconds):
                _ = condition.wait(until: min(Date(timeIntervalSinceNow: Double(nanoseconds) / 1e9), deadline))
            case .hold, .send:
                if let limit { _ = condition.wait(until: limit) } else { condition.wait() }
            }
        }
    }

    /// The frame recorded at `offset` went out.
    func sent(_ offset: Int64) {
        condition.lock()
        transport.sent(frameAt: offset)
        condition.unlock()
    }

    /// Holds the last connection open until the replay is rewound or stopped.
    func waitForRewind(token: Int) {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, transport.rewinds == token { condition.wait() }
    }

    /// The trader's pause, step or jump; a jump back makes the next connection play the
    /// recording from its first connection.
    func control(_ control: ReplayControl) {
        let command: ReplayTransport.Command = switch control {
        case .togglePause: .togglePause
        case .step: .step
        case .jump(let seconds): .jump(seconds: Double(seconds))
        }
        condition.lock()
        if transport.apply(command, at: Self.now()) { nextConnection = 0 }
        condition.broadcast()
        condition.unlock()
    }

    /// Ends every wait.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// The recorded wall time of the last frame sent (the playhead's before any): the
    /// dashboard's clock, so what a frame brings is stamped with when it happened, also when a
    /// jump plays frames at once.
    func clock() -> Timestamp {
        condition.lock()
        defer { condition.unlock() }
        let offset = min(transport.lastSent ?? .max, transport.playhead(at: Self.now()))
        return Timestamp(millisecondsSinceEpoch: (startWall + offset) / 1_000_000)
    }

    /// Where the replay stands now, in recorded wall time.
    func progress() -> ReplayProgress {
        condition.lock()
        defer { condition.unlock() }
        func wall(_ offset: Int64) -> Timestamp {
            Timestamp(millisecondsSinceEpoch: (startWall + offset) / 1_000_000)
        }
        return ReplayProgress(
            position: wall(transport.playhead(at: Self.now())), start: wall(0), end: wall(transport.durationNanoseconds),
            isPaused: transport.isPaused, rewinds: transport.rewinds)
    }
}
