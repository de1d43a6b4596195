/// A user-facing command that keys are bound to, named by its config-file string
/// (`move_up`, `buy`, `cancel_all`, ...).
import Dashboard

public struct KeyAction: RawRepresentable, Hashable, Sendable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The config-file name.
    public var rawValue: String

    /// Wraps a config-file name.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Wraps a config-file name written as a literal.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// Orders actions by name.
    public static func < (lhs: KeyAction, rhs: KeyAction) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// The config-file name.
    public var description: String { rawValue }

    /// Move the selection up.
    public static let moveUp: KeyAction = "move_up"
    /// Move the selection down.
    public static let moveDown: KeyAction = "move_down"
    /// Move left: focus the previous pane.
    public static let moveLeft: KeyAction = "move_left"
    /// Move right: focus the next pane.
    public static let moveRight: KeyAction = "move_right"
    /// Scroll a page up.
    public static let pageUp: KeyAction = "page_up"
    /// Scroll a page down.
    public static let pageDown: KeyAction = "page_down"
    /// Jump to the first row.
    public static let moveTop: KeyAction = "move_top"
    /// Jump to the last row.
    public static let moveBottom: KeyAction = "move_bottom"
    /// Focus the next pane.
    public static let nextPane: KeyAction = "next_pane"
    /// Focus the previous pane.
    public static let previousPane: KeyAction = "previous_pane"
    /// Confirm: move the order ticket edit → review → send, or accept a prompt.
    public static let confirm: KeyAction = "confirm"
    /// Back out of the ticket, prompt, overlay or command line.
    public static let back: KeyAction = "back"
    /// Open the ticket to buy the selected symbol.
    public static let buy: KeyAction = "buy"
    /// Open the ticket to sell the selected symbol.
    public static let sell: KeyAction = "sell"
    /// Cancel the selected order.
    public static let cancelOrder: KeyAction = "cancel_order"
    /// Cancel all working orders (after confirmation).
    public static let cancelAll: KeyAction = "cancel_all"
    /// Add a symbol to the watchlist.
    public static let addSymbol: KeyAction = "add_symbol"
    /// Remove the selected symbol from the watchlist.
    public static let removeSymbol: KeyAction = "remove_symbol"
    /// Show the help overlay.
    public static let help: KeyAction = "help"
    /// Open the `:` command line.
    public static let command: KeyAction = "command"
    /// Quit (asking first when orders are working).
    public static let quit: KeyAction = "quit"
    /// Retry the connection now instead of waiting for the next attempt.
    public static let retryConnection: KeyAction = "retry_connection"
    /// Switch the selected symbol, refused live data, to delayed data (watchlist pane).
    public static let delayedData: KeyAction = "delayed_data"
    /// Open the symbol search.
    public static let search: KeyAction = "search"
    /// Acknowledge the alerts that fired.
    public static let acknowledgeAlerts: KeyAction = "acknowledge_alerts"
    /// Modify the selected working order (orders pane).
    public static let modifyOrder: KeyAction = "modify_order"
    /// Close the selected position (positions pane).
    public static let closePosition: KeyAction = "close_position"
    /// Reverse the selected position (positions pane).
    public static let reversePosition: KeyAction = "reverse_position"
    /// Sort the watchlist by the next column or direction (watchlist pane).
    public static let sortWatchlist: KeyAction = "sort_watchlist"
    /// Show the next watchlist (watchlist pane).
    public static let nextWatchlist: KeyAction = "next_watchlist"
    /// Show the previous watchlist (watchlist pane).
    public static let previousWatchlist: KeyAction = "previous_watchlist"
    /// Show watchlist 1 to 9 by its digit key (watchlist pane).
    public static let showWatchlist: KeyAction = "show_watchlist"
    /// Pause a replay, or play it on (`ibterm replay`).
    public static let replayPause: KeyAction = "replay_pause"
    /// Pause a replay and move it one recorded second on.
    public static let replayStep: KeyAction = "replay_step"
    /// Jump a replay a minute back (it plays the recording again up to there).
    public static let replayBack: KeyAction = "replay_back"
    /// Jump a replay a minute on.
    public static let replayForward: KeyAction = "replay_forward"

    /// The pane an action belongs to, or `nil` for an action of every pane. A pane's action
    /// may share a key with an action of every pane, which it then shadows in that pane only
    /// (`r` reverses a position in the positions pane and retries the connection elsewhere).
    public var scope: Pane? {
        switch self {
        case .modifyOrder: .orders
        case .delayedData: .watchlist
        case .closePosition, .reversePosition: .positions
        case .sortWatchlist, .nextWatchlist, .previousWatchlist, .showWatchlist: .watchlist
        default: nil
        }
    }
}
