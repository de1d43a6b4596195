import Foundation
import Histogram
import Synchronization
import TWSWire

/// The well-behaved client of the flood benchmark: on its own thread and connection it sends
/// reqCurrentTime every ``interval`` and times the round trip to CURRENT_TIME, while an
/// attacker floods the same gateway.
///
/// A probe waits for its answer before the next one is sent, so a stalled gateway shows as one
/// long round trip (and the probes it delays are not sent), never as a queue of short ones.
final class LatencyProbe: Sendable {
    /// One round trip: when the request was written and how long the answer took (`nil`: no
    /// answer within the timeout, or the connection closed).
    struct Sample: Sendable {
        var sentAt: ContinuousClock.Instant
        var roundTrip: Duration?
    }

    /// Time between two probes' starts.
    let interval: Duration
    private let samples = Mutex<[Sample]>([])
    private let stopped = Atomic<Bool>(false)
    private let finished = Atomic<Bool>(false)

    /// Connects as `clientId`, waits for the gateway's greeting and starts probing.
    init(port: Int, clientId: Int, interval: Duration = .milliseconds(100)) throws {
        self.interval = interval
        guard let socket = try FloodSocket.ready(port: port, clientId: clientId) else {
            throw BenchFailure("the probe client was refused by the gateway")
        }
        let box = SocketBox(socket)
        Thread.detachNewThread { [self] in
            run(box.take())
            finished.store(true, ordering: .releasing)
        }
    }

    /// Stops probing and waits (at most 10 s) for the thread to end.
    func stop() {
        stopped.store(true, ordering: .relaxed)
        let deadline = ContinuousClock.now + .seconds(10)
        while !finished.load(ordering: .acquiring), ContinuousClock.now < deadline { usleep(5_000) }
    }

    /// The probes sent in `window`.
    func samples(in window: Range<ContinuousClock.Instant>) -> [Sample] {
        samples.withLock { $0.filter { window.contains($0.sentAt) } }
    }

    private func run(_ socket: FloodSocket) {
        let clock = ContinuousClock()
        var next = clock.now
        while !stopped.load(ordering: .relaxed) {
            let now = clock.now
            if now < next {
                Thread.sleep(forTimeInterval: BenchSetup.seconds(next - now))
                continue
            }
            next = now + interval
            let sentAt = clock.now
            guard socket.send(.requestCurrentTime) else {
                samples.withLock { $0.append(Sample(sentAt: sentAt, roundTrip: nil)) }
                return
            }
            let answered = waitForCurrentTime(socket, deadline: sentAt + .seconds(10))
            let roundTrip = answered ? clock.now - sentAt : nil
            samples.withLock { $0.append(Sample(sentAt: sentAt, roundTrip: roundTrip)) }
            if !answered { return }
        }
    }

    private func waitForCurrentTime(_ socket: FloodSocket, deadline: ContinuousClock.Instant) -> Bool {
        let clock = ContinuousClock()
        while clock.now < deadline {
            guard let messages = try? socket.read(timeout: deadline - clock.now) else { return false }
            if messages.contains(where: { if case .currentTime = $0 { true } else { false } }) { return true }
        }
        return false
    }
}

/// Round-trip figures of a probe window.
struct ProbeFigures {
    /// Round trips, nanoseconds.
    var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
    /// Probes that got no answer (timeout or closed connection).
    var unanswered = 0

    init(_ samples: [LatencyProbe.Sample]) {
        for sample in samples {
            guard let roundTrip = sample.roundTrip else { unanswered += 1; continue }
            _ = histogram.record(TickLatencies.nanoseconds(roundTrip))
        }
    }

    /// `p50 0.21 ms, p99 1.30 ms, max 4.10 ms (200 probes, 0 unanswered)`.
    var summary: String {
        func ms(_ nanoseconds: UInt64) -> String { String(format: "%.2f ms", Double(nanoseconds) / 1e6) }
        guard histogram.totalCount > 0 else { return "no answers (\(unanswered) unanswered)" }
        return "p50 \(ms(histogram.valueAtPercentile(50))), p99 \(ms(histogram.valueAtPercentile(99))), "
            + "max \(ms(histogram.max)) (\(histogram.totalCount) probes, \(unanswered) unanswered)"
    }
}

/// Hands a non-Sendable socket to the one thread that uses it from then on.
final class SocketBox: @unchecked Sendable {
    private var socket: FloodSocket?
    init(_ socket: FloodSocket) { self.socket = socket }
    /// The socket; called once, by the thread that owns it from then on.
    func take() -> FloodSocket {
        defer { socket = nil }
        return socket!
    }
}
