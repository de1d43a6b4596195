import Foundation
import Synchronization

/// Samples a process's resident memory (VmRSS, `/proc/PID/status`) every ``interval`` on its
/// own thread and keeps the highest sample since the last ``resetPeak()``.
///
/// VmRSS rather than the kernel's high-water mark (VmHWM): the mark cannot be reset, and the
/// baseline of each flood is the process after its start-up, not its start-up itself.
final class MemorySampler: Sendable {
    /// Time between two samples.
    let interval: Duration
    private let probe: ProcessProbe
    private let peakBytes = Atomic<Int>(0)
    private let samples = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)

    /// Starts sampling `pid`.
    init(pid: Int32, interval: Duration = .milliseconds(20)) {
        self.interval = interval
        probe = ProcessProbe(pid: pid)
        Thread.detachNewThread { [self] in
            while !stopped.load(ordering: .relaxed) {
                if let resident = try? probe.memory().resident {
                    _ = peakBytes.max(resident, ordering: .relaxed)
                    samples.add(1, ordering: .relaxed)
                }
                Thread.sleep(forTimeInterval: BenchSetup.seconds(interval))
            }
        }
    }

    /// Resident memory now, in bytes.
    func resident() throws -> Int {
        let now = try probe.memory().resident
        _ = peakBytes.max(now, ordering: .relaxed)
        return now
    }

    /// The highest sample since the last reset, in bytes.
    var peak: Int { peakBytes.load(ordering: .relaxed) }

    /// Samples taken so far.
    var sampleCount: Int { samples.load(ordering: .relaxed) }

    /// Starts a new peak at the resident memory now.
    func resetPeak() throws {
        peakBytes.store(try probe.memory().resident, ordering: .relaxed)
    }

    /// Stops the sampling thread.
    func stop() {
        stopped.store(true, ordering: .relaxed)
    }
}

