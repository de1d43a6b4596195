import Dashboard
import Testing
import TerminalUI

@Suite struct WatchlistPaneTests {
    func render(_ rows: [WatchlistLine] = DashboardFixture.watchlist, size: Size, glyphs: GlyphSet = .unicode) -> Canvas {
        var canvas = paneCanvas(size)
        WatchlistPane(rows: rows).render(in: canvas.bounds, on: &canvas, theme: .builtinDefault, glyphs: glyphs)
        return canvas
    }

    @Test(arguments: paneSizes)
    func showsMarksStateWordsAndAgesAtEverySize(size: Size) {
        let text = render(size: size).textDump
        #expect(text.contains("Watchlist"))
        #expect(text.contains("● AAPL"))
        #expect(text.contains("231.20"))
        #expect(text.contains("✕ MSFT"))
        #expect(text.contains("stale 47 s"))
        #expect(text.contains("⊘ NVDA"))
        #expect(text.contains("no entitlement"))
        #expect(!text.contains("x"), "every cell of the pane is drawn")
    }

    @Test func aRowWhoseAlertFiredFlashes() {
        var rows = DashboardFixture.watchlist
        rows[0] = rows[0].flashing(true)
        let canvas = render(rows, size: Size(width: 100, height: 8))
        let flashed = roles(of: "AAPL", in: canvas)
        let plain = roles(of: "MSFT", in: render(size: Size(width: 100, height: 8)))
        #expect(flashed != plain)
        #expect(flashed.map { Set($0).count } == 1, "the whole symbol in the flash style")
    }

    @Test func dropsColumnsButNeverTheFreshnessAtNarrowWidths() {
        let wide = render(size: Size(width: 120, height: 14)).textDump
        #expect(wide.contains("Volume") && wide.contains("Bid") && wide.contains("Chg%"))
        let narrow = render(size: Size(width: 40, height: 14)).textDump
        #expect(!narrow.contains("Volume") && !narrow.contains("Bid"))
        #expect(narrow.contains("halted 2 min 07 s"))
        #expect(narrow.contains("disconnected 12 s"))
    }

    @Test func aStaleRowIsNotDrawnInTheLiveStyle() {
        let canvas = render(size: Size(width: 100, height: 14))
        #expect(roles(of: "231.20", in: canvas) == "tttttt")
        #expect(roles(of: "415.06", in: canvas) == "ssssss")
        #expect(roles(of: "● AAPL", in: canvas)?.first == "l")
        #expect(roles(of: "✕ MSFT", in: canvas)?.first == "s")
        #expect(roles(of: "-0.39%", in: canvas) == "ssssss", "a stale change is not drawn as down")
        #expect(roles(of: "+0.54%", in: canvas) == "++++++")
        #expect(roles(of: "stale 47 s", in: canvas) == String(repeating: "s", count: 10))
    }

    @Test(arguments: Freshness.allCases)
    func everyStateButLiveDrawsItsPricesInItsOwnRole(state: Freshness) {
        let row = WatchlistLine(symbol: "ABC", bid: "10.00", ask: "10.02", last: "10.01", state: state, age: "5 s")
        let canvas = render([row], size: Size(width: 100, height: 4))
        let expected = state == .live ? "t" : String(state.role.dumpLetter)
        #expect(roles(of: "10.01", in: canvas) == String(repeating: expected, count: 5))
        #expect(canvas.textDump.contains("\(GlyphSet.unicode.marks.mark(state)) ABC"))
        #expect(canvas.textDump.contains(state.label(age: "5 s")))
    }

    @Test func marksAreDistinctOneColumnWideAndASCIIInASCIIMode() {
        for marks in [MarkGlyphs.unicode, .ascii] {
            let all = Freshness.allCases.map { marks.mark($0) }
            #expect(Set(all).count == Freshness.allCases.count)
            #expect(all.allSatisfy { DisplayWidth.of($0) == 1 })
            let levels = MessageLevel.allCases.map { marks.mark($0) }
            #expect(Set(levels).count == MessageLevel.allCases.count)
        }
        #expect(Freshness.allCases.allSatisfy { GlyphSet.ascii.marks.mark($0).isASCII })
    }

    @Test func asciiModeShowsASCIIMarksAndDashes() {
        let canvas = render(size: Size(width: 100, height: 14), glyphs: .ascii)
        let text = canvas.textDump
        #expect(text.contains("* AAPL"))
        #expect(text.contains("! MSFT"))
        #expect(text.contains("$ NVDA"))
        #expect(text.contains("X IWM"))
        #expect(isASCII(canvas))
    }

    @Test func anEmptyWatchlistSaysHowToAddASymbol() {
        #expect(render([], size: Size(width: 60, height: 5)).textDump.contains("Press a to add one"))
    }

    @Test func aSelectedStaleRowStillLooksStale() {
        var canvas = paneCanvas(Size(width: 100, height: 14))
        WatchlistPane(rows: DashboardFixture.watchlist, selectedRow: 1)
            .render(in: canvas.bounds, on: &canvas, theme: .builtinDefault, glyphs: .unicode)
        #expect(roles(of: "415.06", in: canvas) == "ssssss")
        #expect(roles(of: "stale 47 s", in: canvas) == String(repeating: "s", count: 10))
        #expect(roles(of: "▶", in: canvas) == "v")
        var live = paneCanvas(Size(width: 100, height: 14))
        WatchlistPane(rows: DashboardFixture.watchlist, selectedRow: 0)
            .render(in: live.bounds, on: &live, theme: .builtinDefault, glyphs: .unicode)
        #expect(roles(of: "231.20", in: live) == "vvvvvv")
        #expect(roles(of: "● AAPL", in: live) == "lvvvvv")
        #expect(roles(of: "live", in: live, fromRow: 2) == "llll")
    }

    @Test func selectionIsMarkedInTheGutter() {
        var canvas = paneCanvas(Size(width: 100, height: 14))
        WatchlistPane(rows: DashboardFixture.watchlist, selectedRow: 1, isFocused: true)
            .render(in: canvas.bounds, on: &canvas, theme: .builtinDefault, glyphs: .unicode)
        #expect(canvas.lines[3].contains("▶ ✕ MSFT"))
        #expect(canvas.lines[0].hasPrefix("┏━[Watchlist]"))
    }
}
