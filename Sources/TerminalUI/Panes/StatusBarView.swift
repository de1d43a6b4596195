import Dashboard

/// The status bar: the PAPER or LIVE badge first, the REPLAY badge when a trace is played, and the
/// connection (with its reconnect countdown) are never dropped; then the count of quotes per freshness state and the clock
/// on the right; gateway, account, the API client id (`id 18`) and server version on the left
/// as room allows.
///
/// A replay's time bar (``ReplayTimeBar``) follows the replay badge.
///
/// When the bar is too narrow, the server version goes first, then the counts lose their words
/// (`●2 ✕1`), then the account, the gateway, the replay's time bar, the client id and the clock
/// are dropped in that order.
public struct StatusBarView: Hashable, Sendable {
    /// The model.
    public var model: StatusBarModel

    /// Creates the view.
    public init(model: StatusBarModel) {
        self.model = model
    }

    /// One freshness count as drawn: `●2 live` or, short, `●2`.
    struct Count {
        var state: Freshness
        var long: String
        var short: String
    }

    /// The counts of states that have quotes, in state order.
    func counts(glyphs: GlyphSet) -> [Count] {
        Freshness.allCases.compactMap { state in
            guard let count = model.freshnessCounts[state], count > 0 else { return nil }
            let short = "\(glyphs.marks.mark(state))\(count)"
            return Count(state: state, long: "\(short) \(state.word)", short: short)
        }
    }

    /// The left segments and the right-hand pieces that fit `width`, and whether the counts
    /// are drawn long.
    func plan(width: Int, glyphs: GlyphSet) -> (left: [StatusSegment], clock: Bool, counts: [Count], long: Bool) {
        let counts = counts(glyphs: glyphs)
        let separator = DisplayWidth.of(glyphs.separator)
        var optional: [StatusSegment?] = [
            StatusSegment(glyphs.shown(model.gateway)),
            model.account.map { StatusSegment(glyphs.shown($0)) },
            model.clientID.map { StatusSegment(glyphs.shown($0)) },
            model.serverVersion.map { StatusSegment("server v\(glyphs.shown($0))") },
            model.replayBar.map { StatusSegment($0.text(width: Self.replayBarWidth, ascii: glyphs.marks.asciiOnly)) },
        ]
        var clock = true
        var long = true
        func needed() -> Int {
            let left = [StatusSegment(model.accountBadge.badge)] + replay(glyphs) + (optional[4].map { [$0] } ?? [])
                + [StatusSegment(glyphs.shown(model.connection.text))] + optional[0..<4].compactMap { $0 }
            var total = left.reduce(0) { $0 + DisplayWidth.of($1.text) } + (left.count - 1) * separator
            let countsWidth = counts.reduce(0) { $0 + DisplayWidth.of(long ? $1.long : $1.short) }
                + max(0, counts.count - 1)
            if !counts.isEmpty { total += separator + countsWidth }
            if clock { total += separator + DisplayWidth.of(glyphs.shown(model.clock)) }
            return total
        }
        var steps = 0
        while needed() > width, steps < 7 {
            switch steps {
            case 0: optional[3] = nil
            case 1: long = false
            case 2: optional[1] = nil
            case 3: optional[0] = nil
            case 4: optional[4] = nil
            case 5: optional[2] = nil
            default: clock = false
            }
            steps += 1
        }
        let left = [StatusSegment(model.accountBadge.badge, role: model.accountBadge.role)] + replay(glyphs)
            + (optional[4].map { [$0] } ?? []) + [
            StatusSegment(glyphs.shown(model.connection.text), role: model.connection.role),
        ] + optional[0..<4].compactMap { $0 }
        let fits = needed() <= width
        return (left, clock, fits ? counts : [], long)
    }

    /// The replay badge (` REPLAY ×10 `), never dropped, when a trace is played; the failover
    /// badge (` REST FAILOVER `), never dropped, while the Client Portal stands in.
    func replay(_ glyphs: GlyphSet) -> [StatusSegment] {
        (model.replay.map { [StatusSegment(" \(glyphs.shown($0)) ", role: .warning)] } ?? [])
            + (model.failover.map { [StatusSegment(" \(glyphs.shown($0)) ", role: .warning)] } ?? [])
    }

    /// The cells of the replay's time line (the times follow it).
    static let replayBarWidth = 16

    /// Draws the bar on the first row of `area`.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        let area = area.intersection(canvas.bounds)
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        let plan = plan(width: row.width, glyphs: glyphs)
        var segments = plan.left
        if plan.clock { segments.append(StatusSegment(glyphs.shown(model.clock), edge: .right)) }
        StatusBar(segments: segments, glyphs: glyphs).render(in: row, on: &canvas, theme: theme)
        guard !plan.counts.isEmpty else { return }
        let texts = plan.counts.map { plan.long ? $0.long : $0.short }
        let width = texts.reduce(0) { $0 + DisplayWidth.of($1) } + texts.count - 1
        let clockWidth = plan.clock ? DisplayWidth.of(glyphs.shown(model.clock)) + DisplayWidth.of(glyphs.separator) : 0
        var x = row.maxX - clockWidth - width
        for (count, text) in zip(plan.counts, texts) {
            x = canvas.write(text, at: Point(x: x, y: row.y), role: count.state.role, theme: theme, clip: row)
            x = canvas.write(" ", at: Point(x: x, y: row.y), role: .statusBar, theme: theme, clip: row)
        }
        if plan.clock {
            canvas.write(glyphs.separator, at: Point(x: row.maxX - clockWidth, y: row.y), role: .statusBar,
                         theme: theme, clip: row)
        }
    }
}
