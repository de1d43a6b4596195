import Testing
import PaperExchange
import Vocabulary

@Suite struct CommissionTests {
    let schedule = CommissionSchedule.ibkrProTiered
    let universe: InstrumentUniverse

    init() throws {
        universe = try Fixtures.universe()
    }

    private func stock(_ action: OrderAction, _ shares: Int, _ price: String, volume: Int = 0) throws -> FixedDecimal {
        let aapl = try #require(universe.instrument(symbol: "AAPL"))
        return schedule.orderCommission(
            instrument: aapl, action: action, quantity: shares, value: Fixtures.decimal(price) * shares,
            monthlyShareVolume: volume)
    }

    @Test func smallStockBuyPaysTheMinimumPlusClearing() throws {
        // 100 × 0.0035 = 0.35 (= minimum) + clearing 100 × 0.0002 = 0.02
        #expect(try stock(.buy, 100, "271.50") == Fixtures.decimal("0.37"))
    }

    @Test func largerStockBuyPaysPerShare() throws {
        // 1,000 × 0.0035 = 3.50 + clearing 0.20
        #expect(try stock(.buy, 1000, "50.00") == Fixtures.decimal("3.70"))
    }

    @Test func stockSaleAddsSECAndFINRAFees() throws {
        // 0.35 + 0.02 clearing + SEC 27,200 × 0.0000278 = 0.75616 + FINRA 100 × 0.000166 = 0.0166
        #expect(try stock(.sell, 100, "272.00") == Fixtures.decimal("1.14276"))
    }

    @Test func onePercentCapWinsOverTheMinimumOnTinyTrades() throws {
        // 10 shares at 1.00: 1 % of 10.00 = 0.10 < 0.35 minimum, so 0.10 + clearing 0.002
        #expect(try stock(.buy, 10, "1.00") == Fixtures.decimal("0.102"))
    }

    @Test func higherMonthlyVolumeLowersTheRate() throws {
        #expect(schedule.stockRate(monthlyShareVolume: 299_999) == Fixtures.decimal("0.0035"))
        #expect(schedule.stockRate(monthlyShareVolume: 300_000) == Fixtures.decimal("0.002"))
        #expect(schedule.stockRate(monthlyShareVolume: 150_000_000) == Fixtures.decimal("0.0005"))
        // 10,000 × 0.002 = 20.00 + clearing 2.00
        #expect(try stock(.buy, 10_000, "100.00", volume: 500_000) == Fixtures.decimal("22.00"))
    }

    @Test func futuresPayAFlatRatePerContract() throws {
        let es = try #require(universe.resolve(ContractQuery(symbol: "ES", secType: "FUT", lastTradeDateOrContractMonth: "202603")))
        #expect(schedule.orderCommission(instrument: es, action: .buy, quantity: 3, value: 1_000_000, monthlyShareVolume: 0)
            == Fixtures.decimal("6.75"))
    }

    @Test func forexPaysTwoTenthsOfABasisPointWithATwoDollarMinimum() throws {
        let eur = try #require(universe.instrument(symbol: "EUR", secType: .forex))
        #expect(schedule.orderCommission(instrument: eur, action: .buy, quantity: 20_000, value: 23_180, monthlyShareVolume: 0)
            == Fixtures.decimal("2.00"))
        // 5,000,000 × 0.00002 = 100.00
        #expect(schedule.orderCommission(instrument: eur, action: .sell, quantity: 4_000_000, value: 5_000_000, monthlyShareVolume: 0)
            == Fixtures.decimal("100"))
    }
}
