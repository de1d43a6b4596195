import Testing
import TerminalUI

@Suite struct SnapshotTests {
    static var review: DashboardScreen {
        var screen = DashboardFixture.screen
        var ticket = DashboardFixture.ticket
        ticket.mode = .review
        ticket.reviewLines = DashboardFixture.reviewLines
        screen.ticket = ticket
        screen.focus = .ticket
        screen.footer = FooterLine(hints: [.init("Enter", "send"), .init("Esc", "edit")])
        return screen
    }

    @Test func full120x40() {
        expectSnapshot(DashboardFixture.render(width: 120, height: 40), named: "full120x40")
    }

    @Test func ordersShowAStopLimitsTwoPricesWholeWhenTheTerminalIsWide() {
        // At 160 columns the type column takes the width of `STP LMT 420.00 420.10`; at 120 it
        // keeps its least width (cut with an ellipsis) so the id and TIF columns stay.
        let wide = DashboardFixture.render(width: 160, height: 40).textDump
        #expect(wide.contains("1044 cl 7   BUY     10 MSFT   STP LMT 420.00 420.10 GTC PreSubmitted"))
        let narrow = DashboardFixture.render(width: 120, height: 40).textDump
        #expect(narrow.contains("1044 cl 7   BUY     10 MSFT   STP LMT 42… GTC"))
    }

    @Test func fullASCII100x30() {
        expectSnapshot(DashboardFixture.render(width: 100, height: 30, glyphs: .ascii), named: "fullASCII100x30")
    }

    @Test func compactReview80x24() {
        expectSnapshot(DashboardFixture.render(Self.review, width: 80, height: 24), named: "compactReview80x24")
    }

    @Test func tooSmall40x10() {
        expectSnapshot(DashboardFixture.render(width: 40, height: 10), named: "tooSmall40x10")
    }
}
