import Foundation
import Logging
import Vocabulary

/// A swift-log handler that appends one line per message to a file: logs never reach the
/// screen while the dashboard owns the terminal.
struct FileLogHandler: LogHandler {
    /// The open log file, shared by every logger of the process.
    typealias Sink = AppendOnlyFile

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
        let time = TimeText.iso8601(Timestamp(fractionalSecondsSinceEpoch: Date().timeIntervalSince1970), fractionalSeconds: true)
        sink.appendLine("\(time) \(event.level) \(label):\(fields) \(event.message)")
    }
}
