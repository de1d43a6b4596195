import Testing
@testable import TerminalUI

@Suite struct TicketPaneTests {
    func render(_ ticket: TicketView?, size: Size = Size(width: 40, height: 16), glyphs: GlyphSet = .unicode) -> Canvas {
        var canvas = paneCanvas(size)
        TicketPane(ticket: ticket, isFocused: true).render(in: canvas.bounds, on: &canvas, theme: .builtinDefault,
                                                           glyphs: glyphs)
        return canvas
    }

    @Test func theEmptyTicketNamesTheKeysAsBound() throws {
        var canvas = paneCanvas(Size(width: 40, height: 8))
        TicketPane(ticket: nil, openKeys: .init(buy: "B", sell: "S")).render(
            in: canvas.bounds, on: &canvas, theme: .builtinDefault, glyphs: .unicode)
        #expect(canvas.textDump.contains("Press B to buy or S to sell"))
        #expect(!canvas.textDump.contains("Press b"))

        var rebound = Keymap.defaults
        #expect(rebound.apply(overrides: ["buy": ["B"], "sell": []]).isEmpty)
        let keys = DashboardScreenBuilder.openTicketKeys(of: rebound)
        #expect(keys == .init(buy: "B", sell: nil))
        var unbound = paneCanvas(Size(width: 40, height: 8))
        TicketPane(ticket: nil, openKeys: keys).render(in: unbound.bounds, on: &unbound, theme: .builtinDefault, glyphs: .unicode)
        #expect(unbound.textDump.contains("Press B to buy"))
        #expect(!unbound.textDump.contains("sell"))
    }

    @Test(arguments: paneSizes)
    func editShowsTheSideColouredAndLabelledAndEveryField(size: Size) {
        let canvas = render(DashboardFixture.ticket, size: Size(width: min(size.width, 40), height: min(size.height, 14)))
        let text = canvas.textDump
        #expect(text.contains(" BUY  100 AAPL LMT 231.20 DAY"))
        #expect(roles(of: " BUY ", in: canvas) == "BBBBB")
        #expect(text.contains("Quote 231.18 × 231.22 ● live"))
        #expect(text.contains("Enter review"), "the key hint is kept even when the pane is short")
        if size.height >= 14 {
            #expect(text.contains("Quantity    100"))
            #expect(text.contains("▶ Limit price 231.20"))
            #expect(text.contains("TIF         DAY"))
        }
    }

    @Test func sellIsLabelledAndColouredAsSell() {
        var ticket = DashboardFixture.ticket
        ticket.side = .sell
        let canvas = render(ticket)
        #expect(roles(of: " SELL ", in: canvas) == "SSSSSS")
        #expect(!canvas.textDump.contains("BUY"))
    }

    @Test func aRefusalNamesTheFieldAndHighlightsIt() {
        var ticket = DashboardFixture.ticket
        ticket.quantity = "-5"
        ticket.refusal = TicketView.Refusal(field: .quantity, message: "Quantity must be a positive whole number.")
        let canvas = render(ticket)
        let text = canvas.textDump
        #expect(text.contains("! Quantity    -5"))
        #expect(roles(of: "Quantity    -5", in: canvas)?.allSatisfy { $0 == "E" } == true)
        #expect(text.contains("✖ Refused: Quantity must be a"))
        #expect(text.contains("positive whole number."), "the message wraps instead of being cut")
        #expect(roles(of: "Refused", in: canvas) == "EEEEEEE")
    }

    @Test func aRefusedFieldWithFocusKeepsBothMarks() {
        var ticket = DashboardFixture.ticket
        ticket.quantity = "-5"
        ticket.focusedField = .quantity
        ticket.refusal = TicketView.Refusal(field: .quantity, message: "Quantity must be a positive whole number.")
        #expect(render(ticket).textDump.contains("▶!Quantity    -5"))
        #expect(render(ticket, glyphs: .ascii).textDump.contains(">!Quantity    -5"))
        ticket.focusedField = .limitPrice
        let text = render(ticket).textDump
        #expect(text.contains("! Quantity    -5") && text.contains("▶ Limit price"))
    }

    @Test func aStaleReferenceQuoteIsShownStale() {
        var ticket = DashboardFixture.ticket
        ticket.referenceState = .stale
        let canvas = render(ticket)
        #expect(canvas.textDump.contains("Quote 231.18 × 231.22 ✕ stale"))
        #expect(roles(of: "231.18", in: canvas) == "ssssss")
    }

    @Test func reviewShowsTheReviewLinesAndHowToSend() {
        var ticket = DashboardFixture.ticket
        ticket.mode = .review
        ticket.reviewLines = DashboardFixture.reviewLines
        let canvas = render(ticket, size: Size(width: 52, height: 16))
        let text = canvas.textDump
        #expect(text.contains("Order ticket: review"))
        #expect(text.contains("Notional:    ≈ 23,120.00"))
        #expect(text.contains("Position:    100 → 200"))
        #expect(text.contains("Enter send  Esc edit"))
        #expect(!text.contains("▶ Limit price"), "fields give way to the review")
    }

    @Test func reviewInASCIITransliteratesTheReviewLines() {
        var ticket = DashboardFixture.ticket
        ticket.mode = .review
        ticket.reviewLines = DashboardFixture.reviewLines
        let canvas = render(ticket, size: Size(width: 52, height: 16), glyphs: .ascii)
        #expect(canvas.textDump.contains("Position:    100 -> 200"))
        #expect(canvas.textDump.contains("Quote 231.18 x 231.22 * live"))
        #expect(isASCII(canvas))
    }

    @Test func aLongReviewLineWrapsUnderItsValueAndLosesNothing() {
        let line = "Modify:      order 1044, same id (cancel/replace in one step)"
        #expect(TicketPane.wrapped(line, width: 38) == [
            "Modify:      order 1044, same id",
            "             (cancel/replace in one",
            "             step)",
        ])
        #expect(TicketPane.wrapped("Side:        BUY", width: 38) == ["Side:        BUY"])
        var ticket = DashboardFixture.ticket
        ticket.mode = .review
        ticket.reviewLines = [line, "Commission:  ≈ 1.00 (IBKR Pro tiered estimate)"]
        let text = render(ticket, size: Size(width: 40, height: 16)).textDump
        #expect(text.contains("(cancel/replace in one"))
        #expect(text.contains("             step)"))
        #expect(text.contains("Commission:  ≈ 1.00 (IBKR Pro tiered"))
        #expect(text.contains("             estimate)"))
        #expect(!text.contains("…"))
    }

    @Test func aModifyTicketSaysWhichOrderAndAnOverrideIsMarked() {
        var ticket = DashboardFixture.ticket
        ticket.modifies = "#1044"
        ticket.quoteOverridden = true
        let text = render(ticket).textDump
        #expect(text.contains("Modify order #1044"))
        #expect(text.contains("Type fixed; g TIF"))
        #expect(text.contains("Override: quote not live, accepted"))
    }

    @Test func sentNamesTheOrder() {
        var ticket = DashboardFixture.ticket
        ticket.mode = .sent("#1044")
        let text = render(ticket).textDump
        #expect(text.contains("Sent as order #1044."))
        #expect(text.contains("Any key closes"))
    }

    @Test func noTicketExplainsHowToOpenOne() {
        #expect(render(nil).textDump.contains("Press b to buy or s to sell"))
    }

    @Test func contentHeightCountsWrappedRefusals() {
        var ticket = DashboardFixture.ticket
        let plain = TicketPane(ticket: ticket).contentHeight(width: 40, glyphs: .unicode)
        #expect(plain == 9, "header, quote, five fields, type keys, keys")
        ticket.refusal = TicketView.Refusal(field: nil, message: String(repeating: "word ", count: 20))
        #expect(TicketPane(ticket: ticket).contentHeight(width: 40, glyphs: .unicode) > plain + 1)
    }
}
