/// What is drawn over the panes and takes the keys, if anything.
public enum Overlay: Sendable, Hashable {
    /// Nothing: keys go to the focused pane.
    case none
    /// The help overlay listing every binding.
    case help
    /// The `:` command line with the text typed so far.
    case commandLine(String)
    /// The "add symbol" prompt with the text typed so far.
    case addSymbol(String)
    /// A yes/no question.
    case confirm(Confirmation)
    /// The order ticket (its contents are `DashboardState.ticket`).
    case ticket
    /// A catalog entry shown by `:explain CODE`.
    case explanation(CatalogEntry)
    /// The symbol search (`/`).
    case search(SymbolSearch)
    /// The symbol detail view (its contents are `DashboardState.detail`).
    case detail

    /// Whether printable keys should be sent as text (`UserIntent.insertText`) rather than as
    /// commands.
    public var acceptsText: Bool {
        switch self {
        case .commandLine, .addSymbol, .ticket, .search: true
        default: false
        }
    }
}
