import Dashboard
import Foundation
import Logging
import Testing
import TWSClient
import TWSTrace

@testable import ibterm

/// The app's side of the flight recorder: the ring sized by `[trace]`, dumps named next to the
/// log, a `--trace` file that is no trace refused, and the recorder off when the config says so.
@Suite struct FlightRecordingTests {
    static let quiet = Logger(label: "test.quiet") { _ in SwiftLogNoOpLogHandler() }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-recording-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aDumpGoesNextToTheLogWithItsRecordsAndAFatalOneIsNamedSo() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var settings = RecorderSettings()
        settings.ringMegabytes = 2
        settings.ringMinutes = 3
        let recording = try FlightRecording.start(settings: settings, traceFile: nil, directory: folder, logger: Self.quiet)
        let recorder = try #require(recording.recorder)
        #expect(recorder.capacity == 2 << 20)
        #expect(recorder.maximumAge == .seconds(180))
        let connection = recorder.newConnection()
        recorder.record(.opened, connection: connection, text: "127.0.0.1:4002 client 1")
        recorder.record(.outbound, connection: connection, serverVersion: 200, payload: Array("49\u{0}1\u{0}".utf8)[...])

        guard case let .traceDumped(path?, records, nil) = recording.dump() else { Issue.record("no dump"); return }
        #expect(records == 2)
        #expect(URL(fileURLWithPath: path).deletingLastPathComponent().path == folder.path)
        #expect(URL(fileURLWithPath: path).lastPathComponent.hasPrefix("ibterm-dump-"))
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(TraceFileHeader.problem(in: bytes) == nil)
        #expect(TraceReader.items(of: bytes.dropFirst(TraceFileHeader.size)).count == 2)

        // A second dump in the same second gets a name of its own; a fatal one says so.
        guard case let .traceDumped(second?, _, nil) = recording.dump() else { Issue.record("no second dump"); return }
        #expect(second != path)
        guard case let .traceDumped(fatal?, _, nil) = recording.dump("fatal") else { Issue.record("no fatal dump"); return }
        #expect(URL(fileURLWithPath: fatal).lastPathComponent.hasPrefix("ibterm-fatal-"))
        #expect(await recording.finish() == nil)
    }

    @Test func offInTheConfigThereIsNoRecorderAndDumpSaysWhy() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var settings = RecorderSettings()
        settings.enabled = false
        let recording = try FlightRecording.start(settings: settings, traceFile: nil, directory: folder, logger: Self.quiet)
        #expect(recording.recorder == nil)
        #expect(recording.dump() == .traceDumped(path: nil, records: 0, failure: "the flight recorder is off ([trace] enabled = false)"))
    }

    @Test func aTraceFileThatIsNoTraceIsRefusedInWords() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notes = folder.appendingPathComponent("notes.txt")
        try Data("notes".utf8).write(to: notes)
        #expect {
            try FlightRecording.start(settings: RecorderSettings(), traceFile: notes.path, directory: folder, logger: Self.quiet)
        } throws: { error in
            "\(error)" == "--trace: \(notes.path) is not appended to: not an ibterm trace (no IBTRACE header)"
        }
        // `--trace` records even with the ring switched off in the config.
        var off = RecorderSettings()
        off.enabled = false
        let traced = try FlightRecording.start(
            settings: off, traceFile: folder.appendingPathComponent("run.trace").path, directory: folder, logger: Self.quiet)
        #expect(traced.recorder != nil && traced.file != nil)
        #expect(await traced.finish() == nil)
    }
}
