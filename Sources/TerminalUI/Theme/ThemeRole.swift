/// A semantic role a cell plays on screen. Views ask the theme for a role's style and never
/// name raw colours. Raw values are the keys used in theme files.
public enum ThemeRole: String, CaseIterable, Hashable, Sendable {
    /// Ordinary text.
    case text
    /// Secondary, de-emphasised text.
    case dim
    /// A pane border.
    case border
    /// The border of the focused pane.
    case focusBorder = "focus_border"
    /// A pane title.
    case title
    /// A table header row.
    case header
    /// The selected row.
    case selection
    /// A price that went up.
    case up
    /// A price that went down.
    case down
    /// A price that did not change.
    case unchanged
    /// A live, fresh quote.
    case live
    /// A quote that has not ticked for a while.
    case aging
    /// A quote older than the stale threshold.
    case stale
    /// A price read by polling a snapshot (the Client Portal's, while the socket link is down).
    case polled
    /// Delayed (not real-time) market data.
    case delayed
    /// Frozen market data (last values of a closed market).
    case frozen
    /// A halted instrument.
    case halted
    /// Market data the account is not entitled to.
    case noEntitlement = "no_entitlement"
    /// No market data received at all.
    case noData = "no_data"
    /// Shown while the gateway connection is down.
    case disconnected
    /// Errors.
    case error
    /// Warnings.
    case warning
    /// Informational messages.
    case info
    /// The buy side.
    case buy
    /// The sell side.
    case sell
    /// The PAPER account badge.
    case paper
    /// The LIVE account badge.
    case liveAccount = "live_account"
    /// The status bar background and text.
    case statusBar = "status_bar"
    /// A row that just changed for a reason the trader should see: a fill, for a moment.
    case flash

    /// The one character that stands for this role in a canvas role dump (`Canvas.roleLines`).
    public var dumpLetter: Character {
        switch self {
        case .text: return "t"
        case .dim: return "d"
        case .border: return "b"
        case .focusBorder: return "f"
        case .title: return "T"
        case .header: return "h"
        case .selection: return "v"
        case .up: return "+"
        case .down: return "-"
        case .unchanged: return "="
        case .live: return "l"
        case .aging: return "a"
        case .stale: return "s"
        case .polled: return "p"
        case .delayed: return "y"
        case .frozen: return "z"
        case .halted: return "x"
        case .noEntitlement: return "n"
        case .noData: return "o"
        case .disconnected: return "X"
        case .error: return "E"
        case .warning: return "W"
        case .info: return "i"
        case .buy: return "B"
        case .sell: return "S"
        case .paper: return "P"
        case .liveAccount: return "L"
        case .statusBar: return "_"
        case .flash: return "F"
        }
    }
}
