import Dashboard
import Foundation
import Logging
import TWSClient
import TWSTrace
import Vocabulary

/// The dashboard's flight recorder as the app runs it: the ring sized by `[trace]`, the
/// `--trace FILE` writer, the crash dump armed next to the log, and the dumps `:dump` and a
/// fatal error write there (`ibterm-dump-YYYYMMDD-HHMMSS.trace`).
struct FlightRecording: Sendable {
    /// The recorder the client records into; `nil` when `[trace] enabled = false` and no `--trace`.
    let recorder: FlightRecorder?
    /// The `--trace` file's writer, if one was asked for.
    let file: TraceFileWriter?
    /// Where dumps go: the log's folder.
    let directory: URL
    let logger: Logger

    /// Starts recording as `settings` and `traceFile` say.
    /// - Throws: `AppFailure` when the trace file cannot be opened or is not a trace.
    static func start(settings: RecorderSettings, traceFile: String?, directory: URL, logger: Logger) throws -> FlightRecording {
        guard settings.enabled || traceFile != nil else {
            logger.info("flight recorder off ([trace] enabled = false)")
            return FlightRecording(recorder: nil, file: nil, directory: directory, logger: logger)
        }
        let recorder = FlightRecorder(capacity: settings.ringMegabytes << 20, maximumAge: .seconds(settings.ringMinutes * 60))
        var file: TraceFileWriter?
        if let traceFile {
            do {
                file = try TraceFileWriter(path: traceFile)
            } catch {
                throw AppFailure("--trace: \(error.description)")
            }
            recorder.attach(file)
        }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let crashPath = directory.appendingPathComponent("ibterm-crash-\(stamp(Date()))-\(getpid()).trace").path
        if !recorder.installCrashDump(path: crashPath) { logger.warning("no crash dump: the path \(crashPath) is too long") }
        logger.info("flight recorder on: \(settings.ringMinutes) min / \(settings.ringMegabytes) MiB ring\(traceFile.map { ", every record to \($0)" } ?? ""); a crash writes \(crashPath)")
        return FlightRecording(recorder: recorder, file: file, directory: directory, logger: logger)
    }

    /// Writes the ring next to the log; the event says where (or why not).
    func dump(_ kind: String = "dump") -> DashboardEvent {
        guard let recorder else {
            return .traceDumped(path: nil, records: 0, failure: "the flight recorder is off ([trace] enabled = false)")
        }
        let bytes = recorder.snapshot()
        let records = recorder.statistics.records
        var url = directory.appendingPathComponent("ibterm-\(kind)-\(Self.stamp(Date())).trace")
        var suffix = 2
        while FileManager.default.fileExists(atPath: url.path) {
            url = directory.appendingPathComponent("ibterm-\(kind)-\(Self.stamp(Date()))-\(suffix).trace")
            suffix += 1
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            logger.error("trace dump failed: \(error)")
            return .traceDumped(path: url.path, records: 0, failure: "cannot write \(url.path): \(error.localizedDescription)")
        }
        logger.info("trace dump: \(records) records to \(url.path)")
        return .traceDumped(path: url.path, records: records, failure: nil)
    }

    /// Closes the trace file; a sentence when records were dropped or writing failed.
    func finish() async -> String? {
        guard let file else { return nil }
        recorder?.attach(nil)
        await file.close()
        if let failure = file.failure { return "trace \(file.path): \(failure); \(file.droppedRecords) records not written" }
        if file.droppedRecords > 0 { return "trace \(file.path): \(file.droppedRecords) records dropped (the disk did not keep up)" }
        return nil
    }

    /// `YYYYMMDD-HHMMSS` in UTC.
    static func stamp(_ date: Date) -> String {
        TimeText.dateTime(Timestamp(fractionalSecondsSinceEpoch: date.timeIntervalSince1970))
            .replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: ":", with: "")
    }
}
