import Dashboard
import Foundation

/// Appends journal entries (JSON lines) to a file that survives restarts: what was sent, and
/// what happened.
final class JournalWriter: Sendable {
    private let file: AppendOnlyFile

    /// Opens `url` for appending, creating it and its folder if needed.
    init(url: URL) throws {
        file = try AppendOnlyFile(url: url)
    }

    /// Appends one entry as one line.
    func append(_ entry: JournalEntry) {
        guard let line = try? entry.jsonLine() else { return }
        file.appendLine(line)
    }
}
