/// Which pane has the keyboard, the selected row in each pane, and the overlay on top.
public struct InterfaceState: Sendable, Hashable {
    /// The pane arrows and actions apply to.
    public var focusedPane: Pane = .watchlist
    /// The selected row per pane (0 when never moved).
    public var selection: [Pane: Int] = [:]
    /// The identity of the selected row per pane (symbol, order id, execution id), so that the
    /// selection stays on the same order or symbol when rows are added or re-sorted above it.
    public var anchors: [Pane: String] = [:]
    /// What is drawn on top and takes the keys.
    public var overlay: Overlay = .none
    /// The theme in use (changed by `:theme NAME`).
    public var themeName: String
    /// The message log's `serial` when the trader scrolled the Messages pane off its newest
    /// line; nil while the pane follows the newest message.
    public var messagesScrolledAt: Int?

    /// Creates the interface state with `themeName`.
    public init(themeName: String = "default") {
        self.themeName = themeName
    }

    /// The selected row of `pane`.
    public func selectedRow(in pane: Pane) -> Int {
        selection[pane] ?? 0
    }
}
