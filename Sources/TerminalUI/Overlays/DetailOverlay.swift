import Vocabulary

/// The symbol detail view over the panes: the chart of the range on the left, the depth book on
/// the right, the time & sales below, the keys at the bottom.
public struct DetailOverlay: Hashable, Sendable {
    /// What it shows.
    public var view: DetailView

    /// Creates the overlay.
    public init(view: DetailView) {
        self.view = view
    }

    /// Draws the view over `area`.
    public func render(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        let inner = OverlayBox.frame("\(view.symbol) · \(view.title) · \(view.range)", box: area, on: &canvas, theme: theme, glyphs: glyphs)
        guard inner.width > 20, inner.height > 6 else { return }
        let bookWidth = min(40, inner.width / 3)
        let chartHeight = max(3, (inner.height - 2) * 3 / 5)
        let chartArea = Rect(x: inner.x, y: inner.y, width: inner.width - bookWidth - 2, height: chartHeight)
        let bookArea = Rect(x: chartArea.maxX + 2, y: inner.y, width: bookWidth, height: chartHeight)
        let tradesArea = Rect(x: inner.x, y: chartArea.maxY + 1, width: inner.width, height: inner.maxY - chartArea.maxY - 2)
        drawChart(in: chartArea, on: &canvas, theme: theme, glyphs: glyphs)
        drawBook(in: bookArea, on: &canvas, theme: theme, glyphs: glyphs)
        drawTrades(in: tradesArea, on: &canvas, theme: theme, glyphs: glyphs)
        canvas.write(glyphs.shown("1 day   5 five days   m month   c \(view.lineChart ? "blocks" : "line")   Esc back"), at: Point(x: inner.x, y: inner.maxY - 1),
                     role: .dim, theme: theme, clip: inner)
    }

    private func line(_ text: String, _ point: Point, _ role: ThemeRole, _ area: Rect, _ canvas: inout Canvas, _ theme: Theme, _ glyphs: GlyphSet) {
        canvas.write(DisplayWidth.truncate(glyphs.shown(text), to: max(0, area.maxX - point.x), ellipsis: glyphs.ellipsis),
                     at: point, role: role, theme: theme, clip: area)
    }

    private func drawChart(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        let labelWidth = 10
        let plot = Rect(x: area.x + labelWidth, y: area.y, width: max(0, area.width - labelWidth), height: area.height)
        // Braille needs Unicode; with ASCII glyphs the chart stays blocks of ASCII levels.
        let drawn = view.lineChart && !glyphs.marks.asciiOnly
            ? BrailleChart(values: view.closes).rows(width: plot.width, height: plot.height)
            : BlockChart(values: view.closes).rows(width: plot.width, height: plot.height, glyphs: glyphs)
        guard let chart = drawn else {
            line(view.chartMessage ?? "Reading the bars…", Point(x: area.x, y: area.y), .dim, area, &canvas, theme, glyphs)
            return
        }
        line(view.format(chart.high), Point(x: area.x, y: area.y), .dim, area, &canvas, theme, glyphs)
        line(view.format(chart.low), Point(x: area.x, y: area.maxY - 1), .dim, area, &canvas, theme, glyphs)
        let role: ThemeRole = (view.closes.last ?? 0) >= (view.closes.first ?? 0) ? .up : .down
        for (index, row) in chart.rows.enumerated() {
            canvas.write(row, at: Point(x: plot.x, y: plot.y + index), role: role, theme: theme, clip: plot)
        }
    }

    private func drawBook(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        line("Depth: asks above, bids below", Point(x: area.x, y: area.y), .header, area, &canvas, theme, glyphs)
        guard view.depthMessage == nil, !(view.bids.isEmpty && view.asks.isEmpty) else {
            line(view.depthMessage ?? "Waiting for the book…", Point(x: area.x, y: area.y + 1), .dim, area, &canvas, theme, glyphs)
            return
        }
        let largest = (view.bids + view.asks).compactMap(\.size).max() ?? 1
        let barWidth = max(1, area.width - 22)
        var y = area.y + 1
        for ask in view.asks.reversed() where y < area.maxY {
            drawLevel(ask, y: y, role: .down, largest: largest, barWidth: barWidth, area: area, canvas: &canvas, theme: theme, glyphs: glyphs)
            y += 1
        }
        for bid in view.bids where y < area.maxY {
            drawLevel(bid, y: y, role: .up, largest: largest, barWidth: barWidth, area: area, canvas: &canvas, theme: theme, glyphs: glyphs)
            y += 1
        }
    }

    private func drawLevel(
        _ level: DetailView.Level, y: Int, role: ThemeRole, largest: Double, barWidth: Int, area: Rect,
        canvas: inout Canvas, theme: Theme, glyphs: GlyphSet
    ) {
        let price = view.format(level.price).leftPadded(to: 10)
        let size = (level.size.map { DetailView.size($0) } ?? "—").leftPadded(to: 8)
        let bar = String(repeating: glyphs.sparkLevels[glyphs.sparkLevels.count - 1],
                         count: max(1, Int(((level.size ?? 0) / max(largest, 1)) * Double(barWidth))))
        line("\(price) \(size) ", Point(x: area.x, y: y), role, area, &canvas, theme, glyphs)
        line(bar, Point(x: area.x + 20, y: y), role, area, &canvas, theme, glyphs)
    }

    private func drawTrades(in area: Rect, on canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        guard area.height > 0 else { return }
        line("Time & sales", Point(x: area.x, y: area.y), .header, area, &canvas, theme, glyphs)
        if let hours = view.hours {
            line(hours, Point(x: area.x + 16, y: area.y), .dim, area, &canvas, theme, glyphs)
        }
        guard !view.trades.isEmpty else {
            line(view.tradesMessage ?? "Waiting for trades…", Point(x: area.x, y: area.y + 1), .dim, area, &canvas, theme, glyphs)
            return
        }
        // Newest first, in columns across the width.
        let columnWidth = 34
        let perColumn = max(1, area.height - 1)
        let columns = max(1, area.width / columnWidth)
        for (index, trade) in view.trades.prefix(perColumn * columns).enumerated() {
            let point = Point(x: area.x + (index / perColumn) * columnWidth, y: area.y + 1 + index % perColumn)
            let role: ThemeRole = trade.side == "B" ? .up : trade.side == "S" ? .down : .text
            line("\(trade.time) \(view.format(trade.price).leftPadded(to: 10)) \((trade.size.map { DetailView.size($0) } ?? "—").leftPadded(to: 6)) \(trade.side)",
                 point, role, area, &canvas, theme, glyphs)
        }
    }
}

/// What the detail view shows, formatted for the screen.
public struct DetailView: Hashable, Sendable {
    /// One row of the book.
    public struct Level: Hashable, Sendable {
        /// The price and size.
        public var price: Double, size: Double?
        /// Creates a row.
        public init(price: Double, size: Double?) {
            self.price = price
            self.size = size
        }
    }

    /// One trade: its time as shown, price, size, and who took it (`B`, `S`, `·`).
    public struct Trade: Hashable, Sendable {
        /// The fields.
        public var time: String, price: Double, size: Double?, side: String
        /// Creates a trade.
        public init(time: String, price: Double, size: Double?, side: String) {
            self.time = time
            self.price = price
            self.size = size
            self.side = side
        }
    }

    /// The symbol, its name, and the chart's span.
    public var symbol: String, title: String, range: String
    /// The chart's closes, oldest first.
    public var closes: [Double]
    /// Why there is no chart yet, or at all.
    public var chartMessage: String?
    /// The book.
    public var bids: [Level], asks: [Level]
    /// Why there is no book.
    public var depthMessage: String?
    /// The trades, newest first.
    public var trades: [Trade]
    /// Why there are no trades.
    public var tradesMessage: String?
    /// The decimals prices are shown with.
    public var priceDecimals: Int
    /// Whether the market is open now and until when, from the contract's regular hours
    /// (`open now · regular session until 21:00:00 UTC`), if known.
    public var hours: String?
    /// Whether the chart is a braille line (`c` toggles) rather than blocks.
    public var lineChart = false

    /// Creates the view.
    public init(
        symbol: String, title: String, range: String, closes: [Double] = [], chartMessage: String? = nil,
        bids: [Level] = [], asks: [Level] = [], depthMessage: String? = nil, trades: [Trade] = [],
        tradesMessage: String? = nil, priceDecimals: Int = 2
    ) {
        self.symbol = symbol
        self.title = title
        self.range = range
        self.closes = closes
        self.chartMessage = chartMessage
        self.bids = bids
        self.asks = asks
        self.depthMessage = depthMessage
        self.trades = trades
        self.tradesMessage = tradesMessage
        self.priceDecimals = priceDecimals
    }

    /// A price with the view's decimals.
    func format(_ value: Double) -> String {
        ScreenFormat.fixed(value, decimals: priceDecimals, grouped: false)
    }

    /// A size as the watchlist shows volumes (`1.2K`).
    static func size(_ value: Double) -> String {
        ScreenFormat.volume(FixedDecimal(checkedRounding: value)) ?? "—"
    }
}

extension DetailView {
    /// This view with `hours` set.
    public func with(hours: String?) -> DetailView {
        var view = self
        view.hours = hours
        return view
    }

    /// This view with its chart drawn as a braille line (`true`) or blocks.
    public func with(lineChart: Bool) -> DetailView {
        var view = self
        view.lineChart = lineChart
        return view
    }
}

extension String {
    /// The text right-aligned in `width` columns (never cut).
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
