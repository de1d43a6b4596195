import Foundation
import Logging
import Synchronization

/// A swift-log handler that appends one line per message to a file: logs never reach the
/// screen while the dashboard owns the terminal.
struct FileLogHandler: LogHandler {
    /// The open log file, shared by every logger of the process.
    final class Sink: Sendable {
        private let descriptor: Mutex<Int32>

        /// Opens (creating the directory and file if needed) `url` for appending.
        init(url: URL) throws {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let fd = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path]) }
            descriptor = Mutex(fd)
        }

        deinit { descriptor.withLock { _ = close($0) } }

        /// Appends one line; a single `write` with O_APPEND keeps lines whole.
        func write(_ line: String) {
            var bytes = Array(line.utf8)
            bytes.append(UInt8(ascii: "\n"))
            descriptor.withLock { fd in _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } }
        }
    }

    let label: String
    let sink: Sink
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let fields = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let time = Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
        sink.write("\(time) \(event.level) \(label):\(fields) \(event.message)")
    }
}
