import Synchronization
import TWSClient
import TWSSession

/// A ``TWSClock`` that moves only when the test advances it; sleepers wake when their
/// deadline is reached.
final class ManualClock: TWSClock {
    private struct State {
        var now = SessionInstant.origin
        var sleepers: [Int: (deadline: SessionInstant, continuation: CheckedContinuation<Void, any Error>)] = [:]
        var cancelled: Set<Int> = []
        var nextID = 0
        /// How far every reading moves the clock (zero: only ``advance(by:)`` moves it).
        var stepPerReading: Duration = .zero
    }

    private let state = Mutex(State())

    func now() -> SessionInstant {
        state.withLock { state in
            defer { state.now = state.now + state.stepPerReading }
            return state.now
        }
    }

    /// Makes every later reading a little later than the one before, as a real clock is, so a
    /// test can tell which reading an instant came from.
    func stepEveryReading(by step: Duration) {
        state.withLock { $0.stepPerReading = step }
    }

    func sleep(until deadline: SessionInstant) async throws {
        let id = state.withLock { state -> Int in
            defer { state.nextID += 1 }
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome = state.withLock { state -> Result<Void, any Error>? in
                    if state.cancelled.remove(id) != nil { return .failure(CancellationError()) }
                    if deadline <= state.now { return .success(()) }
                    state.sleepers[id] = (deadline, continuation)
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let sleeper = state.withLock { state in
                let sleeper = state.sleepers.removeValue(forKey: id)
                if sleeper == nil { state.cancelled.insert(id) }
                return sleeper
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward and wakes every sleeper whose deadline has come.
    func advance(by duration: Duration) {
        let due = state.withLock { state in
            state.now = state.now + duration
            let now = state.now
            let due = state.sleepers.filter { $0.value.deadline <= now }
            for id in due.keys { state.sleepers[id] = nil }
            return due.values.map(\.continuation)
        }
        for continuation in due { continuation.resume() }
    }
}
