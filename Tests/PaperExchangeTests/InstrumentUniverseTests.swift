import Testing
import Vocabulary
import PaperExchange
import Vocabulary

@Suite struct InstrumentUniverseTests {
    @Test func shippedFileHoldsAtLeastThirtyStocksAndTheRequiredNames() throws {
        let universe = try Fixtures.universe()
        let stocks = universe.instruments.filter { $0.secType == .stock }
        #expect(stocks.count >= 30)
        for symbol in ["AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "JPM", "SPY", "QQQ", "IWM"] {
            #expect(universe.instrument(symbol: symbol) != nil, "missing \(symbol)")
        }
        for stock in stocks {
            #expect(stock.minTick == FixedDecimal("0.01")!)
            #expect(["NASDAQ", "NYSE", "ARCA"].contains(stock.primaryExchange))
            #expect(!stock.longName.isEmpty)
        }
    }

    @Test(arguments: [
        ("AAPL", 265598), ("MSFT", 272093), ("TSLA", 76792991), ("SPY", 756733), ("QQQ", 320227571),
        ("AMZN", 3691937), ("NVDA", 4815747), ("GOOGL", 208813719), ("META", 107113386),
        ("IWM", 9579970), ("JPM", 1520593),
    ])
    func usesIBsRealConIds(symbol: String, conId: Int) throws {
        let universe = try Fixtures.universe()
        #expect(universe.instrument(symbol: symbol)?.conId == conId)
        #expect(universe.instrument(conId: conId)?.symbol == symbol)
    }

    @Test func shipsFXPairsAndFrontMonthFutures() throws {
        let universe = try Fixtures.universe()
        let eur = try #require(universe.resolve(ContractQuery(symbol: "EUR", secType: "CASH", exchange: "IDEALPRO", currency: "USD")))
        #expect(eur.localSymbol == "EUR.USD")
        #expect(eur.minTick == FixedDecimal("0.00005")!)
        let jpy = try #require(universe.instrument(symbol: "USD", secType: .forex, currency: "JPY"))
        #expect(jpy.minTick == FixedDecimal("0.005")!)
        #expect(universe.instrument(symbol: "GBP", secType: .forex) != nil)
        let es = try #require(universe.resolve(ContractQuery(symbol: "ES", secType: "FUT", exchange: "CME", lastTradeDateOrContractMonth: "202603")))
        #expect(es.multiplier == 50)
        #expect(es.minTick == FixedDecimal("0.25")!)
        #expect(universe.resolve(ContractQuery(localSymbol: "NQZ5"))?.multiplier == 20)
    }

    @Test func listsTheFrontAndNextFuturesMonthsOfTheDayAndNeverAnExpiredOne() throws {
        let text = try Fixtures.text("Sources/PaperGateway/Resources/instruments.toml")
        func listed(_ y: Int, _ m: Int, _ d: Int) throws -> [String] {
            let noon = Timestamp(secondsSinceEpoch: CalendarDay(year: y, month: m, day: d).dayNumber * 86_400 + 17 * 3600)
            return try InstrumentUniverse.parse(toml: text).listingFutures(on: noon).instruments
                .filter { $0.secType == .future }.map { "\($0.localSymbol):\($0.lastTradeDateOrContractMonth)" }
        }
        // 3 December 2026: December ES still trades (third Friday, 18 Dec); December CL stopped on
        // 20 Nov, so January leads (three business days before the 24th, as the 25th is Christmas).
        #expect(try listed(2026, 12, 3) == [
            "ESZ6:20261218", "ESH7:20270319", "NQZ6:20261218", "NQH7:20270319",
            "CLF7:20261221", "CLG7:20270120", "GCZ6:20261229", "GCG7:20270224",
        ])
        // The day after ES's December expiry, March is the front month.
        let afterExpiry = try listed(2026, 12, 21)
        // June 2027: the third Friday (18th) is Juneteenth observed, so the business day before.
        #expect(Array(afterExpiry.prefix(2)) == ["ESH7:20270319", "ESM7:20270617"])
    }

    @Test func madeUpConIdsLiveInTheirOwnRange() throws {
        let real: Set = [265598, 272093, 76792991, 756733, 320227571, 3691937, 4815747, 208813719,
                         107113386, 9579970, 1520593, 12087792]
        for instrument in try Fixtures.universe().instruments where !real.contains(instrument.conId) {
            #expect(instrument.conId >= 900_000)
        }
    }

    @Test func resolvesByListingExchangeAndRefusesUnknownOrAmbiguousQueries() throws {
        let universe = try Fixtures.universe()
        #expect(universe.resolve(ContractQuery(symbol: "jpm", secType: "STK", exchange: "NYSE"))?.conId == 1520593)
        // Any venue SMART routes to resolves a US stock (AAPL is listed on NASDAQ, and may be
        // routed to NYSE or ARCA as at IB); a venue it does not route to does not.
        #expect(universe.resolve(ContractQuery(symbol: "AAPL", secType: "STK", exchange: "ARCA"))?.conId == 265598)
        #expect(universe.resolve(ContractQuery(symbol: "AAPL", secType: "STK", exchange: "LSE")) == nil)
        #expect(universe.resolve(ContractQuery(symbol: "ZZZZ", secType: "STK")) == nil)
        #expect(universe.resolve(ContractQuery(secType: "STK")) == nil)
        // ES, NQ, CL and GC, front and next month on 2025-11-24.
        #expect(universe.instruments(matching: ContractQuery(secType: "FUT")).count == 8)
        #expect(universe.resolve(ContractQuery(conId: 265598, symbol: "MSFT")) == nil)
    }

    @Test func reportsBrokenInstrumentFiles() {
        #expect(throws: InstrumentUniverseError.self) {
            try InstrumentUniverse.parse(toml: "[[instrument]\nsymbol = 1")
        }
        let offGrid = """
            [[instrument]]
            symbol = "X"
            con_id = 900999
            long_name = "X"
            reference_price = "10.005"
            """
        #expect(throws: InstrumentUniverseError.self) { try InstrumentUniverse.parse(toml: offGrid) }
        let duplicate = offGrid.replacingOccurrences(of: "10.005", with: "10.00") + "\n"
            + offGrid.replacingOccurrences(of: "10.005", with: "11.00")
        #expect(throws: InstrumentUniverseError.self) { try InstrumentUniverse.parse(toml: duplicate) }
        let missingPrice = "[[instrument]]\nsymbol = \"X\"\ncon_id = 1\nlong_name = \"X\"\n"
        #expect(throws: InstrumentUniverseError.self) { try InstrumentUniverse.parse(toml: missingPrice) }
    }
}
