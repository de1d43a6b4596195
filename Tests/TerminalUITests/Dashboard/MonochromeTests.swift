import Dashboard
import Testing
import TerminalUI

/// Freshness must show without colour: with the monochrome theme (`NO_COLOR`) the attributes
/// alone tell every non-live state's prices from a live one's.
@Suite struct MonochromeTests {
    let mono = Theme.builtinDefault.degraded(to: .monochrome)

    func priceStyle(_ state: Freshness) -> Style? {
        let row = WatchlistLine(symbol: "ABC", bid: "10.00", ask: "10.02", last: "10.01", state: state, age: "5 s")
        var canvas = paneCanvas(Size(width: 100, height: 4))
        WatchlistPane(rows: [row]).render(in: canvas.bounds, on: &canvas, theme: mono, glyphs: .ascii)
        guard let row = DashboardFixture.line(containing: "10.01", in: canvas),
              let column = canvas.lines[row].range(of: "10.01").map({ canvas.lines[row].distance(from: canvas.lines[row].startIndex, to: $0.lowerBound) })
        else { return nil }
        return canvas[column, row].style
    }

    @Test(arguments: Freshness.allCases.filter { $0 != .live })
    func everyStatesPricesDifferFromLivePricesWithoutColour(state: Freshness) {
        let live = priceStyle(.live)
        let other = priceStyle(state)
        #expect(live != nil && other != nil)
        #expect(live != other, "\(state) prices look like live ones in monochrome")
        #expect(other?.foreground == .default && other?.background == .default, "no colour is used")
    }

    @Test func theFocusedPaneAndThePaperBadgeShowWithoutColour() {
        let canvas = DashboardView.render(DashboardFixture.screen, size: Size(width: 120, height: 40), theme: mono,
                                          glyphs: .ascii)
        #expect(canvas[0, 0].character == "#")
        #expect(canvas[0, 0].style.bold)
        #expect(canvas[1, 39].style != canvas[30, 39].style, "the PAPER badge stands out from the bar")
        #expect(canvas[1, 39].style.foreground == .default && canvas[1, 39].style.background == .default)
    }
}
