/// Where each pane goes for a terminal size.
///
/// - **Full** (at least 100x30): every pane. Left column: watchlist, positions, orders,
///   messages; right column: P&L, the order ticket (grown to fit a review), executions.
/// - **Compact** (at least 80x24): watchlist across the top; positions and P&L; orders (or
///   executions while that pane has focus) and messages, with at least three rows inside (a
///   header and two lines at 80x24, where the footer takes a row). The ticket is drawn as an
///   overlay.
/// - **Too small** (below 80x24): no panes; `DashboardView` shows what size is needed.
///
/// The status bar takes the last row in the full and compact layouts, the footer (the last
/// action's result and the keys that matter) the row above it; the command line, when open,
/// takes the row above the footer.
public struct DashboardLayout: Hashable, Sendable {
    /// Which layout applies.
    public enum Mode: Hashable, Sendable {
        /// All panes.
        case full
        /// Fewer panes and columns; the ticket as an overlay.
        case compact
        /// Below the minimum size.
        case tooSmall
    }

    /// The smallest size with panes (the compact layout).
    public static let minimumSize = Size(width: 80, height: 24)
    /// The smallest size of the full layout.
    public static let fullSize = Size(width: 100, height: 30)

    /// Whether a `size` terminal shows only the "terminal too small" screen (below
    /// `minimumSize`), on which keys other than quit do nothing.
    public static func isTooSmall(_ size: Size) -> Bool {
        !size.fits(minimumSize)
    }

    /// The layout that applies.
    public let mode: Mode
    /// The area of each visible pane.
    public let panes: [PaneID: Rect]
    /// The status bar row (empty when too small).
    public let statusBar: Rect
    /// The footer row, above the status bar (empty when too small).
    public let footer: Rect
    /// The row the command line uses (the row above the footer).
    public let commandLine: Rect
    /// The area above the footer, where overlays are centred.
    public let content: Rect

    /// Lays out a `size` terminal. `focus` picks whether orders or executions share the compact
    /// layout's slot; `ticketHeight` is the ticket's content height, so a review fits in the full
    /// layout when there is room.
    public init(size: Size, focus: PaneID = .watchlist, ticketHeight: Int = 0) {
        let bounds = Rect(size: size)
        guard !Self.isTooSmall(size) else {
            mode = .tooSmall
            panes = [:]
            statusBar = Rect(x: 0, y: bounds.maxY, width: 0, height: 0)
            footer = statusBar
            commandLine = statusBar
            content = bounds
            return
        }
        let (above, status) = bounds.splitBottom(1)
        let (content, footer) = above.splitBottom(1)
        self.content = content
        self.footer = footer
        statusBar = status
        commandLine = Rect(x: 0, y: content.maxY - 1, width: content.width, height: 1)
        if size.fits(Self.fullSize) {
            mode = .full
            panes = Self.full(content, ticketHeight: ticketHeight)
        } else {
            mode = .compact
            panes = Self.compact(content, focus: focus)
        }
    }

    /// The width of the full layout's right column (P&L, ticket, executions).
    public static func rightColumnWidth(for width: Int) -> Int {
        width >= 120 ? 40 : max(34, width / 3)
    }

    /// The full layout's panes.
    static func full(_ content: Rect, ticketHeight: Int) -> [PaneID: Rect] {
        let (left, right) = content.splitLeft(content.width - rightColumnWidth(for: content.width))
        let heights = split(left.height, weights: [8, 5, 5, 4])
        var y = left.y
        var result: [PaneID: Rect] = [:]
        for (pane, height) in zip([PaneID.watchlist, .positions, .orders, .messages], heights) {
            result[pane] = Rect(x: left.x, y: y, width: left.width, height: height)
            y += height
        }
        let (pnl, below) = right.splitTop(PnLPane.contentHeight + 2)
        let wanted = max(below.height * 55 / 100, ticketHeight + 2)
        let (ticket, executions) = below.splitTop(min(wanted, below.height - 4))
        result[.pnl] = pnl
        result[.ticket] = ticket
        result[.executions] = executions
        return result
    }

    /// The compact layout's panes.
    static func compact(_ content: Rect, focus: PaneID) -> [PaneID: Rect] {
        let middleHeight = PnLPane.contentHeight + 2
        let bottomHeight = max(5, content.height * 22 / 100)
        let (watchlist, rest) = content.splitTop(content.height - middleHeight - bottomHeight)
        let (middle, bottom) = rest.splitTop(middleHeight)
        let half = content.width / 2
        let (positions, pnl) = middle.splitLeft(half)
        let (lower, messages) = bottom.splitLeft(half)
        return [
            .watchlist: watchlist, .positions: positions, .pnl: pnl,
            focus == .executions ? .executions : .orders: lower, .messages: messages,
        ]
    }

    /// `total` split in proportion to `weights`; rounding leftovers go to the last part.
    static func split(_ total: Int, weights: [Int]) -> [Int] {
        let sum = max(1, weights.reduce(0, +))
        var parts = weights.map { total * $0 / sum }
        if !parts.isEmpty { parts[parts.count - 1] += total - parts.reduce(0, +) }
        return parts
    }
}
