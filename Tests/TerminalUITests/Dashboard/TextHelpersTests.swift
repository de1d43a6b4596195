import Dashboard
import Testing
import TerminalUI

@Suite struct TextHelpersTests {
    @Test func asciiFallbackKeepsMeaning() {
        #expect(ASCIIFallback.transliterate("≈ 23,120.00") == "~ 23,120.00")
        #expect(ASCIIFallback.transliterate("100 → 200") == "100 -> 200")
        #expect(ASCIIFallback.transliterate("AAPL · stale — 47 s") == "AAPL . stale - 47 s")
        #expect(ASCIIFallback.transliterate("€5 ✕ 日") == "EUR5 ? ?")
        #expect(ASCIIFallback.transliterate("plain") == "plain")
        #expect(ASCIIFallback.transliterate("tab\there") == "tab?here")
    }

    @Test func glyphSetsTransliterateOnlyInASCII() {
        #expect(GlyphSet.unicode.shown("100 → 200") == "100 → 200")
        #expect(GlyphSet.ascii.shown("100 → 200") == "100 -> 200")
        #expect(GlyphSet.forASCII(true).marks == .ascii)
    }

    @Test func stateLabelsCarryTheAge() {
        #expect(Freshness.stale.label(age: "47 s") == "stale 47 s")
        #expect(Freshness.noEntitlement.label(age: nil) == "no entitlement")
        #expect(Freshness.live.label(age: "") == "live")
        #expect(Freshness.live.priceRole == .text)
        #expect(Freshness.allCases.filter { $0.priceRole == .text } == [.live])
        #expect(Set(Freshness.allCases.map(\.role)).count == Freshness.allCases.count)
    }

    @Test func selectionOutsideThePaneIsIgnored() {
        var screen = DashboardFixture.screen
        screen.selection = [.watchlist: 10, .orders: 1, .pnl: 0, .messages: -1]
        #expect(screen.selectedRow(of: .watchlist) == nil)
        #expect(screen.selectedRow(of: .orders) == 1)
        #expect(screen.selectedRow(of: .pnl) == nil)
        #expect(screen.selectedRow(of: .messages) == nil)
    }

    @Test func ticketFieldsFollowTheOrderType() {
        let market = TicketView(side: .buy, quantity: "10", symbol: "SPY", orderType: "MKT")
        #expect(market.fields.map(\.field) == [.quantity, .symbol, .orderType, .timeInForce])
        let stopLimit = TicketView(side: .sell, quantity: "10", symbol: "SPY", orderType: "STP LMT",
                                   limitPrice: "550.00", stopPrice: "551.00")
        #expect(stopLimit.fields.map(\.field) == [.quantity, .symbol, .orderType, .stopPrice, .limitPrice, .timeInForce])
    }
}
