import Dashboard
import Foundation

/// The named watchlists between runs, as JSON in `$XDG_STATE_HOME/ibterm/watchlists.json`:
/// `{"active": "main", "lists": [{"name": "main", "symbols": ["AAPL", ...]}, ...]}`.
struct WatchlistsFile: Sendable {
    /// Where the lists are kept.
    let url: URL

    /// The saved lists; nil when the file is missing (a first start: the config's list) or
    /// unreadable (`problem` says why, so the app can log it and keep the config's list).
    func load() -> (lists: SavedWatchlists?, problem: String?) {
        guard FileManager.default.fileExists(atPath: url.path) else { return (nil, nil) }
        do {
            return (try JSONDecoder().decode(SavedWatchlists.self, from: Data(contentsOf: url)), nil)
        } catch {
            return (nil, "\(url.path) not read: \(error)")
        }
    }

    /// Replaces the file with `lists` (written whole to a temporary file, then renamed, so a
    /// crash leaves the old lists or the new ones, never half of either).
    func save(_ lists: SavedWatchlists) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(lists).write(to: url, options: .atomic)
    }
}
