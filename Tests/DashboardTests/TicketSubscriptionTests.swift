import Testing
@testable import Dashboard

@Suite struct TicketSubscriptionTests {
    @Test func aTicketOnASymbolOffTheWatchlistRequestsItsQuoteUntilClosed() {
        var harness = DashboardHarness.withLiveAAPL()
        let effects = harness.user(.runCommand("buy 10 KO lmt 60.00"))
        #expect(effects.actions == [.requestContractDetails(symbol: "KO"), .subscribeQuotes(symbol: "KO")])
        #expect(harness.state.ticketOnlySymbol == "KO")
        #expect(harness.state.ticket?.refusal?.code == .quoteNotLive)
        harness.send(.quoteRequested(symbol: "KO", requestID: 1_500_000_000, instrumentClass: .stock))
        harness.send(.quote(QuoteUpdate(symbol: "KO", bid: 59.99, ask: 60.01, last: 60.00, close: 59.5)))
        harness.user(.submit)
        #expect(harness.state.ticket?.ticket.review != nil)
        harness.user(.back)
        #expect(harness.user(.back).actions == [.unsubscribeQuotes(symbol: "KO")])
        #expect(harness.state.quotes.tracked("KO") == nil)
        #expect(harness.state.ticketOnlySymbol == nil)
        #expect(!harness.state.watchlistRows.contains { $0.symbol == "KO" })
    }

    @Test func closingASentTicketCancelsItsQuotes() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.runCommand("buy 10 KO lmt 60.00"))
        harness.send(.quoteRequested(symbol: "KO", requestID: 1_500_000_000, instrumentClass: .stock))
        harness.send(.quote(QuoteUpdate(symbol: "KO", bid: 59.99, ask: 60.01, last: 60.00)))
        harness.user(.submit)
        #expect(harness.user(.submit).actions.first == .placeOrder(orderID: 100, OrderInstruction(
            side: .buy, quantity: 10, symbol: "KO", orderType: .limit, limitPrice: dec("60.00"))))
        #expect(harness.user(.submit).actions == [.unsubscribeQuotes(symbol: "KO")])
    }

    @Test func aTicketOnAWatchlistSymbolRequestsNothing() {
        var harness = DashboardHarness.withLiveAAPL()
        #expect(harness.user(.runCommand("buy 10 AAPL lmt 231.20")).actions.allSatisfy {
            if case .requestWhatIf = $0 { true } else { false }
        }, "no subscription, only the review's what-if")
        #expect(harness.user(.back).isEmpty)
        #expect(harness.user(.back).isEmpty)
        #expect(harness.state.quotes.tracked("AAPL") != nil)
    }

    @Test func addingTheTicketSymbolToTheWatchlistKeepsItsSubscription() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.runCommand("buy 10 KO lmt 60.00"))
        harness.send(.quoteRequested(symbol: "KO", requestID: 1_500_000_000, instrumentClass: .stock))
        #expect(harness.user(.runCommand("add KO")).actions == [.saveWatchlists(harness.state.watchlists.saved)])
        #expect(harness.state.watchlist.contains("KO"))
        #expect(harness.state.quotes.tracked("KO") != nil)
    }

    @Test func aSecondCommandTicketReplacesTheFirstAndReleasesItsQuotes() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.runCommand("buy 10 KO lmt 60.00"))
        harness.send(.quoteRequested(symbol: "KO", requestID: 1_500_000_000, instrumentClass: .stock))
        let effects = harness.user(.runCommand("sell 5 PEP lmt 170.00"))
        #expect(effects.actions == [
            .unsubscribeQuotes(symbol: "KO"), .requestContractDetails(symbol: "PEP"), .subscribeQuotes(symbol: "PEP"),
        ])
        #expect(harness.state.ticket?.ticket.symbol == "PEP")
        #expect(harness.state.ticketOnlySymbol == "PEP")
    }
}

@Suite struct TicketRecheckTests {
    @Test func aQuoteGoingStaleBetweenReviewAndSendRefusesTheSend() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.runCommand("buy 10 AAPL lmt 231.20"))
        #expect(harness.state.ticket?.ticket.review != nil)
        harness.advance(seconds: 6)
        harness.user(.submit)
        #expect(harness.placedOrders.isEmpty)
        #expect(harness.state.ticket?.refusal?.code == .quoteNotLive)
        harness.user(.overrideQuoteFreshness)
        #expect(harness.state.ticket?.ticket.phase == .editing)
        harness.user(.submit)
        let review = try #require(harness.state.ticket?.ticket.review)
        #expect(review.quoteOverridden)
        harness.user(.submit)
        #expect(harness.placedOrders.count == 1)
    }

    @Test func aFreshTickAfterTheRefusalLetsTheSameReviewSend() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.user(.runCommand("buy 10 AAPL lmt 231.20"))
        harness.advance(seconds: 6)
        harness.user(.submit)
        #expect(harness.placedOrders.isEmpty)
        harness.tickAAPL()
        harness.user(.submit)
        #expect(harness.placedOrders.count == 1)
    }
}
