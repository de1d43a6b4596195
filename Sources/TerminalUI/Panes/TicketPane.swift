/// The order ticket: a header with the side (coloured and labelled BUY or SELL), then the
/// fields in edit mode or the review lines in review, the refusal naming its field, and the
/// keys that move on.
public struct TicketPane: Hashable, Sendable {
    /// The ticket; nil draws a hint on how to open one.
    public var ticket: TicketView?
    /// Whether the pane has focus.
    public var isFocused: Bool
    /// The keys the hint names for opening a ticket.
    public var openKeys: OpenKeys

    /// The first key bound to buy and to sell (nil: unbound), which the empty ticket names.
    public struct OpenKeys: Hashable, Sendable {
        /// The buy key's name.
        public var buy: String?
        /// The sell key's name.
        public var sell: String?

        /// Creates the keys; the defaults are `b` and `s`.
        public init(buy: String? = "b", sell: String? = "s") {
            self.buy = buy
            self.sell = sell
        }
    }

    /// Creates the pane.
    public init(ticket: TicketView?, isFocused: Bool = false, openKeys: OpenKeys = OpenKeys()) {
        self.ticket = ticket
        self.isFocused = isFocused
        self.openKeys = openKeys
    }

    /// The pane's title for the ticket's mode.
    var title: String {
        let base = ticket?.modifies.map { "Modify order \($0)" } ?? PaneID.ticket.title
        switch ticket?.mode {
        case .review: return base + ": review"
        case .sent: return base + ": sent"
        default: return base
        }
    }

    /// One styled line of content.
    typealias Line = [(text: String, role: ThemeRole)]

    /// How to open a ticket, in two lines, naming the keys as bound.
    static func openHint(_ keys: OpenKeys) -> [String] {
        switch (keys.buy, keys.sell) {
        case let (buy?, sell?): ["Press \(buy) to buy or \(sell) to sell", "the selected symbol."]
        case let (buy?, nil): ["Press \(buy) to buy", "the selected symbol."]
        case let (nil, sell?): ["Press \(sell) to sell", "the selected symbol."]
        case (nil, nil): ["Buy and sell have no key:", "bind them under [keys]."]
        }
    }

    /// The content lines for `width` columns (refusals wrapped).
    func lines(width: Int, glyphs: GlyphSet) -> [Line] {
        guard let ticket else {
            return [[("No ticket open.", .dim)]] + Self.openHint(openKeys).map { [($0, .dim)] }
        }
        let side = ticket.side
        let price = [ticket.stopPrice, ticket.limitPrice].compactMap { $0 }.joined(separator: " ")
        var header: Line = [(" \(side.label) ", side.role), (" \(ticket.quantity) \(ticket.symbol) \(ticket.orderType)", .text)]
        if !price.isEmpty { header.append((" \(price)", .text)) }
        header.append((" \(ticket.timeInForce)", .text))
        var result: [Line] = [header]
        if let reference = ticket.reference {
            let state = ticket.referenceState ?? .noData
            result.append([("Quote ", .dim), ("\(reference) ", state.priceRole),
                           ("\(glyphs.marks.mark(state)) \(state.word)", state.role)])
        }
        switch ticket.mode {
        case .edit:
            for (field, value) in ticket.fields {
                let refused = ticket.refusal?.field == field
                let focused = ticket.focusedField == field
                // The focus mark and the refusal mark both show on a focused, refused field
                // ("▶!"), so the refusal is seen without colour and focus is never hidden.
                let mark = focused ? String(glyphs.selectionMark) + (refused ? "!" : " ") : refused ? "! " : "  "
                let label = field.rawValue.prefix(1).uppercased() + field.rawValue.dropFirst()
                let padded = label + String(repeating: " ", count: max(1, 12 - label.count))
                let role: ThemeRole = refused ? .error : focused ? .selection : .text
                result.append([(mark, refused ? .error : .text), (padded, refused ? .error : .dim),
                               (value.isEmpty ? "_" : value, role)])
            }
            let hint = width >= 33 ? "m l s t r R type  g TIF  a attach" : "m l s t r R type g TIF a attach"
            result.append([(ticket.modifies == nil ? hint : "Type fixed; g TIF", .dim)])
        case .review:
            // Wrapped under their label, so no review line is cut at any width.
            for line in ticket.reviewLines {
                result += Self.wrapped(glyphs.shown(line), width: width).map { [($0, ThemeRole.text)] }
            }
        case let .sent(orderID):
            let text = ticket.modifies == nil ? "Sent as order \(orderID)." : "Modification of \(orderID) sent (same id)."
            result.append([(text, .info)])
        }
        if ticket.quoteOverridden, ticket.mode != .review {
            result.append([("\(glyphs.marks.mark(MessageLevel.warning)) Override: quote not live, accepted", .warning)])
        }
        if let refusal = ticket.refusal {
            let text = "\(glyphs.marks.mark(MessageLevel.error)) Refused: \(refusal.message)"
            result += WordWrap.lines(glyphs.shown(text), width: max(1, width)).map { [($0, ThemeRole.error)] }
        }
        let keys: String
        switch ticket.mode {
        case .edit: keys = "Enter review  Esc close"
        case .review: keys = "Enter send  Esc edit"
        case .sent: keys = "Any key closes"
        }
        result.append([(keys, .dim)])
        return result
    }

    /// `line` cut into rows of `width` columns at spaces; rows after the first are indented
    /// under the value of a `Label:      value` line.
    static func wrapped(_ line: String, width: Int) -> [String] {
        guard DisplayWidth.of(line) > width, width > 20 else { return [line] }
        // The label with its padding stays as written; the value wraps under itself.
        // A continuation line (indented under the previous label) keeps its indent.
        var hang = line.prefix { $0 == " " }.count
        if hang >= width / 2 { hang = 0 }
        if hang == 0, let colon = line.firstIndex(of: ":") {
            let afterColon = line[line.index(after: colon)...]
            let spaces = afterColon.prefix { $0 == " " }.count
            let labelWidth = line.distance(from: line.startIndex, to: colon) + 1 + spaces
            if labelWidth < width / 2 { hang = labelWidth }
        }
        let label = String(line.prefix(hang))
        let rows = WordWrap.lines(String(line.dropFirst(hang)), width: width - hang)
        let pad = String(repeating: " ", count: hang)
        return rows.enumerated().map { ($0.offset == 0 ? label : pad) + $0.element }
    }

    /// Rows the content needs inside the border at `width` columns.
    public func contentHeight(width: Int, glyphs: GlyphSet) -> Int {
        lines(width: width - 2, glyphs: glyphs).count
    }

    /// Draws the pane into `area`. When the content is taller than the area, the key hint and
    /// refusal (the last lines) are kept and the middle is cut.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        let inner = PaneChrome.frame(title, focused: isFocused, in: area, on: &canvas, theme: theme, glyphs: glyphs)
            .inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        var content = lines(width: inner.width, glyphs: glyphs)
        if content.count > inner.height {
            let tail = ticket?.refusal == nil ? 1 : min(inner.height / 2, content.count - 1)
            content = Array(content.prefix(inner.height - tail)) + Array(content.suffix(tail))
        }
        for (row, line) in content.prefix(inner.height).enumerated() {
            var x = inner.x
            for (text, role) in line {
                let shown = DisplayWidth.truncate(glyphs.shown(text), to: inner.maxX - x, ellipsis: glyphs.ellipsis)
                x = canvas.write(shown, at: Point(x: x, y: inner.y + row), role: role, theme: theme, clip: inner)
                if x >= inner.maxX { break }
            }
        }
    }
}
