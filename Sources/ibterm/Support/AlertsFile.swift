import Dashboard
import Foundation

/// The trader's alerts between runs, as JSON in `$XDG_STATE_HOME/ibterm/alerts.json`.
struct AlertsFile: Sendable {
    /// Where the alerts are kept.
    let url: URL

    /// The saved alerts; none when the file is missing. A file that cannot be read is moved
    /// aside (`alerts.json.unreadable`) and said in the log, so the next save does not destroy
    /// what the trader set.
    func load(logger: (String) -> Void = { _ in }) -> [AlertRecord] {
        guard let data = try? Data(contentsOf: url) else { return [] }
        do {
            return try JSONDecoder().decode([AlertRecord].self, from: data)
        } catch {
            let aside = url.appendingPathExtension("unreadable")
            try? FileManager.default.removeItem(at: aside)
            try? FileManager.default.moveItem(at: url, to: aside)
            logger("alerts file \(url.path) unreadable (\(error)); moved to \(aside.lastPathComponent)")
            return []
        }
    }

    /// Replaces the file with `records` (written whole to a temporary file, then renamed).
    func save(_ records: [AlertRecord]) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(records).write(to: url, options: .atomic)
    }
}
