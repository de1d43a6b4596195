import Dashboard
import Vocabulary
import Testing
import TerminalUI

@Suite struct StatusBarViewTests {
    func render(_ model: StatusBarModel = DashboardFixture.status, width: Int, glyphs: GlyphSet = .unicode) -> Canvas {
        var canvas = paneCanvas(Size(width: width, height: 1))
        StatusBarView(model: model).render(in: canvas.bounds, on: &canvas, theme: .builtinDefault, glyphs: glyphs)
        return canvas
    }

    @Test(arguments: [130, 120, 100, 80, 40])
    func thePaperBadgeAndTheConnectionAreAlwaysShown(width: Int) {
        let canvas = render(width: width)
        #expect(canvas.lines[0].hasPrefix(" PAPER  │ connected"))
        #expect(roles(of: " PAPER ", in: canvas) == "PPPPPPP")
        #expect(!canvas.lines[0].contains("x"))
    }

    @Test(arguments: [120, 40])
    func theReplayBadgeFollowsTheAccountBadgeAndIsNeverDropped(width: Int) {
        var model = DashboardFixture.status
        model.replay = "REPLAY ×10"
        let line = render(model, width: width).lines[0]
        #expect(line.hasPrefix(" PAPER  │  REPLAY ×10  │ connected"), "\(line)")
    }

    @Test func wideBarsShowEverythingWithCountWords() {
        let line = render(width: 130).lines[0]
        for text in ["127.0.0.1:4002", "server v178", "DU1234567", "●2 live", "◐1 aging", "✕1 stale",
                     "⊘1 no entitlement", "10:32:15"] {
            #expect(line.contains(text), "\(text)")
        }
        #expect(line.hasSuffix(" │ 10:32:15"))
    }

    @Test func narrowerBarsDropTheServerVersionThenShortenTheCounts() {
        let line = render(width: 100).lines[0]
        #expect(line.contains("●2 ◐1 ✕1 ⊘1 │ 10:32:15"))
        #expect(!line.contains("server v178"))
        #expect(line.contains("DU1234567"))
        let canvas = render(width: 100)
        #expect(roles(of: "✕1", in: canvas) == "ss")
        #expect(roles(of: "●2", in: canvas) == "ll")
    }

    @Test func theLiveBadgeAndAReconnectCountdown() {
        var model = DashboardFixture.status
        model.accountBadge = .live
        model.connection = .reconnecting(countdown: "4 s", attempt: 3, reason: "connection refused")
        let canvas = render(model, width: 120)
        #expect(canvas.lines[0].hasPrefix(" LIVE  │ connection refused · retry in 4 s (attempt 3, r: now)"))
        #expect(roles(of: " LIVE ", in: canvas) == "LLLLLL")
        #expect(roles(of: "connection refused", in: canvas) == "WWWWWWWWWWWWWWWWWW")
    }

    @Test func disconnectedNamesTheReason() {
        var model = DashboardFixture.status
        model.connection = .disconnected("gateway closed the socket")
        model.freshnessCounts = [.disconnected: 10]
        let canvas = render(model, width: 120)
        #expect(canvas.lines[0].contains("disconnected: gateway closed the socket"))
        #expect(canvas.lines[0].contains("⊗10 disconnected"))
    }

    @Test func asciiStatusBar() {
        let canvas = render(width: 130, glyphs: .ascii)
        #expect(canvas.lines[0].contains("*2 live ~1 aging !1 stale $1 no entitlement | 10:32:15"))
        #expect(isASCII(canvas))
    }

    /// The bar of a dashboard that moved to client id 18 after a 326, ten live quotes.
    private var movedModel: StatusBarModel {
        StatusBarModel(
            gateway: "127.0.0.1:4002", serverVersion: "200", account: "DU0000001", accountBadge: .paper,
            connection: .connected, freshnessCounts: [.live: 10], clock: "13:45:01 UTC", clientID: "id 18")
    }

    @Test(arguments: [120, 100, 80])
    func theClientIDInUseIsShownAtEightyColumnsAndWider(width: Int) {
        let line = render(movedModel, width: width).lines[0]
        #expect(line.contains("│ DU0000001 │ id 18 "), "\(line)")
        #expect(line.contains("●10"))
        #expect(line.hasSuffix("13:45:01 UTC"))
    }

    @Test func theClientIDOutlastsTheAccountAndTheGatewayAsTheBarNarrows() {
        let narrow = render(movedModel, width: 60).lines[0]
        #expect(narrow.contains("id 18"), "\(narrow)")
        #expect(!narrow.contains("DU0000001"))
        #expect(!narrow.contains("127.0.0.1:4002"))
        let tiny = render(movedModel, width: 30).lines[0]
        #expect(tiny.hasPrefix(" PAPER  │ connected"))
        #expect(!tiny.contains("id 18"))
    }
}

extension StatusBarViewTests {
    @Test func aReplayShowsItsRecordedTimeAndATimeBarThatGoesBeforeTheClientID() {
        var model = DashboardFixture.status
        model.replay = "REPLAY ×10 14:32:05"
        let start: Int64 = 1_764_858_000_000
        model.replayBar = ReplayTimeBar(ReplayProgress(
            position: Timestamp(millisecondsSinceEpoch: start + 150_000), start: Timestamp(millisecondsSinceEpoch: start),
            end: Timestamp(millisecondsSinceEpoch: start + 300_000)))
        let wide = render(model, width: 130).lines[0]
        #expect(wide.hasPrefix(" PAPER  │  REPLAY ×10 14:32:05  │ ━━━━━━━━●─────── 2:30/5:00 │ connected"), "\(wide)")
        let ascii = render(model, width: 130, glyphs: .ascii).lines[0]
        #expect(ascii.contains("========|------- 2:30/5:00"), "\(ascii)")
        // Narrow: the bar goes, the badge with the recorded time stays.
        let narrow = render(model, width: 60).lines[0]
        #expect(narrow.contains("REPLAY ×10 14:32:05"), "\(narrow)")
        #expect(!narrow.contains("2:30/5:00"), "\(narrow)")
    }

    @Test func theTimeBarsMarkerRunsFromStartToEnd() {
        let start = Timestamp(millisecondsSinceEpoch: 0)
        let end = Timestamp(millisecondsSinceEpoch: 3_725_000)
        #expect(ReplayTimeBar(ReplayProgress(position: start, start: start, end: end)).text(width: 5, ascii: true) == "|---- 0:00/1:02:05")
        #expect(ReplayTimeBar(ReplayProgress(position: end, start: start, end: end)).text(width: 5, ascii: true) == "====| 1:02:05/1:02:05")
    }
}
