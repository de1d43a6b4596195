import Vocabulary

/// What the trader asked for. The UI maps keys (through the configured bindings) to these.
///
/// While `Overlay.acceptsText` is true (command line, add-symbol prompt, ticket), printable keys
/// should arrive as `insertText`.
public enum UserIntent: Sendable, Hashable {
    /// Move the selection in the focused pane (or the cursor between ticket fields).
    case moveSelection(SelectionMove)
    /// Focus the next pane (Tab).
    case nextPane
    /// Focus the previous pane (Shift-Tab).
    case previousPane
    /// Focus a given pane.
    case focus(Pane)
    /// Open the ticket to buy or sell the selected symbol (`b` / `s`).
    case openTicket(OrderSide)
    /// Type text into the active text field (ticket field, command line, prompt).
    case insertText(String)
    /// Delete the last character of the active text field (Backspace).
    case deleteBackward
    /// Move the ticket cursor to a field.
    case focusTicketField(TicketInputField)
    /// Change the ticket's order type.
    case setOrderType(OrderType)
    /// Change the ticket's time in force.
    case setTimeInForce(TimeInForce)
    /// Attach a bracket or make the ticket an exit pair (or neither) (`a` in the ticket).
    case setTicketAttachment(TicketAttachment)
    /// The explicit override step: accept a reference quote that is not live.
    case overrideQuoteFreshness
    /// Enter: ticket edit → review → send; run the command line; add the prompted symbol;
    /// answer yes to a confirmation.
    case submit
    /// Esc: back out one step (review → edit → closed; close overlays; answer no).
    case back
    /// Open the ticket on the order selected in the orders pane to modify it (`e`).
    case modifySelectedOrder
    /// Open the ticket, in review, to close the position selected in the positions pane (`x`).
    case closeSelectedPosition
    /// Open the ticket, in review, to reverse the selected position (`r` in the positions pane).
    case reverseSelectedPosition
    /// A key that acts in another pane was pressed (`x` outside the positions pane): the
    /// footer says where it works. `key` is its name, `does` what it does there.
    case keyOfAnotherPane(key: String, does: String, pane: Pane)
    /// Change the detail view's chart span (`1`, `5`, `m` in the detail view).
    case setDetailRange(SymbolDetail.Range)
    /// `c` in the symbol detail: the chart as a braille line, or back to blocks.
    case toggleDetailChartStyle
    /// A click on a row: focus the pane and select the row (an index into the pane's list).
    case selectRow(Pane, Int)
    /// Open the symbol search (`/`).
    case beginSearch
    /// Switch the selected watchlist symbol, refused live data, to delayed data (`D`).
    case switchToDelayedData
    /// Acknowledge the alerts that fired (`A`): they leave the footer.
    case acknowledgeAlerts
    /// Cancel the order selected in the orders pane (`c`).
    case cancelSelectedOrder
    /// Cancel every working order, after confirmation (`C`).
    case cancelAllOrders
    /// Open the add-symbol prompt (`a`).
    case beginAddSymbol
    /// Add a symbol directly.
    case addSymbol(String)
    /// Remove the selected watchlist symbol (`d`).
    case removeSelectedSymbol
    /// Move the selected watchlist symbol up or down the list.
    case moveSelectedSymbol(up: Bool)
    /// Sort the watchlist by the next column or direction (`S`).
    case cycleSort
    /// Show the next (`]`, +1) or previous (`[`, -1) watchlist.
    case stepWatchlist(by: Int)
    /// Show watchlist number `index` (0-based; keys `1`–`9`).
    case showWatchlist(Int)
    /// Show or hide the help overlay (`?`).
    case toggleHelp
    /// Open the command line (`:`).
    case openCommandLine
    /// Run a command line directly (`buy 100 AAPL lmt 231.20`), as if typed after `:`.
    case runCommand(String)
    /// Quit (`q`), asking first when orders are working.
    case quit
    /// Retry the connection now instead of waiting for the next attempt (`r`).
    case retryConnection
    /// Up/Down in the command line: recall the previous (`older`) or next line of the history.
    case recallCommand(older: Bool)
    /// Tab in the command line: complete the verb or the symbol being typed.
    case completeCommand
    /// Pause, step or jump a replay (space, `.`, `<`, `>`); said to be for replays otherwise.
    case replay(ReplayControl)
}

/// A movement of the selection.
public enum SelectionMove: Sendable, Hashable {
    /// One row up.
    case up
    /// One row down.
    case down
    /// The first row.
    case top
    /// The last row.
    case bottom
}
