import Testing
import TerminalUI

@Suite struct OverlayTests {
    func render(_ overlay: OverlayView?, size: Size, glyphs: GlyphSet = .unicode, ticket: TicketView? = nil) -> Canvas {
        var screen = DashboardFixture.screen
        screen.overlay = overlay
        screen.ticket = ticket
        return DashboardFixture.render(screen, width: size.width, height: size.height, glyphs: glyphs)
    }

    @Test(arguments: [Size(width: 120, height: 40), Size(width: 100, height: 30), Size(width: 80, height: 24)])
    func helpListsEveryBindingWithItsKeys(size: Size) {
        let text = render(.help(.defaults), size: size).textDump
        #expect(text.contains("[Keys]"))
        for (action, keys) in Keymap.defaults.entries {
            let names = action == .showWatchlist ? "1-9" : keys.map(\.name).joined(separator: ", ")
            #expect(text.contains(names), "keys of \(action)")
            #expect(text.contains(action.helpText), "\(action)")
        }
        #expect(text.contains("up, k"))
        #expect(text.contains("Cancel all (asks first)"))
        #expect(text.contains("ctrl-c quit, ctrl-l redraw, ctrl-z suspend"), "the keys no binding changes")
    }

    @Test func helpFollowsKeyOverrides() {
        var keymap = Keymap.defaults
        _ = keymap.apply(overrides: ["buy": ["B"], "quit": []])
        let text = render(.help(keymap), size: Size(width: 120, height: 40)).textDump
        #expect(text.contains("B          Buy the selected symbol"))
        #expect(text.contains("unbound    Quit"))
    }

    @Test func helpTextHasAFallbackForUnknownActions() {
        #expect(KeyAction(rawValue: "toggle_sound").helpText == "toggle sound")
    }

    @Test(arguments: [Size(width: 120, height: 40), Size(width: 80, height: 24)])
    func theCommandLineSitsAboveTheFooterAndTheStatusBarWithItsCursor(size: Size) {
        let canvas = render(.commandLine(text: "buy 100 AAPL lmt 231.20", cursor: 4), size: size)
        let row = size.height - 3
        #expect(canvas.lines[row].hasPrefix(":buy 100 AAPL lmt 231.20 "))
        #expect(canvas.lines[row + 2].hasPrefix(" PAPER "))
        let roleRow = Array(canvas.roleLines[row])
        #expect(roleRow[5] == "v", "the cursor is on the fifth character")
        #expect(roleRow[4] == "t")
    }

    @Test func aCursorAtTheEndIsABlankCellAndAMessageShowsOnTheRight() {
        let canvas = render(.commandLine(text: "explain 354", cursor: 99, message: "unknown command"), size: Size(width: 80, height: 24))
        let line = canvas.lines[21]
        #expect(line.hasPrefix(":explain 354 "))
        #expect(line.hasSuffix("unknown command"))
        #expect(Array(canvas.roleLines[21])[12] == "v")
        #expect(roles(of: "unknown command", in: canvas) == String(repeating: "W", count: 15))
    }

    @Test func longCommandTextScrollsToKeepTheCursorVisible() {
        let text = String(repeating: "a", count: 100) + "Z"
        let canvas = render(.commandLine(text: text, cursor: 101), size: Size(width: 80, height: 24))
        #expect(canvas.lines[21].hasPrefix(":aaaa"))
        #expect(canvas.lines[21].hasSuffix("aZ "))
        #expect(canvas.roleLines[21].last == "v")
    }

    @Test(arguments: [Size(width: 120, height: 40), Size(width: 80, height: 24)])
    func aConfirmationAsksAndNamesItsKeys(size: Size) {
        let confirmation = ConfirmationPrompt(title: "Cancel all orders", question: "Cancel all 2 working orders?",
                                        details: ["#1044 BUY 100 AAPL LMT 230.00", "#1045 SELL 50 MSFT LMT 420.00"])
        let canvas = render(.confirmation(confirmation), size: size)
        let text = canvas.textDump
        #expect(text.contains("[Cancel all orders]"))
        #expect(text.contains("Cancel all 2 working orders?"))
        #expect(text.contains("#1045 SELL 50 MSFT LMT 420.00"))
        #expect(text.contains("Enter yes   Esc no"))
        #expect(roles(of: "Enter yes", in: canvas) == "EEEEEEEEE")
    }

    @Test func theCompactTicketOverlayShowsAReview() {
        var ticket = DashboardFixture.ticket
        ticket.mode = .review
        ticket.reviewLines = DashboardFixture.reviewLines
        let canvas = render(nil, size: Size(width: 80, height: 24), ticket: ticket)
        let text = canvas.textDump
        #expect(text.contains("Order ticket: review"))
        #expect(text.contains("Position:    100 → 200"))
        #expect(text.contains("Enter send  Esc edit"))
        #expect(canvas.lines[23].hasPrefix(" PAPER "), "the status bar stays visible")
    }

    @Test(arguments: paneSizes + [Size(width: 130, height: 45)])
    func asciiModeDrawsNoNonASCIICharacter(size: Size) {
        var ticket = DashboardFixture.ticket
        ticket.mode = .review
        ticket.reviewLines = DashboardFixture.reviewLines
        for overlay in [nil, OverlayView.help(.defaults), .commandLine(text: "buy 100 AAPL", cursor: 3),
                        .confirmation(ConfirmationPrompt(title: "Quit", question: "Quit — orders are working?"))] {
            var screen = DashboardFixture.screen
            screen.overlay = overlay
            screen.ticket = ticket
            let canvas = DashboardFixture.render(screen, width: size.width, height: size.height, glyphs: .ascii)
            #expect(isASCII(canvas), "\(size) \(String(describing: overlay))")
        }
        let plain = DashboardFixture.render(width: size.width, height: size.height, glyphs: .ascii).textDump
        #expect(plain.contains("PAPER"))
        if size.fits(DashboardLayout.minimumSize) {
            #expect(plain.contains("! MSFT") && plain.contains("stale 47 s"))
            #expect(plain.contains("#=[Watchlist]"))
        }
    }
}
