import Testing
@testable import Dashboard

@Suite struct PortfolioStateTests {
    @Test func aPositionRowIsMarkedAtTheLiveQuote() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.position(PositionUpdate(account: "DU1234567", symbol: "AAPL", quantity: 100, averageCost: 220)))
        let row = try #require(harness.state.positionRows.first)
        #expect(row.symbol == "AAPL")
        #expect(row.quantity == 100)
        #expect(row.averageCost == 220)
        #expect(abs((row.marketPrice ?? 0) - 231.20) < 1e-9)
        #expect(abs((row.marketValue ?? 0) - 23_120) < 1e-6)
        #expect(row.unrealizedPnL.source == .computed)
        #expect(abs((row.unrealizedPnL.amount ?? 0) - 1_120) < 1e-6)
        #expect(row.realizedPnL == .unavailable)
        #expect(row.quoteFreshness == .live)
    }

    @Test func aStaleQuoteFallsBackToTheGatewaysPortfolioNumbers() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.position(PositionUpdate(
            symbol: "AAPL", quantity: 100, averageCost: 220, marketPrice: 230, marketValue: 23_000,
            unrealizedPnL: 1_000, realizedPnL: 12.5)))
        harness.advance(seconds: 30)
        let row = try #require(harness.state.positionRows.first)
        #expect(row.quoteFreshness == .stale)
        #expect(row.marketPrice == 230)
        #expect(row.unrealizedPnL == PnLValue(amount: 1_000, source: .gateway))
        #expect(row.realizedPnL == PnLValue(amount: 12.5, source: .gateway))
    }

    @Test func thePerPositionGatewayPnLWins() throws {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.position(PositionUpdate(symbol: "AAPL", quantity: 100, averageCost: 220)))
        harness.send(.positionPnL(symbol: "AAPL", pnl: AccountPnL(daily: 220, unrealized: 1_100, realized: 5)))
        let row = try #require(harness.state.positionRows.first)
        #expect(row.unrealizedPnL == PnLValue(amount: 1_100, source: .gateway))
        #expect(row.realizedPnL == PnLValue(amount: 5, source: .gateway))
        #expect(harness.state.pnl.daily == PnLValue(amount: 220, source: .gateway))
    }

    @Test func pnlForAnUnknownPositionIsIgnored() {
        var harness = DashboardHarness.connected()
        let version = harness.state.version
        harness.send(.positionPnL(symbol: "AAPL", pnl: AccountPnL(daily: 1, unrealized: 2, realized: 3)))
        #expect(harness.state.positions.isEmpty)
        #expect(harness.state.version == version)
    }

    @Test func thePnLIsComputedFromPositionsAndQuotesWithoutTheGateway() {
        var harness = DashboardHarness.withLiveAAPL()
        harness.send(.position(PositionUpdate(symbol: "AAPL", quantity: 10, averageCost: 230)))
        #expect(harness.state.pnl.daily.source == .computed)
        #expect(abs((harness.state.pnl.daily.amount ?? 0) - 22.0) < 1e-6)
        #expect(abs((harness.state.pnl.unrealized.amount ?? 0) - 12.0) < 1e-6)
        #expect(harness.state.pnl.realized == .unavailable)
        harness.tickAAPL(last: 232.20)
        #expect(abs((harness.state.pnl.daily.amount ?? 0) - 32.0) < 1e-6)
    }

    @Test func theAccountPnLFromTheGatewayWinsAndSentinelsShowAsDashes() {
        var harness = DashboardHarness.connected()
        harness.send(.position(PositionUpdate(symbol: "XOM", quantity: 10, averageCost: 100)))
        harness.send(.accountPnL(AccountPnL(daily: 150.5, unrealized: nil, realized: -20)))
        #expect(harness.state.pnl.daily == PnLValue(amount: 150.5, source: .gateway))
        #expect(harness.state.pnl.unrealized.display == "—")
        #expect(harness.state.pnl.realized.display == "-20.00")
    }

    @Test func theSparklineHistoryRecordsTheDailyPnLOverTime() {
        var harness = DashboardHarness.connected()
        harness.send(.accountPnL(AccountPnL(daily: 10, unrealized: nil, realized: nil)))
        harness.advance(seconds: 20)
        harness.send(.accountPnL(AccountPnL(daily: 25, unrealized: nil, realized: nil)))
        harness.advance(seconds: 5)
        harness.send(.accountPnL(AccountPnL(daily: 30, unrealized: nil, realized: nil)))
        harness.advance(seconds: 20)
        #expect(harness.state.pnlHistory.values == [10, 30, 30])
    }

    @Test func accountValuesPreferTheBaseCurrency() {
        var harness = DashboardHarness.connected()
        harness.send(.accountValue(key: "NetLiquidation", value: "90000", currency: "EUR", account: "DU1"))
        harness.send(.accountValue(key: "NetLiquidation", value: "101000.5", currency: "BASE", account: "DU1"))
        harness.send(.accountValue(key: "BuyingPower", value: "400000", currency: "USD", account: "DU1"))
        harness.send(.accountValue(key: "AccountType", value: "INDIVIDUAL", currency: "", account: "DU1"))
        #expect(harness.state.accountValues.netLiquidation == 101_000.5)
        #expect(harness.state.accountValues.buyingPower == 400_000)
        #expect(harness.state.accountValues.excessLiquidity == nil)
        #expect(harness.state.accountValues.text("AccountType") == "INDIVIDUAL")
        #expect(harness.state.accountValues.amount("AccountType") == nil)
        #expect(harness.state.accountValues.account == "DU1")
    }

    @Test func aClosedPositionStaysWithZeroQuantityAndPositionsSortBySymbol() {
        var harness = DashboardHarness.connected()
        harness.send(.position(PositionUpdate(symbol: "TSLA", quantity: 5, averageCost: 250)))
        harness.send(.position(PositionUpdate(symbol: "AMZN", quantity: -3, averageCost: 180)))
        harness.send(.position(PositionUpdate(symbol: "TSLA", quantity: 0, averageCost: 0)))
        #expect(harness.state.positionRows.map(\.symbol) == ["AMZN", "TSLA"])
        #expect(harness.state.positionRows.last?.quantity == 0)
    }

    @Test func aPositionWithoutAnyPriceHasNoMarketValue() throws {
        var harness = DashboardHarness.connected()
        harness.send(.position(PositionUpdate(symbol: "XOM", quantity: 10, averageCost: 100)))
        let row = try #require(harness.state.positionRows.first)
        #expect(row.marketPrice == nil)
        #expect(row.marketValue == nil)
        #expect(row.unrealizedPnL == .unavailable)
        #expect(row.quoteFreshness == nil)
    }
}
