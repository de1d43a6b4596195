import Testing
import TerminalUI

@Suite struct AccountPaneTests {
    @Test(arguments: paneSizes)
    func positionsShowQuantitiesPricesAndPnL(size: Size) {
        var canvas = paneCanvas(size)
        PositionsPane(rows: DashboardFixture.positions).render(in: canvas.bounds, on: &canvas, theme: .builtinDefault,
                                                               glyphs: .unicode)
        let text = canvas.textDump
        #expect(text.contains("Positions"))
        #expect(text.contains("AAPL"))
        #expect(text.contains("-50"))
        #expect(text.contains("+280.00"))
        #expect(text.contains("228.40"), "average cost is kept before the market price (the watchlist has it)")
        if size.width >= 100 {
            #expect(text.contains("23,120.00") && text.contains("+62.00"), "market value and daily P&L")
        }
    }

    @Test func aStalePositionPriceIsDrawnStale() {
        var canvas = paneCanvas(Size(width: 100, height: 6))
        PositionsPane(rows: DashboardFixture.positions).render(in: canvas.bounds, on: &canvas, theme: .builtinDefault,
                                                               glyphs: .unicode)
        #expect(roles(of: "231.20", in: canvas) == "tttttt")
        #expect(roles(of: "415.06", in: canvas) == "ssssss")
        #expect(roles(of: "+280.00", in: canvas) == "+++++++")
        #expect(roles(of: "+247.00", in: canvas) == "sssssss")
        #expect(canvas.textDump.contains("✕ MSFT"))
    }

    @Test(arguments: paneSizes)
    func pnlShowsEveryValueAndTheSparkline(size: Size) {
        var canvas = paneCanvas(Size(width: min(size.width, 40), height: min(size.height, 8)))
        PnLPane(summary: DashboardFixture.pnl).render(in: canvas.bounds, on: &canvas, theme: .builtinDefault,
                                                      glyphs: .unicode)
        let text = canvas.textDump
        #expect(text.contains("Daily"))
        #expect(text.contains("+514.50"))
        #expect(text.contains("1,002,514.50"))
        if canvas.size.height >= 8 {
            #expect(text.contains("Buying power"))
            #expect(canvas.lines[5].hasSuffix("— │") || canvas.lines[5].contains("—"), "unknown value is a dash")
            #expect(canvas.lines[6].contains("▁▂▃▂▄▅▅▇█"))
        }
        #expect(roles(of: "+514.50", in: canvas) == "+++++++")
        #expect(roles(of: "-12.50", in: canvas) == "------")
    }

    @Test func pnlShowsSourcesWhenThereIsRoomAndDropsThemWhenNot() {
        var wide = paneCanvas(Size(width: 40, height: 8))
        PnLPane(summary: DashboardFixture.pnl).render(in: wide.bounds, on: &wide, theme: .builtinDefault, glyphs: .unicode)
        #expect(wide.lines[1].contains("+514.50 gateway"))
        #expect(wide.lines[3].contains("-12.50 computed"))
        var narrow = paneCanvas(Size(width: 30, height: 8))
        PnLPane(summary: DashboardFixture.pnl).render(in: narrow.bounds, on: &narrow, theme: .builtinDefault, glyphs: .unicode)
        #expect(!narrow.textDump.contains("gateway"))
        #expect(narrow.lines[1].contains("+514.50"))
    }

    @Test func pnlWithoutHistoryShowsADash() {
        var canvas = paneCanvas(Size(width: 40, height: 8))
        PnLPane(summary: .empty).render(in: canvas.bounds, on: &canvas, theme: .builtinDefault, glyphs: .ascii)
        #expect(canvas.lines[6].contains("Session -"))
        #expect(isASCII(canvas))
    }

    @Test(arguments: paneSizes)
    func executionsShowSideQuantitySymbolAndPrice(size: Size) {
        var canvas = paneCanvas(Size(width: min(size.width, 60), height: min(size.height, 6)))
        ExecutionsPane(rows: DashboardFixture.executions).render(in: canvas.bounds, on: &canvas,
                                                                 theme: .builtinDefault, glyphs: .unicode)
        let text = canvas.textDump
        #expect(text.contains("BUY") && text.contains("100") && text.contains("AAPL") && text.contains("231.19"))
        #expect(roles(of: "BUY", in: canvas) == "BBB")
        if canvas.size.width >= 60 { #expect(text.contains("10:31:05") && text.contains("ISLAND")) }
    }
}
