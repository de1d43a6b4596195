import ArgumentParser
import Foundation
import TWSClient
import TWSTrace

/// The flight recorder's cost per frame, alone: the ring's append, the recorder's (lock, both
/// clocks, append), and with a trace file written in the background.
struct RecorderBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recorder",
        abstract: "Nanoseconds per frame recorded by the flight recorder (ring, recorder, with a trace file).",
        discussion: """
            Records --frames frames of a tick-like mix (TICK_PRICE and TICK_SIZE payloads of 24 \
            to 40 bytes, one in ten an 80-byte message) one at a time, single-threaded: \
            TraceRing.append (encode and CRC-32 into the ring); FlightRecorder.record (plus the \
            lock and the monotonic and wall clock readings, as each outbound frame costs; an \
            inbound read pays the lock and clocks once for all its frames); the same with a \
            TraceFileWriter attached (the file in the temporary folder, written on its own \
            thread, whose time is not counted; records it had to drop are counted). The ring is \
            the default 16 MiB, so it wraps and evicts. Times are the recording thread's CPU \
            time (CLOCK_THREAD_CPUTIME_ID), so other programs on the machine do not inflate them. \
            Lines read `name: value unit`.
            """
    )

    @Option(help: "Frames to record per measurement.")
    var frames: Int = 2_000_000

    func run() throws {
        let payloads: [[UInt8]] = (0 ..< 64).map { index in
            let text = index % 10 == 9
                ? "5\u{0}\(index)\u{0}AAPL\u{0}STK\u{0}\u{0}0\u{0}\u{0}\u{0}SMART\u{0}USD\u{0}AAPL\u{0}NMS\u{0}BUY\u{0}100\u{0}LMT\u{0}231.20\u{0}"
                : index % 2 == 0 ? "1\u{0}6\u{0}\(1_000_000_000 + index)\u{0}1\u{0}231.\(index)\u{0}100\u{0}0\u{0}" : "2\u{0}\(1_000_000_000 + index)\u{0}0\u{0}\(index * 100)\u{0}"
            return Array(text.utf8)
        }
        let bytes = payloads.reduce(0) { $0 + $1.count } / payloads.count
        print("recorder: \(frames) frames, payload \(bytes) bytes on average (+\(TraceRecord.overhead) per record)")

        var ring = TraceRing(capacity: 16 << 20, maximumAge: .seconds(600))
        let ringTime = measure {
            for index in 0 ..< frames {
                payloads[index & 63].withUnsafeBytes {
                    _ = ring.append(kind: .inbound, serverVersion: 200, connection: 1, monotonic: UInt64(index), wall: 0, payload: $0)
                }
            }
        }
        print("recorder-ring-append: \(perFrame(ringTime)) ns/frame (\(ring.evicted) evicted)")

        let recorder = FlightRecorder()
        let recordTime = measure {
            for index in 0 ..< frames {
                payloads[index & 63].withUnsafeBytes { recorder.record(.inbound, connection: 1, serverVersion: 200, payload: $0) }
            }
        }
        print("recorder-record: \(perFrame(recordTime)) ns/frame")

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("recorder-bench-\(UUID().uuidString).trace").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try TraceFileWriter(path: path)
        let filed = FlightRecorder()
        filed.attach(file)
        let fileTime = measure {
            for index in 0 ..< frames {
                payloads[index & 63].withUnsafeBytes { filed.record(.inbound, connection: 1, serverVersion: 200, payload: $0) }
            }
        }
        let closed = DispatchSemaphore(value: 0)
        Task { await file.close(); closed.signal() }
        closed.wait()
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print("recorder-record-with-file: \(perFrame(fileTime)) ns/frame (\(file.droppedRecords) dropped, \(size / 1_000_000) MB written)")
    }

    /// The CPU time of this thread spent in `body` (not the wall time: on a busy machine the
    /// wall time counts other programs' turns too).
    private func measure(_ body: () -> Void) -> Duration {
        func now() -> Duration {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
        }
        let start = now()
        body()
        return now() - start
    }

    private func perFrame(_ duration: Duration) -> String {
        let nanoseconds = Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
        return String(format: "%.1f", nanoseconds / Double(frames))
    }
}
