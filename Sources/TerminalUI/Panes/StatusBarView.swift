/// The status bar: the PAPER or LIVE badge first (it is never dropped), the connection with
/// its reconnect countdown, gateway, server version and account on the left; the clock and
/// the count of quotes per freshness state on the right.
public struct StatusBarView: Hashable, Sendable {
    /// The model.
    public var model: StatusBarModel

    /// Creates the view.
    public init(model: StatusBarModel) {
        self.model = model
    }

    /// The segments in drawing order.
    func segments(glyphs: GlyphSet) -> [StatusSegment] {
        var left = [
            StatusSegment(model.accountKind.badge, role: model.accountKind.role),
            StatusSegment(glyphs.shown(model.connection.text), role: model.connection.role),
            StatusSegment(glyphs.shown(model.gateway)),
        ]
        if let version = model.serverVersion { left.append(StatusSegment("server v\(glyphs.shown(version))")) }
        if let account = model.account { left.append(StatusSegment(glyphs.shown(account))) }
        var right = [StatusSegment(glyphs.shown(model.clock), edge: .right)]
        let counts = QuoteState.allCases.reversed().compactMap { state -> StatusSegment? in
            guard let count = model.freshnessCounts[state], count > 0 else { return nil }
            return StatusSegment("\(glyphs.marks.mark(state))\(count) \(state.word)", role: state.role, edge: .right)
        }
        right += counts
        return left + right
    }

    /// Draws the bar on the first row of `area`.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        StatusBar(segments: segments(glyphs: glyphs), glyphs: glyphs).render(in: area, on: &canvas, theme: theme)
    }
}
