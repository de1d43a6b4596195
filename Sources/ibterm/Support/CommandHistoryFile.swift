import Dashboard
import Foundation

/// The command line's history between runs: one command per line, oldest first, in
/// `$XDG_STATE_HOME/ibterm/command_history`, at most `CommandHistory.defaultCapacity` lines.
struct CommandHistoryFile: Sendable {
    /// Where the history is kept.
    let url: URL

    /// The saved lines, oldest first (the newest `CommandHistory.defaultCapacity`); none when
    /// the file is missing or unreadable (a history is a convenience, never a reason to stop).
    func load() -> [String] {
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else { return [] }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        return Array(lines.suffix(CommandHistory.defaultCapacity))
    }

    /// Replaces the file with `lines` (written whole to a temporary file, then renamed).
    func save(_ lines: [String]) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = lines.suffix(CommandHistory.defaultCapacity).map { $0 + "\n" }.joined()
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
