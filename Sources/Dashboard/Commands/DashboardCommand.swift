/// A command typed after `:`.
///
/// `buy|sell QTY SYMBOL [mkt | lmt PRICE | stp PRICE | stplmt STOP LIMIT] [gtc]`,
/// `explain CODE`, `theme NAME`, `add SYMBOL`, `remove SYMBOL`, `cancel ORDER_ID`, `cancelall`,
/// `modify ORDER_ID [qty|lmt|stp VALUE]`, `flatten SYMBOL|all`,
/// `help`, `q` / `quit`. `DashboardCommand.verbs` lists them for completion and refusals.
public enum DashboardCommand: Sendable, Hashable {
    /// An order line, parsed by `OrderTicketCommand` (the whole line, side first).
    case order(String)
    /// Show the catalog entry for a code.
    case explain(Int)
    /// Switch themes.
    case theme(String)
    /// Add a symbol to the watchlist.
    case add(String)
    /// Remove a symbol from the watchlist.
    case remove(String)
    /// Cancel one order by id.
    case cancel(Int)
    /// Cancel every working order (after confirmation).
    case cancelAll
    /// Modify working order `orderID`: open the ticket on it, with `field` set to `value`
    /// (then straight to review) when given.
    case modify(orderID: Int, field: TicketInputField?, value: String?)
    /// Close the position in a symbol, or every position when `nil` (`flatten all`).
    case flatten(String?)
    /// Sort the watchlist (`sort chg% desc`), or show it in its own order (`sort none`: nil).
    case sort(WatchlistSort?)
    /// A `wl` command: make, rename, delete or show a named watchlist.
    case watchlist(WatchlistCommand)
    /// Watch for a rule (`alert AAPL > 275`).
    case alert(AlertRule)
    /// Remove alert N (`alert rm N`).
    case removeAlert(Int)
    /// List the alerts.
    case alerts
    /// Acknowledge the alerts that fired.
    case acknowledgeAlerts
    /// Write the flight recorder's last minutes to a file next to the log.
    case dump
    /// Show the help overlay.
    case help
    /// Quit (after confirmation when orders are working).
    case quit

    /// Parses a command line (without the leading `:`).
    /// - Returns: the command, or a sentence saying what is wrong.
    public static func parse(_ line: String) -> Result<DashboardCommand, CommandLineError> {
        let trimmed = line.trimmingPrefix(":")
        let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let verb = words.first?.lowercased() else {
            return .failure(CommandLineError("Type a command, e.g. 'buy 100 AAPL lmt 231.20' or 'explain 354'."))
        }
        let argument = words.dropFirst().first
        switch verb {
        case "buy", "sell": return .success(.order(words.joined(separator: " ")))
        case "q", "quit": return .success(.quit)
        case "help", "?": return .success(.help)
        case "cancelall": return .success(.cancelAll)
        case "dump": return .success(.dump)
        case "explain":
            guard let argument, let code = Int(argument) else {
                return .failure(CommandLineError("Give a message code: 'explain 354'."))
            }
            return .success(.explain(code))
        case "theme":
            guard let argument else { return .failure(CommandLineError("Give a theme name: 'theme light'.")) }
            return .success(.theme(argument))
        case "add":
            guard let argument else { return .failure(CommandLineError("Give a symbol: 'add AAPL'.")) }
            return .success(.add(argument))
        case "remove", "rm", "del":
            guard let argument else { return .failure(CommandLineError("Give a symbol: 'remove AAPL'.")) }
            return .success(.remove(argument))
        case "cancel":
            guard let argument, let id = Int(argument) else {
                return .failure(CommandLineError("Give an order id: 'cancel 12', or use 'cancelall'."))
            }
            return .success(.cancel(id))
        case "modify", "mod":
            return parseModify(Array(words.dropFirst()))
        case "sort":
            return parseSort(Array(words.dropFirst()))
        case "wl", "watchlist":
            return parseWatchlist(Array(words.dropFirst()))
        case "alert":
            if let argument, ["rm", "remove", "del"].contains(argument.lowercased()) {
                guard words.count == 3, let number = Int(words[2]) else {
                    return .failure(CommandLineError("Give the alert's number: 'alert rm 2' (':alerts' lists them)."))
                }
                return .success(.removeAlert(number))
            }
            return AlertRule.parse(words.dropFirst().joined(separator: " ")).map { .alert($0) }
        case "alerts": return .success(.alerts)
        case "ack": return .success(.acknowledgeAlerts)
        case "flatten", "close":
            guard let argument else {
                return .failure(CommandLineError("Give a symbol or 'all': 'flatten AAPL', 'flatten all'."))
            }
            return .success(.flatten(argument.lowercased() == "all" ? nil : argument))
        default:
            return .failure(CommandLineError(unknownVerbMessage(verb)))
        }
    }
}

extension DashboardCommand {
    /// `modify ID [qty|lmt|stp VALUE]`.
    static func parseModify(_ words: [String]) -> Result<DashboardCommand, CommandLineError> {
        let usage = "'modify ID' opens the ticket on a working order; 'modify 12 lmt 231.50', 'modify 12 stp 228', 'modify 12 qty 200' go straight to review."
        guard let first = words.first, let orderID = Int(first) else {
            return .failure(CommandLineError("Give an order id: \(usage)"))
        }
        guard words.count > 1 else { return .success(.modify(orderID: orderID, field: nil, value: nil)) }
        let field: TicketInputField
        switch words[1].lowercased() {
        case "qty", "quantity", "q": field = .quantity
        case "lmt", "limit", "l": field = .limitPrice
        case "stp", "stop", "s": field = .stopPrice
        default:
            return .failure(CommandLineError("'\(words[1])' is not a field of an order; use qty, lmt or stp: \(usage)"))
        }
        guard words.count == 3 else {
            return .failure(CommandLineError("Give one new value after '\(words[1])': \(usage)"))
        }
        return .success(.modify(orderID: orderID, field: field, value: words[2]))
    }
}

extension DashboardCommand {
    /// `sort COLUMN [asc|desc]`, `sort none`.
    static func parseSort(_ words: [String]) -> Result<DashboardCommand, CommandLineError> {
        let columns = WatchlistColumn.allCases.map(\.rawValue).joined(separator: ", ")
        guard let first = words.first else {
            return .failure(CommandLineError("Give a column: 'sort chg% desc', 'sort symbol', 'sort none' (columns: \(columns))."))
        }
        if first.lowercased() == "none" || first.lowercased() == "off" {
            return words.count == 1 ? .success(.sort(nil)) : .failure(CommandLineError("'sort none' takes nothing after it."))
        }
        guard let column = WatchlistColumn(name: first) else {
            return .failure(CommandLineError("'\(first)' is not a watchlist column; columns are \(columns)."))
        }
        guard words.count <= 2 else { return .failure(CommandLineError("Give a column and asc or desc: 'sort chg% desc'.")) }
        switch words.dropFirst().first?.lowercased() {
        case nil: return .success(.sort(WatchlistSort(column, descending: column.sortsDescendingFirst)))
        case "asc", "up": return .success(.sort(WatchlistSort(column, descending: false)))
        case "desc", "down": return .success(.sort(WatchlistSort(column, descending: true)))
        case let other?: return .failure(CommandLineError("'\(other)' is not a direction; use asc or desc."))
        }
    }

    /// `wl new NAME`, `wl rename NAME`, `wl delete`, `wl NAME`.
    static func parseWatchlist(_ words: [String]) -> Result<DashboardCommand, CommandLineError> {
        let usage = "'wl new NAME', 'wl rename NAME', 'wl delete' or 'wl NAME' to show one"
        guard let first = words.first else { return .failure(CommandLineError("Say what to do: \(usage).")) }
        let rest = words.dropFirst().joined(separator: " ")
        switch first.lowercased() {
        case "new", "add", "create":
            guard !rest.isEmpty else { return .failure(CommandLineError("Give the new list a name: 'wl new tech'.")) }
            return .success(.watchlist(.create(rest)))
        case "rename", "mv":
            guard !rest.isEmpty else { return .failure(CommandLineError("Give the new name: 'wl rename tech'.")) }
            return .success(.watchlist(.rename(rest)))
        case "delete", "del", "rm":
            guard rest.isEmpty else { return .failure(CommandLineError("'wl delete' deletes the list shown; switch to it first.")) }
            return .success(.watchlist(.delete))
        default:
            guard words.count == 1 else { return .failure(CommandLineError("Not understood: \(usage).")) }
            return .success(.watchlist(.show(first)))
        }
    }
}

/// Why a command line could not be run.
public struct CommandLineError: Error, Sendable, Hashable {
    /// A sentence for the trader.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }
}
