import Dashboard
import Testing
import TerminalUI

/// The watchlist's chosen columns, sparkline, tabs and sort at 80, 120 and 160 columns, in
/// Unicode and ASCII.
@Suite struct WatchlistColumnsTests {
    /// Rows with every field: a live row rising through the session, a stale one falling, one
    /// with no trades yet, and one with a position held short.
    static let rows: [WatchlistLine] = [
        WatchlistLine(symbol: "AAPL", bid: "231.18", ask: "231.22", last: "231.20", change: Figure("+1.25", .up),
                      changePercent: Figure("+0.54%", .up), volume: "41.2M", state: .live, bidSize: "300",
                      askSize: "1.2K", open: "229.90", high: "232.10", low: "229.40",
                      trend: [229.9, 229.5, 230.2, 230.8, 230.4, 231.0, 231.6, 231.2], trendDirection: .up,
                      position: "100"),
        WatchlistLine(symbol: "MSFT", bid: "415.02", ask: "415.10", last: "415.06", change: Figure("-1.64", .down),
                      changePercent: Figure("-0.39%", .down), volume: "18.9M", state: .stale, age: "47 s",
                      bidSize: "200", askSize: "400", open: "417.00", high: "417.50", low: "414.80",
                      trend: [417, 416.5, 416.8, 415.9, 415.2, 415.06], trendDirection: .down, position: "-50"),
        WatchlistLine(symbol: "NVDA", bid: nil, ask: nil, last: nil, state: .noEntitlement),
        WatchlistLine(symbol: "SPY", bid: "561.20", ask: "561.22", last: "561.21", change: Figure("+0.80", .up),
                      changePercent: Figure("+0.14%", .up), volume: "52.7M", state: .live, bidSize: "2.5K",
                      askSize: "3.1K", open: "560.10", high: "561.90", low: "559.80", trend: [561.21],
                      trendDirection: .flat),
    ]

    func render(width: Int, glyphs: GlyphSet, tabs: [String] = ["main", "tech"], sort: String? = "chg_pct desc",
                columns: [WatchlistColumn] = WatchlistColumn.standard) -> Canvas {
        var canvas = Canvas(size: Size(width: width, height: 7))
        WatchlistPane(rows: Self.rows, selectedRow: 0, isFocused: true, columns: columns, tabs: tabs, activeTab: 1,
                      sortLabel: sort)
            .render(in: canvas.bounds, on: &canvas, theme: .builtinDefault, glyphs: glyphs)
        return canvas
    }

    @Test(arguments: [80, 120, 160], [true, false])
    func snapshotsAtEveryWidthInUnicodeAndASCII(width: Int, ascii: Bool) {
        let canvas = render(width: width, glyphs: ascii ? .ascii : .unicode)
        expectSnapshot(canvas, named: "watchlist\(ascii ? "ASCII" : "")\(width)")
        if ascii { #expect(canvas.textDump.allSatisfy { $0.isASCII }) }
    }

    @Test func narrowPanesDropSizesAndTheDayRangeFirstButKeepFreshness() {
        let narrow = render(width: 80, glyphs: .unicode).textDump
        #expect(!narrow.contains("BidSz") && !narrow.contains("Open"))
        #expect(narrow.contains("Last") && narrow.contains("stale 47 s") && narrow.contains("no entitlement"))
        let wide = render(width: 160, glyphs: .unicode).textDump
        for title in ["BidSz", "Bid", "Ask", "AskSz", "Last", "Chg", "Chg%", "Open", "High", "Low", "Volume", "Session", "Pos"] {
            #expect(wide.contains(title), "\(title) at 160 columns")
        }
        #expect(wide.contains("stale 47 s"))
    }

    @Test func theSparklineEndsAtTheNewestCloseInTheSessionsDirection() throws {
        let canvas = render(width: 160, glyphs: .unicode)
        let aapl = try #require(canvas.textDump.split(separator: "\n").first { $0.contains("AAPL") })
        #expect(aapl.contains("   ▂▁▃▅▄▆█▇ "), "AAPL's eight closes, right-aligned in ten cells")
        #expect(roles(of: "█▆▇▄▂▁", in: canvas) == String(repeating: "s", count: 6), "a stale row keeps its state's role")
        let ascii = render(width: 160, glyphs: .ascii).textDump
        #expect(ascii.contains("._-=~+#*"))
        // Unselected, a rising session is drawn up.
        var unselected = Canvas(size: Size(width: 160, height: 7))
        WatchlistPane(rows: Self.rows, selectedRow: 1, columns: WatchlistColumn.standard)
            .render(in: unselected.bounds, on: &unselected, theme: .builtinDefault, glyphs: .unicode)
        #expect(roles(of: "▂▁▃▅▄▆█▇", in: unselected) == String(repeating: "+", count: 8))
    }

    @Test func columnsFollowTheConfiguredOrder() throws {
        let canvas = render(width: 120, glyphs: .unicode, columns: [.last, .symbol, .position])
        let header = try #require(canvas.textDump.split(separator: "\n").dropFirst().first)
        let last = try #require(header.range(of: "Last")), symbol = try #require(header.range(of: "Symbol"))
        #expect(last.lowerBound < symbol.lowerBound)
        #expect(header.contains("Pos") && !header.contains("Bid"))
    }

    @Test func theTitleNamesTheListsTheShownOneAndTheSort() {
        let top = render(width: 120, glyphs: .unicode).lines[0]
        #expect(top.contains("Watchlist 1 main [2 tech] · sorted chg_pct desc"))
        let plain = render(width: 120, glyphs: .ascii, tabs: [], sort: nil).lines[0]
        #expect(plain.contains("[Watchlist]"))
        #expect(!plain.contains("sorted"))
    }

    @Test(arguments: [[1.0, 3, 2, 8, 5], [4, 4, 4], [.nan, 1, 2], [Double.nan], Array(stride(from: 0.0, to: 30, by: 1.5))])
    func theSparklinesTextIsItsGlyphsRightAligned(values: [Double]) {
        for glyphs in [GlyphSet.unicode, .ascii] {
            let line = Sparkline(values: values, glyphs: glyphs)
            let bars = line.glyphs(width: 10)
            #expect(line.text(width: 10) == String(repeating: " ", count: 10 - bars.count) + String(bars))
        }
        #expect(Sparkline(values: [1, 2]).text(width: 0).isEmpty)
    }

    @Test func sampledSessionsFitTheCellsKeepingTheNewestClose() {
        #expect(Sparkline.sampled([1, 2, 3], to: 10) == [1, 2, 3])
        let session = (1...390).map(Double.init)
        let cells = Sparkline.sampled(session, to: 10)
        #expect(cells.count == 10)
        #expect(cells.last == 390)
        #expect(cells.first == 39)
        #expect(Sparkline.sampled(session, to: 0).isEmpty)
    }
}

extension WatchlistColumnsTests {
    /// A currency pair or a longer symbol widens the symbol column instead of being cut.
    @Test func aLongSymbolIsNeverCut() {
        var canvas = Canvas(size: Size(width: 120, height: 5))
        let rows = [WatchlistLine(symbol: "EUR.USD", bid: "1.15900", ask: "1.15905", last: nil, state: .live),
                    WatchlistLine(symbol: "AAPL", bid: "231.18", ask: "231.22", last: "231.20", state: .live)]
        WatchlistPane(rows: rows, selectedRow: 0, isFocused: true).render(in: canvas.bounds, on: &canvas, theme: .builtinDefault, glyphs: .unicode)
        #expect(canvas.textDump.contains("EUR.USD "))
        #expect(!canvas.textDump.contains("EUR.U…"))
        #expect(WatchlistPane.symbolWidth(for: rows) == 7)
        #expect(WatchlistPane.symbolWidth(for: [rows[1]]) == 6)
    }
}
