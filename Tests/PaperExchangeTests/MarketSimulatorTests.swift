import Testing
import PaperExchange

@Suite struct MarketSimulatorTests {
    private func tape(seed: UInt64, steps: [Int64]) throws -> [MarketEvent] {
        var market = MarketSimulator(
            universe: try Fixtures.universe(), configuration: .init(seed: seed), start: Fixtures.t0)
        return steps.flatMap { market.advance(to: Fixtures.t0.adding(milliseconds: $0)) }
    }

    @Test func sameSeedGivesTheSameTape() throws {
        let steps = Array(stride(from: Int64(100), through: 20_000, by: 100))
        let a = try tape(seed: 42, steps: steps)
        #expect(a == (try tape(seed: 42, steps: steps)))
        #expect(a != (try tape(seed: 43, steps: steps)))
    }

    @Test func tapeDoesNotDependOnHowTimeIsSliced() throws {
        let fine = try tape(seed: 9, steps: Array(stride(from: Int64(7), through: 10_000, by: 7)) + [10_000])
        let coarse = try tape(seed: 9, steps: [3_000, 10_000])
        #expect(fine == coarse)
    }

    @Test func pricesStayOnTheTickGridWithBidBelowAsk() throws {
        let universe = try Fixtures.universe()
        let events = try tape(seed: 5, steps: [120_000])
        #expect(!events.isEmpty)
        for event in events {
            let instrument = try #require(universe.instrument(conId: event.conId))
            let quote = event.quote
            #expect(quote.bid < quote.ask)
            #expect(quote.bid > .zero)
            #expect(instrument.ticks(of: quote.bid) != nil)
            #expect(instrument.ticks(of: quote.ask) != nil)
            if let last = quote.last { #expect(instrument.ticks(of: last) != nil) }
            #expect(quote.bidSize > 0 && quote.bidSize % instrument.secType.sizeUnit == 0)
            #expect(quote.askSize > 0 && quote.askSize % instrument.secType.sizeUnit == 0)
            if let high = quote.high, let low = quote.low { #expect(low <= high) }
        }
    }

    @Test func updatesEachInstrumentAboutFourTimesASecond() throws {
        let universe = try Fixtures.universe()
        let events = try tape(seed: 1, steps: [60_000])
        let perSecondPerSymbol = Double(events.count) / 60 / Double(universe.instruments.count)
        #expect(perSecondPerSymbol > 3.6 && perSecondPerSymbol < 4.4)
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.time <= $1.time })
    }

    @Test func eventsNameExactlyTheFieldsThatChanged() throws {
        var previous: [Int: TopOfBook] = [:]
        var market = MarketSimulator(
            universe: try Fixtures.universe(), configuration: .init(seed: 3), start: Fixtures.t0)
        for quote in market.quotes { previous[quote.conId] = quote }
        for event in market.advance(to: Fixtures.t0.adding(milliseconds: 10_000)) {
            let old = try #require(previous[event.conId])
            #expect(event.changed.contains(.bid) == (old.bid != event.quote.bid))
            #expect(event.changed.contains(.ask) == (old.ask != event.quote.ask))
            #expect(event.changed.contains(.volume) == (old.volume != event.quote.volume))
            #expect(event.changed.contains(.last) == (old.last != event.quote.last))
            #expect((event.trade != nil) == event.changed.contains(.volume))
            previous[event.conId] = event.quote
        }
    }

    @Test func startsAtTheReferencePriceWithItAsTheClose() throws {
        let universe = try Fixtures.universe()
        let market = MarketSimulator(universe: universe, configuration: .init(seed: 3), start: Fixtures.t0)
        let aapl = try #require(universe.instrument(symbol: "AAPL"))
        let quote = try #require(market.quote(conId: aapl.conId))
        #expect(quote.close == aapl.referencePrice)
        #expect(quote.last == aapl.referencePrice)
        #expect(quote.bid < aapl.referencePrice && quote.ask > aapl.referencePrice)
    }
}
