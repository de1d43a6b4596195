import Testing
@testable import TerminalUI

/// Issue #14 item 2: the detail view's chart, book and trades, in Unicode and ASCII.
@Suite struct DetailOverlayTests {
    static let view = DetailView(
        symbol: "AAPL", title: "APPLE INC", range: "1 day", closes: [230, 231, 232, 231.5, 233, 234],
        bids: [.init(price: 233.98, size: 1200), .init(price: 233.97, size: 300)],
        asks: [.init(price: 234.01, size: 600), .init(price: 234.02, size: 2400)],
        trades: [.init(time: "14:30:02", price: 234.01, size: 100, side: "B"), .init(time: "14:30:01", price: 233.98, size: 200, side: "S")])

    func render(_ view: DetailView, glyphs: GlyphSet) -> Canvas {
        var canvas = Canvas(size: Size(width: 100, height: 24))
        DetailOverlay(view: view).render(in: canvas.bounds, on: &canvas, theme: .builtinDefault, glyphs: glyphs)
        return canvas
    }

    @Test func showsTheChartWithItsRangeTheBookAndTheTrades() {
        let text = render(Self.view, glyphs: .unicode).textDump
        #expect(text.contains("AAPL · APPLE INC · 1 day"))
        #expect(text.contains("234.00"), "the chart's high")
        #expect(text.contains("230.00"), "the chart's low")
        #expect(text.contains("█"))
        #expect(text.contains("234.02     2.4K"), "asks with sizes")
        #expect(text.contains("233.98     1.2K"), "bids with sizes")
        #expect(text.contains("14:30:02     234.01    100 B"))
        #expect(text.contains("1 day   5 five days   m month   c line   Esc back"))
    }

    @Test func saysWhetherTheMarketIsOpen() {
        let text = render(Self.view.with(hours: "open now · regular session until 21:00:00 UTC"), glyphs: .unicode).textDump
        #expect(text.contains("Time & sales    open now · regular session until 21:00:00 UTC"))
    }

    @Test func inASCIIEveryCellIsSevenBit() {
        let canvas = render(Self.view, glyphs: .ascii)
        #expect(canvas.textDump.allSatisfy { $0.isASCII })
        #expect(canvas.textDump.contains("#"))
    }

    @Test func saysWhatIsMissingInsteadOfDrawingNothing() {
        let empty = DetailView(symbol: "ZZZ", title: "detail", range: "1 month", chartMessage: "No bars: 162",
                               depthMessage: "No book: not subscribed (354)")
        let text = render(empty, glyphs: .unicode).textDump
        #expect(text.contains("No bars: 162"))
        #expect(text.contains("No book: not subscribed (354)"))
        #expect(text.contains("Waiting for trades…"))
    }

    @Test func theChartStretchesFewValuesAcrossTheWidthWithTheLowestStillShown() throws {
        let chart = try #require(BlockChart(values: [1, 2, 3]).rows(width: 6, height: 2, glyphs: .unicode))
        #expect(chart.rows.count == 2)
        #expect(chart.rows.allSatisfy { $0.count == 6 })
        #expect(chart.rows[1].first != " ", "the lowest value has at least one step")
        #expect(chart.rows[0].last == "█")
    }

    @Test func theLineChartIsBrailleAndASCIIScreensKeepBlocks() {
        let line = Self.view.with(lineChart: true)
        let text = render(line, glyphs: .unicode).textDump
        #expect(text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }, "braille dots")
        #expect(!text.contains { "▁▂▃▄▅▆▇".contains($0) }, "no partial blocks: the chart is a line (the book's bars stay)")
        #expect(text.contains("c blocks"))
        let ascii = render(line, glyphs: .ascii).textDump
        #expect(ascii.allSatisfy { $0.isASCII })
        #expect(ascii.contains("#"))
    }
}
