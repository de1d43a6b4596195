/// The command line's history and completion, the footer's notes, and config warnings at start.
extension DashboardState {
    /// Up/Down (`.recallCommand`) and Tab (`.completeCommand`) in the open command line;
    /// nothing elsewhere.
    mutating func editCommandLine(_ intent: UserIntent) -> [DashboardEffect] {
        guard case .commandLine(let line) = interface.overlay else { return [] }
        switch intent {
        case .recallCommand(let older):
            let recalled = older ? commandHistory.older(than: line) : commandHistory.newer(than: line)
            if let recalled {
                setOverlay(.commandLine(recalled))
            } else if older {
                showInFooter(commandHistory.lines.isEmpty ? "No commands run yet." : "No older command.")
            }
        case .completeCommand:
            let result = CommandCompletion.complete(line, symbols: completionSymbols)
            if result.line != line { setOverlay(.commandLine(result.line)) }
            if result.candidates.isEmpty {
                showInFooter("Nothing to complete.")
            } else if result.candidates.count > 1 {
                showInFooter("Tab: " + result.candidates.joined(separator: " "))
            }
        default:
            break
        }
        return []
    }

    /// The symbols Tab completes: the watchlist's and the positions', sorted.
    var completionSymbols: [String] {
        Set(watchlist.symbols).union(positions.keys).sorted()
    }

    /// Records a line run from the command line and asks the app to save the history.
    mutating func recordCommand(_ line: String) -> [DashboardEffect] {
        let before = commandHistory.lines
        commandHistory.record(line)
        return commandHistory.lines == before ? [] : [.saveCommandHistory(commandHistory.lines)]
    }

    /// The history saved by an earlier run, loaded at start.
    mutating func loadCommandHistory(_ lines: [String]) {
        commandHistory = CommandHistory(lines, capacity: commandHistory.capacity)
        changed = true
    }

    /// The configuration's warnings (unknown keys, bad values, key bindings that name nothing):
    /// one line each in the message log, and in the footer the first with how many there are.
    mutating func receiveConfigWarnings(_ warnings: [String]) {
        guard let first = warnings.first else { return }
        for warning in warnings {
            note(.configWarning, "Config warning", warning)
        }
        let more = warnings.count > 1 ? " (\(warnings.count) warnings, all in Messages)" : ""
        footer = FooterNote("Config warning: \(first)\(more)", severity: .warning, since: eventTime.instant,
                            duration: .seconds(10))
    }
}
