import Synchronization
import TWSClient
import Vocabulary

/// The dashboard's monotonic clock during a replay: this machine's, standing still while the
/// trader has the replay paused. The client stamps each tick with it and the dashboard judges
/// freshness by it, so a paused replay keeps every quote at the age it had when paused, as the
/// recording stood at that moment, instead of letting it go stale.
final class ReplayClock: TWSClock {
    private let system = SystemTWSClock()
    /// Time spent paused before the current pause, and when the current one began.
    private let pauses = Mutex<(total: Duration, since: SessionInstant?)>((.zero, nil))

    /// Starts or ends a pause (called when the trader's key changes it).
    func setPaused(_ paused: Bool) {
        let raw = system.now()
        pauses.withLock { pauses in
            if paused, pauses.since == nil {
                pauses.since = raw
            } else if !paused, let since = pauses.since {
                pauses.total += since.duration(to: raw)
                pauses.since = nil
            }
        }
    }

    /// This machine's monotonic time less every pause, the current one included.
    func now() -> SessionInstant {
        let raw = system.now()
        let paused = pauses.withLock { pauses in pauses.total + (pauses.since.map { $0.duration(to: raw) } ?? .zero) }
        return raw - paused
    }

    /// Sleeps until the replay clock reaches `deadline` (longer when a pause comes between).
    func sleep(until deadline: SessionInstant) async throws {
        while true {
            let remaining = now().duration(to: deadline)
            if remaining <= .zero { return }
            try await Task.sleep(for: min(remaining, .milliseconds(250)))
        }
    }
}
