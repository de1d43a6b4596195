import Foundation
import Synchronization
import TWSClient

/// `--trace FILE` of the one-shot commands: one flight recorder for the process (a small ring:
/// the file is what counts), every client the command connects records into it, and the file is
/// written out when the command ends (`runReportingFailures`).
enum CommandTrace {
    private struct Open: Sendable {
        var recorder: FlightRecorder
        var file: TraceFileWriter
    }

    private static let open = Mutex<Open?>(nil)

    /// The recorder for `path`, opening the file the first time; `nil` without `--trace`.
    /// - Throws: a ``CommandFailure`` when the file cannot be opened or is not a trace.
    static func start(_ path: String?) throws(CommandFailure) -> FlightRecorder? {
        guard let path else { return nil }
        if let current = open.withLock({ $0 }) { return current.recorder }
        let file: TraceFileWriter
        do {
            file = try TraceFileWriter(path: path)
        } catch {
            throw CommandFailure("--trace: \(error.description)")
        }
        let recorder = FlightRecorder(capacity: 1 << 20)
        recorder.attach(file)
        open.withLock { $0 = Open(recorder: recorder, file: file) }
        return recorder
    }

    /// The recorder of this command, if `--trace` was given and a client connected.
    static var recorder: FlightRecorder? { open.withLock { $0?.recorder } }

    /// Writes out what waits and closes the file; says on stderr when records were lost.
    static func finish() async {
        guard let current = open.withLock({ state in defer { state = nil }; return state }) else { return }
        current.recorder.attach(nil)
        await current.file.close()
        if let failure = current.file.failure {
            FileHandle.standardError.write(Data("ibterm: trace \(current.file.path): \(failure)\n".utf8))
        } else if current.file.droppedRecords > 0 {
            FileHandle.standardError.write(Data("ibterm: trace \(current.file.path): \(current.file.droppedRecords) records dropped (the disk did not keep up)\n".utf8))
        }
    }
}
