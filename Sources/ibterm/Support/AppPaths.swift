import Foundation

/// Where ibterm keeps its files, following the XDG base-directory conventions.
struct AppPaths: Sendable {
    /// `$XDG_CONFIG_HOME/ibterm` (default `~/.config/ibterm`).
    var configDirectory: URL
    /// `$XDG_DATA_HOME/ibterm` (default `~/.local/share/ibterm`): the paper account, the journal.
    var dataDirectory: URL
    /// `$XDG_STATE_HOME/ibterm` (default `~/.local/state/ibterm`): logs, the command history.
    var stateDirectory: URL

    /// Resolves the directories from an environment (the process's by default).
    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory(), isDirectory: true)
        func base(_ variable: String, _ fallback: String) -> URL {
            if let value = environment[variable], value.hasPrefix("/") { return URL(fileURLWithPath: value, isDirectory: true) }
            return home.appendingPathComponent(fallback, isDirectory: true)
        }
        configDirectory = base("XDG_CONFIG_HOME", ".config").appendingPathComponent("ibterm", isDirectory: true)
        dataDirectory = base("XDG_DATA_HOME", ".local/share").appendingPathComponent("ibterm", isDirectory: true)
        stateDirectory = base("XDG_STATE_HOME", ".local/state").appendingPathComponent("ibterm", isDirectory: true)
    }

    /// The default configuration file.
    var configFile: URL { configDirectory.appendingPathComponent("config.toml") }
    /// The default log file.
    var logFile: URL { stateDirectory.appendingPathComponent("ibterm.log") }
    /// The command line's history between runs.
    var commandHistoryFile: URL { stateDirectory.appendingPathComponent("command_history") }
    /// The named watchlists, saved at every change and restored at start.
    var watchlistsFile: URL { stateDirectory.appendingPathComponent("watchlists.json") }
    /// The trader's alerts.
    var alertsFile: URL { stateDirectory.appendingPathComponent("alerts.json") }
    /// The default journal of orders, statuses, executions and messages.
    var journalFile: URL { dataDirectory.appendingPathComponent("journal.jsonl") }
}
