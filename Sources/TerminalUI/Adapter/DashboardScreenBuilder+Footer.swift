import Dashboard

/// The footer: the state's note while it is shown, and the keys of the current pane or mode.
extension DashboardScreenBuilder {
    /// The footer at the frame's time.
    public var footer: FooterLine {
        Self.footer(note: state.footerNote(at: now.instant), mode: state.footerMode, keymap: keymap)
    }

    /// The footer for `note` (nil: none shown) in `mode` with `keymap`'s bindings.
    public static func footer(note: FooterNote?, mode: FooterMode, keymap: Keymap) -> FooterLine {
        footer(note: note, hints: hints(for: mode, keymap: keymap))
    }

    /// The footer for `note` (nil: none shown) with `hints`.
    static func footer(note: FooterNote?, hints: [FooterLine.Hint]) -> FooterLine {
        FooterLine(note: note?.text, noteLevel: level(note?.severity ?? .info), hints: hints)
    }

    /// The keys that matter in `mode`, most important first. Pane keys are the ones bound in
    /// `keymap` (its first key per action; an unbound action is left out); the ticket, the
    /// command line and questions have fixed keys (see `DashboardKeyInput`).
    public static func hints(for mode: FooterMode, keymap: Keymap) -> [FooterLine.Hint] {
        func bound(_ action: KeyAction, _ label: String) -> FooterLine.Hint? {
            keymap.keys(for: action).first.map { FooterLine.Hint(keyName($0), label) }
        }
        func pair(_ first: KeyAction, _ second: KeyAction, _ label: String) -> FooterLine.Hint? {
            guard let one = keymap.keys(for: first).first, let two = keymap.keys(for: second).first else { return nil }
            let names = (keyName(one), keyName(two))
            return FooterLine.Hint(names == ("↑", "↓") ? "↑↓" : "\(names.0)/\(names.1)", label)
        }
        let common = [bound(.nextPane, "panes"), bound(.command, "command"), bound(.help, "help"), bound(.quit, "quit")]
        let own: [FooterLine.Hint?]
        switch mode {
        case .pane(.watchlist):
            own = [bound(.buy, "buy"), bound(.sell, "sell"), bound(.addSymbol, "add"), bound(.removeSymbol, "remove")]
        case .pane(.positions):
            own = [bound(.closePosition, "close"), bound(.reversePosition, "reverse"), bound(.buy, "buy"), bound(.sell, "sell")]
        case .pane(.orders):
            own = [bound(.modifyOrder, "modify"), bound(.cancelOrder, "cancel"), bound(.cancelAll, "cancel all"),
                   pair(.moveUp, .moveDown, "select")]
        case .pane(.executions):
            own = [pair(.moveUp, .moveDown, "select")]
        case .pane(.messages):
            own = [pair(.moveUp, .moveDown, "scroll"), bound(.moveBottom, "newest")]
        case .ticketEditing(let canOverride):
            return [.init("Tab", "next field"), .init("m l s t r R", "type"), .init("g", "tif"), .init("a", "attach"),
                    .init("$", "size by money"), .init("Enter", "review"), .init("Esc", "close")]
                + (canOverride ? [.init("o", "override")] : [])
        case .ticketReview(let canOverride):
            return [.init("Enter", "send"), .init("Esc", "edit")] + (canOverride ? [.init("o", "override")] : [])
        case .ticketSent:
            return [.init("any key", "closes")]
        case .commandLine:
            return [.init("Enter", "run"), .init("Tab", "complete"), .init("↑↓", "history"), .init("Esc", "close")]
        case .prompt:
            return [.init("Enter", "add"), .init("Esc", "close")]
        case .detail:
            return [.init("1", "day"), .init("5", "five days"), .init("m", "month"), .init("c", "chart style"), .init("Esc", "back")]
        case .search:
            return [.init("type", "symbol or name"), .init("↑↓", "choose"), .init("Enter", "add"), .init("Esc", "close")]
        case .confirmation:
            return [.init("y", "yes"), .init("n", "no")]
        case .reading:
            return [.init("Esc", "close")]
        }
        return (own + common).compactMap { $0 }
    }

    /// A key as the footer names it: `Tab`, `Enter`, `Esc`, `↑`, `b`, `ctrl-x`.
    public static func keyName(_ key: KeyEvent) -> String {
        switch key {
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .enter: "Enter"
        case .escape: "Esc"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        default: key.name
        }
    }
}
