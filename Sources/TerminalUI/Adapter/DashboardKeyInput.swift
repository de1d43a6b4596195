import Dashboard
import Vocabulary

/// Turns a key press into the trader's intent, given what the dashboard shows.
///
/// Keys mean different things by context: in the command line, the add-symbol prompt and the
/// ticket's number fields they are text; in a confirmation `y`/Enter confirms and `n`/Esc
/// declines; otherwise the keymap (with the user's bindings) decides.
///
/// In the command line: Up/Down recall earlier lines, Tab completes the verb or symbol.
///
/// In the ticket: digits and `.` edit the focused field, Tab/↓ and Shift-Tab/↑ move between
/// fields, `m` `l` `s` `t` pick MKT, LMT, STP, STP LMT, `g` toggles GTC/DAY, `o` overrides a
/// quote that is not live (after the review says so), Enter moves edit → review → send.
public struct DashboardKeyInput: Sendable {
    /// The bindings used outside text entry.
    public var keymap: Keymap

    /// Creates an input mapper with `keymap`.
    public init(keymap: Keymap = .defaults) {
        self.keymap = keymap
    }

    /// What a key asks of the terminal loop.
    public enum Command: Hashable, Sendable {
        /// Send this intent to the dashboard.
        case intent(UserIntent)
        /// Repaint every cell of the screen (Ctrl-L).
        case redraw
        /// Give the terminal back and stop, as Ctrl-Z does in a shell (`fg` resumes).
        case suspend
    }

    /// How far `<` and `>` jump a replay, in recorded seconds.
    public static let replayJumpSeconds = 60

    /// Ctrl-C: quit as `q` does, from any view; not rebindable, so the trader can always leave.
    public static let interruptKey = KeyEvent.control("c")
    /// Ctrl-L: repaint the whole screen.
    public static let redrawKey = KeyEvent.control("l")
    /// Ctrl-Z: suspend to the shell.
    public static let suspendKey = KeyEvent.control("z")

    /// What the terminal loop does with `key`, the one entry point for every key the terminal
    /// reads (the terminal runs in raw mode, so Ctrl-C, Ctrl-Z and Ctrl-L arrive here as keys).
    ///
    /// - Ctrl-L repaints and Ctrl-Z suspends, in every view: they act on the terminal, not on
    ///   the dashboard (no order, ticket or overlay changes).
    /// - Ctrl-C quits as `q` does: it asks first when orders are working (the reducer's quit
    ///   confirmation), and a second Ctrl-C while that question is open answers yes. It quits
    ///   from any view (ticket, command line, help) and never answers another question: in the
    ///   cancel-all confirmation it replaces the question with the quit question.
    /// - While the terminal is too small (`screenTooSmall`, see
    ///   `DashboardLayout.isTooSmall(_:)`) nothing of the dashboard is visible, so no key may
    ///   act on it: only the quit keys (the keymap's `quit` keys and Ctrl-C) do, as Ctrl-C does
    ///   everywhere. Every other key is ignored. (Resizes are not keys; they always act.)
    /// - Otherwise `intent(for:overlay:ticket:pane:)` decides (`pane` is the focused one: its
    ///   own keys, such as `x` and `r` in the positions pane, come first).
    public func command(for key: KeyEvent, overlay: Overlay, ticket: TicketEditor?, pane: Pane = .watchlist, screenTooSmall: Bool) -> Command? {
        switch key {
        case Self.redrawKey: return .redraw
        case Self.suspendKey: return .suspend
        case Self.interruptKey: return .intent(Self.quitIntent(overlay: overlay))
        default: break
        }
        if screenTooSmall {
            return keymap.action(for: key) == .quit ? .intent(Self.quitIntent(overlay: overlay)) : nil
        }
        return intent(for: key, overlay: overlay, ticket: ticket, pane: pane).map(Command.intent)
    }

    /// The intent that quits from `overlay` as `q` does from the panes: `.quit` with nothing
    /// on top (the reducer asks when orders are working); yes (`.submit`) when the quit question
    /// is already open; else the `quit` command, which the reducer runs from any overlay (it
    /// replaces the overlay with the quit question, or quits).
    public static func quitIntent(overlay: Overlay) -> UserIntent {
        switch overlay {
        case .none: return .quit
        case .confirm(.quitWithWorkingOrders): return .submit
        default: return .runCommand("quit")
        }
    }

    /// The intent for `key`, or `nil` when the key means nothing here.
    public func intent(for key: KeyEvent, overlay: Overlay, ticket: TicketEditor?, pane: Pane = .watchlist) -> UserIntent? {
        switch overlay {
        case .detail:
            switch key {
            case .character("1"): return .setDetailRange(.day)
            case .character("5"): return .setDetailRange(.week)
            case .character("m"): return .setDetailRange(.month)
            case .character("c"): return .toggleDetailChartStyle
            case .escape, .enter, .character("q"): return .back
            default: return nil
            }
        case .search:
            switch key {
            case .up: return .moveSelection(.up)
            case .down: return .moveSelection(.down)
            default: return textEntry(key)
            }
        case .commandLine:
            return Self.commandLineKey(key) ?? textEntry(key)
        case .addSymbol:
            return textEntry(key)
        case .ticket:
            return ticketKey(key, ticket: ticket)
        case .confirm:
            switch key {
            case .character("y"), .character("Y"), .enter: return .submit
            case .character("n"), .character("N"), .escape: return .back
            default: return nil
            }
        case .help, .explanation:
            switch key {
            case .escape, .enter, .character("q"), .character("?"): return .back
            default: return nil
            }
        case .none:
            return paneKey(key, pane: pane)
        }
    }

    /// The command line's own keys: Up/Down browse the history, Tab completes.
    static func commandLineKey(_ key: KeyEvent) -> UserIntent? {
        switch key {
        case .up: .recallCommand(older: true)
        case .down: .recallCommand(older: false)
        case .tab: .completeCommand
        default: nil
        }
    }

    private func textEntry(_ key: KeyEvent) -> UserIntent? {
        switch key {
        case let .character(character): return .insertText(String(character))
        case .backspace, .delete: return .deleteBackward
        case .enter: return .submit
        case .escape: return .back
        default: return nil
        }
    }

    private func ticketKey(_ key: KeyEvent, ticket: TicketEditor?) -> UserIntent? {
        switch key {
        case let .character(character) where character.isNumber || ".$%+-,".contains(character):
            return .insertText(String(character))
        case .backspace, .delete: return .deleteBackward
        case .enter: return .submit
        case .escape: return .back
        case .tab, .down: return moveField(ticket, by: 1)
        case .backTab, .up: return moveField(ticket, by: -1)
        case .character("m"): return .setOrderType(.market)
        case .character("l"): return .setOrderType(.limit)
        case .character("s"): return .setOrderType(.stop)
        case .character("t"): return .setOrderType(.stopLimit)
        case .character("r"): return .setOrderType(.trail)
        case .character("R"): return .setOrderType(.trailLimit)
        case .character("a"): return .setTicketAttachment((ticket?.ticket.attachment ?? .none).next)
        case .character("g"): return .setTimeInForce(Self.nextTimeInForce(after: ticket?.ticket.timeInForce ?? .day))
        case .character("o"): return .overrideQuoteFreshness
        default: return nil
        }
    }

    /// The time in force `g` moves to: DAY → GTC → IOC → FOK → DAY.
    public static func nextTimeInForce(after tif: TimeInForce) -> TimeInForce {
        switch tif {
        case .day: .goodTillCancelled
        case .goodTillCancelled: .immediateOrCancel
        case .immediateOrCancel: .fillOrKill
        case .fillOrKill: .day
        }
    }

    private func moveField(_ ticket: TicketEditor?, by offset: Int) -> UserIntent? {
        guard var editor = ticket else { return nil }
        editor.moveFocus(by: offset)
        return .focusTicketField(editor.focusedField)
    }

    private func paneKey(_ key: KeyEvent, pane: Pane) -> UserIntent? {
        guard let action = keymap.action(for: key, in: pane) else {
            // A key of another pane's action gets an answer: where it works.
            guard let other = keymap.actions.first(where: { $0.scope != nil && keymap.keys(for: $0).contains(key) }),
                  let scope = other.scope else { return nil }
            return .keyOfAnotherPane(key: key.name, does: other.helpText.split(separator: ":").last.map {
                $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? other.rawValue, pane: scope)
        }
        switch action {
        case .moveUp: return .moveSelection(.up)
        case .moveDown: return .moveSelection(.down)
        case .moveTop: return .moveSelection(.top)
        case .moveBottom: return .moveSelection(.bottom)
        case .pageUp: return .moveSelection(.top)
        case .pageDown: return .moveSelection(.bottom)
        case .moveLeft, .previousPane: return .previousPane
        case .moveRight, .nextPane: return .nextPane
        case .buy: return .openTicket(.buy)
        case .sell: return .openTicket(.sell)
        case .cancelOrder: return .cancelSelectedOrder
        case .cancelAll: return .cancelAllOrders
        case .addSymbol: return .beginAddSymbol
        case .removeSymbol: return .removeSelectedSymbol
        case .help: return .toggleHelp
        case .command: return .openCommandLine
        case .quit: return .quit
        case .retryConnection: return .retryConnection
        case .modifyOrder: return .modifySelectedOrder
        case .acknowledgeAlerts: return .acknowledgeAlerts
        case .delayedData: return .switchToDelayedData
        case .search: return .beginSearch
        case .closePosition: return .closeSelectedPosition
        case .reversePosition: return .reverseSelectedPosition
        case .sortWatchlist: return .cycleSort
        case .nextWatchlist: return .stepWatchlist(by: 1)
        case .previousWatchlist: return .stepWatchlist(by: -1)
        case .showWatchlist:
            // The digit says which list: 1 is the first.
            guard case let .character(digit) = key, let number = digit.wholeNumberValue, number > 0 else { return nil }
            return .showWatchlist(number - 1)
        case .replayPause: return .replay(.togglePause)
        case .replayStep: return .replay(.step)
        case .replayBack: return .replay(.jump(seconds: -Self.replayJumpSeconds))
        case .replayForward: return .replay(.jump(seconds: Self.replayJumpSeconds))
        case .confirm: return .submit
        case .back: return .back
        default: return nil
        }
    }
}
