import Testing
@testable import Dashboard
import Vocabulary

/// Issue #14 item 5: delayed data as the trader's choice, never a surprise.
@Suite struct DelayedDataTests {
    static func refusedNVDA(config: DashboardConfig = DashboardConfig()) -> (DashboardHarness, [DashboardEffect]) {
        var harness = DashboardHarness.connected(config: config)
        let effects = harness.send(.notice(Notice(requestID: harness.tickerID("NVDA"), code: 354, text: "Requested market data is not subscribed.")))
        return (harness, effects)
    }

    @Test func dSwitchesASymbolWithoutEntitlementToDelayedData() throws {
        var (harness, refused) = Self.refusedNVDA()
        #expect(refused.actions.isEmpty, "no delayed data unless asked")
        harness.user(.moveSelection(.down))
        harness.user(.moveSelection(.down))
        #expect(harness.state.selectedSymbol == "NVDA")
        let effects = harness.user(.switchToDelayedData)
        #expect(effects.actions == [.unsubscribeQuotes(symbol: "NVDA"), .subscribeDelayedQuotes(symbol: "NVDA")])
        #expect(harness.state.delayedSymbols == ["NVDA"])
        #expect(harness.latestMessage?.title == "NVDA switched to delayed data")
        // The delayed line answers: DELAYED, and the ticket treats it as not live.
        harness.send(.quoteRequested(symbol: "NVDA", requestID: 2_000_000_001, instrumentClass: .stock))
        harness.send(.marketDataType(requestID: 2_000_000_001, type: .delayed))
        harness.send(.quote(QuoteUpdate(symbol: "NVDA", bid: 182.40, ask: 182.42, last: 182.41, lastSize: 3)))
        #expect(harness.state.quotes.freshness(of: "NVDA", at: harness.instant)?.state == .delayed)
        harness.user(.openTicket(.buy))
        harness.type("10")
        harness.user(.submit)
        #expect(harness.state.ticket?.refusal?.code == .quoteNotLive)
    }

    @Test func dOnALiveSymbolExplainsThatNothingIsNeeded() {
        var harness = DashboardHarness.withLiveAAPL()
        let effects = harness.user(.switchToDelayedData)
        #expect(effects.actions.isEmpty)
        #expect(harness.latestMessage?.title == "AAPL needs no delayed data")
    }

    @Test func delayedFallbackSwitchesEveryRefusedSymbolAtOnce() {
        var config = DashboardConfig()
        config.marketData = .delayedFallback
        let (harness, effects) = Self.refusedNVDA(config: config)
        #expect(effects.actions == [.unsubscribeQuotes(symbol: "NVDA"), .subscribeDelayedQuotes(symbol: "NVDA")])
        #expect(harness.latestMessage?.explanation.contains("market_data = \"delayed-fallback\"") == true)
    }

    @Test func aDelayedSymbolAddedAgainComesDelayed() {
        var (harness, _) = Self.refusedNVDA()
        harness.user(.moveSelection(.down))
        harness.user(.moveSelection(.down))
        harness.user(.switchToDelayedData)
        harness.user(.runCommand("remove NVDA"))
        #expect(harness.user(.runCommand("add NVDA")).actions.contains(.subscribeDelayedQuotes(symbol: "NVDA")))
    }

    @Test func theConfigReadsMarketData() throws {
        #expect(try DashboardConfig.parse(toml: "market_data = \"delayed-fallback\"\n").config.marketData == .delayedFallback)
        #expect(throws: ConfigError.self) { try DashboardConfig.parse(toml: "market_data = \"sometimes\"\n") }
    }
}

extension DelayedDataTests {
    /// The delay shown is how far IB's delayed last-trade time lies behind the moment it was read.
    @Test func aDelayedQuoteShowsItsDelayInMinutes() {
        var (harness, _) = Self.refusedNVDA()
        harness.user(.moveSelection(.down))
        harness.user(.moveSelection(.down))
        harness.user(.switchToDelayedData)
        harness.send(.quoteRequested(symbol: "NVDA", requestID: 2_000_000_001, instrumentClass: .stock))
        harness.send(.marketDataType(requestID: 2_000_000_001, type: .delayed))
        harness.send(.quote(QuoteUpdate(symbol: "NVDA", bid: 182.40, ask: 182.42)))
        var freshness = harness.state.quotes.freshness(of: "NVDA", at: harness.instant)
        #expect(freshness?.state == .delayed && freshness?.delay == nil)
        #expect(freshness?.label == "DELAYED" || freshness?.label == "delayed", "no delay claimed before the line reports one")
        let traded = harness.now - .seconds(15 * 60 + 20)
        harness.send(.quote(QuoteUpdate(symbol: "NVDA", values: QuoteValues(last: 182.41), lastTradeTime: traded)))
        freshness = harness.state.quotes.freshness(of: "NVDA", at: harness.instant)
        #expect(freshness?.delayMinutes == 15)
        #expect(freshness?.label.hasSuffix(" 15 min") == true)
        // With no newer trade the price on screen grows older: the delay counts on.
        harness.advance(seconds: 60)
        #expect(harness.state.quotes.freshness(of: "NVDA", at: harness.instant)?.delayMinutes == 16)
        // A live quote never shows a delay, whatever its trades' times.
        var live = DashboardHarness.withLiveAAPL()
        live.send(.quote(QuoteUpdate(symbol: "AAPL", values: QuoteValues(last: 231.0), lastTradeTime: live.now - .seconds(600))))
        #expect(live.state.quotes.freshness(of: "AAPL", at: live.instant)?.delayMinutes == nil)
    }
}
