import Foundation
import Synchronization
import TWSWire

/// Reads an attacker's connection on a thread of its own until the gateway closes it (or
/// ``stop()``), and counts what came back: messages by kind, errors by code, history bars.
final class AnswerCounter: Sendable {
    /// What was read so far.
    struct Counts: Sendable {
        var bytes = 0
        var messages = 0
        var currentTimes = 0
        /// MARKET_DATA_TYPE: the first answer to every reqMktData the gateway serves.
        var subscriptions = 0
        var contractDetails = 0
        var historicalAnswers = 0
        var historicalBars = 0
        var largestHistoricalAnswer = 0
        var errors: [Int: Int] = [:]
        var closed = false
        var closedAt: ContinuousClock.Instant?
        var lastReadAt: ContinuousClock.Instant?

        /// `100 × 3, 101 × 9900`.
        var errorSummary: String {
            errors.isEmpty ? "none" : errors.sorted { $0.key < $1.key }.map { "\($0.key) × \($0.value)" }.joined(separator: ", ")
        }
    }

    private let counts = Mutex(Counts())
    private let stopped = Atomic<Bool>(false)
    private let finished = Atomic<Bool>(false)

    /// Starts reading `socket` (which the counter owns from now on; others may still write to
    /// its descriptor).
    init(_ socket: FloodSocket) {
        let box = SocketBox(socket)
        Thread.detachNewThread { [self] in
            read(box.take())
            finished.store(true, ordering: .releasing)
        }
    }

    /// What was read so far.
    var current: Counts { counts.withLock { $0 } }

    /// Waits until `condition` holds, the connection closed, or `timeout` passed; the counts then.
    func wait(timeout: Duration, until condition: (Counts) -> Bool) -> Counts {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let now = current
            if now.closed || condition(now) { return now }
            usleep(10_000)
        }
        return current
    }

    /// Waits until nothing arrived for `quiet` (or the connection closed), at most `timeout`.
    func waitForQuiet(_ quiet: Duration, timeout: Duration) -> Counts {
        let start = ContinuousClock.now
        return wait(timeout: timeout) { counts in
            ContinuousClock.now - (counts.lastReadAt ?? start) >= quiet
        }
    }

    /// Stops reading and waits (at most 5 s) for the thread to end.
    func stop() {
        stopped.store(true, ordering: .relaxed)
        let deadline = ContinuousClock.now + .seconds(5)
        while !finished.load(ordering: .acquiring), ContinuousClock.now < deadline { usleep(5_000) }
    }

    private func read(_ socket: FloodSocket) {
        while !stopped.load(ordering: .relaxed) {
            let messages: [ServerMessage]?
            do {
                messages = try socket.read(timeout: .milliseconds(50))
            } catch {
                messages = nil
            }
            guard let messages else {
                counts.withLock {
                    $0.closed = true
                    $0.closedAt = .now
                }
                return
            }
            let bytes = socket.receivedBytes
            counts.withLock { counts in
                if bytes > counts.bytes { counts.lastReadAt = .now }
                counts.bytes = bytes
                counts.messages += messages.count
                for message in messages {
                    switch message {
                    case .currentTime: counts.currentTimes += 1
                    case .marketDataType: counts.subscriptions += 1
                    case .contractData: counts.contractDetails += 1
                    case let .historicalData(answer):
                        counts.historicalAnswers += 1
                        counts.historicalBars += answer.bars.count
                        counts.largestHistoricalAnswer = max(counts.largestHistoricalAnswer, answer.bars.count)
                    case let .error(error): counts.errors[error.code, default: 0] += 1
                    default: break
                    }
                }
            }
        }
    }
}
