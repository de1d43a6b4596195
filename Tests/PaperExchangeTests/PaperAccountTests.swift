import Testing
@testable import PaperExchange

@Suite struct PaperAccountTests {
    let universe: InstrumentUniverse
    let aapl: Instrument

    init() throws {
        universe = try Fixtures.universe()
        aapl = try #require(universe.instrument(symbol: "AAPL"))
    }

    private func execution(_ action: OrderAction, _ shares: Int, _ price: String, instrument: Instrument? = nil) -> PaperExecution {
        PaperExecution(
            execId: "x", orderId: 1, permId: 1, clientId: 1, instrument: instrument ?? aapl, account: "DU0000001",
            exchange: "NASDAQ", action: action, shares: shares, price: Fixtures.decimal(price), time: Fixtures.t0,
            cumulativeQuantity: shares, averagePrice: Fixtures.decimal(price), orderRef: "", lastLiquidity: 2)
    }

    @Test func buyThenSellRealizesPriceDifferenceNetOfBothCommissions() {
        var account = PaperAccount(cash: 100_000)
        let opened = account.apply(execution(.buy, 100, "10.00"), commission: Fixtures.decimal("0.37"), usdPerUnit: 1, month: "202511")
        #expect(opened == nil)
        #expect(account.positions[aapl.conId]?.averagePrice == Fixtures.decimal("10.0037"))
        #expect(account.cash == Fixtures.decimal("98999.63"))
        let realized = account.apply(execution(.sell, 100, "11.00"), commission: Fixtures.decimal("0.40"), usdPerUnit: 1, month: "202511")
        // (11.00 − 10.0037) × 100 − 0.40 = 99.23
        #expect(realized == Fixtures.decimal("99.23"))
        #expect(account.cash == Fixtures.decimal("100099.23"))
        #expect(account.realizedPNLToday == Fixtures.decimal("99.23"))
        #expect(account.openPositions.isEmpty)
        #expect(account.monthlyShareVolume == 200)
    }

    @Test func partialCloseKeepsTheAverageAndShortsAreNegative() {
        var account = PaperAccount(cash: 100_000)
        account.apply(execution(.buy, 300, "20.00"), commission: .zero, usdPerUnit: 1, month: "202511")
        let realized = account.apply(execution(.sell, 500, "21.00"), commission: .zero, usdPerUnit: 1, month: "202511")
        #expect(realized == Fixtures.decimal("300"))
        let position = account.positions[aapl.conId]
        #expect(position?.quantity == -200)
        #expect(position?.averagePrice == Fixtures.decimal("21.00"))
    }

    @Test func summaryValuesALongStockPosition() {
        var account = PaperAccount(cash: 100_000)
        account.apply(execution(.buy, 100, "200.00"), commission: .zero, usdPerUnit: 1, month: "202511")
        let summary = PaperAccountSummary(account: account, marks: [aapl.conId: Fixtures.decimal("210.00")], converter: CurrencyConverter())
        #expect(summary.totalCashValue == Fixtures.decimal("80000"))
        #expect(summary.grossPositionValue == Fixtures.decimal("21000"))
        #expect(summary.netLiquidation == Fixtures.decimal("101000"))
        #expect(summary.unrealizedPNL == Fixtures.decimal("1000"))
        #expect(summary.initMarginReq == Fixtures.decimal("5250"))
        #expect(summary.availableFunds == Fixtures.decimal("95750"))
        #expect(summary.buyingPower == Fixtures.decimal("383000"))
        #expect(summary.excessLiquidity == Fixtures.decimal("95750"))
        #expect(summary.dailyPNL == Fixtures.decimal("1000"))
        let tags = Dictionary(uniqueKeysWithValues: summary.values.map { ($0.tag, $0.value) })
        #expect(tags["NetLiquidation"] == "101000.00")
        #expect(tags["BuyingPower"] == "383000.00")
        #expect(tags["AccountType"] == "INDIVIDUAL")
        #expect(summary.values.count == Set(summary.values.map(\.tag)).count)
    }

    @Test func futuresMoveOnlyTheirPNLIntoNetLiquidation() throws {
        let es = try #require(universe.resolve(ContractQuery(symbol: "ES", secType: "FUT", lastTradeDateOrContractMonth: "202603")))
        var account = PaperAccount(cash: 100_000)
        account.apply(execution(.buy, 2, "6875.00", instrument: es), commission: Fixtures.decimal("4.50"), usdPerUnit: 1, month: "202511")
        #expect(account.cash == Fixtures.decimal("99995.50"))
        let summary = PaperAccountSummary(account: account, marks: [es.conId: Fixtures.decimal("6880.25")], converter: CurrencyConverter())
        // 2 × 50 × 5.25 = 525
        #expect(summary.unrealizedPNL == Fixtures.decimal("525"))
        #expect(summary.netLiquidation == Fixtures.decimal("100520.50"))
        let realized = account.apply(execution(.sell, 2, "6880.25", instrument: es), commission: Fixtures.decimal("4.50"), usdPerUnit: 1, month: "202511")
        #expect(realized == Fixtures.decimal("525"))
        #expect(account.cash == Fixtures.decimal("100516.00"))
    }

    @Test func nonUSDPairsConvertAtTheirOwnRate() throws {
        let jpy = try #require(universe.instrument(symbol: "USD", secType: .forex, currency: "JPY"))
        let converter = CurrencyConverter(instruments: universe.instruments, marks: [jpy.conId: Fixtures.decimal("160")])
        #expect(converter.toUSD(Fixtures.decimal("16000"), from: "JPY") == Fixtures.decimal("100"))
    }
}
