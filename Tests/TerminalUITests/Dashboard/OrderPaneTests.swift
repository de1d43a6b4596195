import Testing
import TerminalUI

@Suite struct OrderPaneTests {
    func orders(size: Size, selected: Int? = nil, glyphs: GlyphSet = .unicode) -> Canvas {
        var canvas = paneCanvas(size)
        OrdersPane(rows: DashboardFixture.orders, selectedRow: selected)
            .render(in: canvas.bounds, on: &canvas, theme: .builtinDefault, glyphs: glyphs)
        return canvas
    }

    @Test(arguments: paneSizes)
    func ordersShowSideStatusAndTheRejectReasonInWords(size: Size) {
        let canvas = orders(size: size)
        let text = canvas.textDump
        #expect(text.contains("SELL") && text.contains("TSLA") && text.contains("Rejected"))
        #expect(text.contains("Filled 100/100"))
        #expect(text.contains("Limit p"), "the reason starts showing at any width")
        #expect(roles(of: "SELL", in: canvas) == "SSSS")
        #expect(roles(of: "BUY", in: canvas) == "BBB")
        if size.width >= 80 {
            #expect(text.contains("#1043 rejected: Limit price 243.001 is off the 0.01 tick"))
            #expect(roles(of: "#1043 rejected", in: canvas)?.allSatisfy { $0 == "E" } == true)
        }
    }

    @Test func aNarrowFooterWrapsTheReasonOntoTwoLines() {
        let canvas = orders(size: Size(width: 40, height: 10))
        #expect(canvas.lines[7].contains("#1043 rejected: Limit price 243.001 "))
        #expect(canvas.lines[8].contains("is off the 0.01 tick"))
    }

    @Test func wideOrdersShowTheLifecycleWithTimestamps() {
        let canvas = orders(size: Size(width: 120, height: 8))
        #expect(canvas.textDump.contains("10:31:02 submitted › 10:31:05 filled 100"))
        #expect(canvas.textDump.contains("LMT 231.20"))
    }

    @Test func theFooterFollowsTheSelection() {
        let canvas = orders(size: Size(width: 80, height: 8), selected: 2, glyphs: .ascii)
        #expect(canvas.lines[6].contains("#1042 10:31:02 submitted > 10:31:05 filled 100"))
        #expect(isASCII(canvas))
    }

    @Test func emptyOrdersSaySo() {
        var canvas = paneCanvas(Size(width: 50, height: 5))
        OrdersPane(rows: []).render(in: canvas.bounds, on: &canvas, theme: .builtinDefault, glyphs: .unicode)
        #expect(canvas.textDump.contains("No orders this session."))
    }

    @Test(arguments: paneSizes)
    func messagesAreNewestFirstWithSeverityMarksAndRepeatCounts(size: Size) {
        var canvas = paneCanvas(Size(width: min(size.width, 80), height: min(size.height, 6)))
        MessagesPane(rows: DashboardFixture.messages).render(in: canvas.bounds, on: &canvas, theme: .builtinDefault,
                                                             glyphs: .unicode)
        let text = canvas.textDump
        let error = DashboardFixture.line(containing: "NVDA: not", in: canvas)
        let info = DashboardFixture.line(containing: "Market data", in: canvas)
        #expect(error != nil && info != nil && error! < info!)
        #expect(text.contains("✖"))
        #expect(text.contains("×3"))
        #expect(roles(of: "✖", in: canvas) == "E")
        #expect(roles(of: "NVDA: not", in: canvas) == "EEEEEEEEE")
        #expect(roles(of: "Market data", in: canvas) == "ttttttttttt", "information never looks like an error")
    }

    @Test func messagesInASCII() {
        var canvas = paneCanvas(Size(width: 80, height: 6))
        MessagesPane(rows: DashboardFixture.messages).render(in: canvas.bounds, on: &canvas, theme: .builtinDefault,
                                                             glyphs: .ascii)
        #expect(canvas.textDump.contains("E 10:32:11   354   x3 NVDA"))
        #expect(canvas.textDump.contains("i 10:30:00  2104"))
        #expect(isASCII(canvas))
    }
}
