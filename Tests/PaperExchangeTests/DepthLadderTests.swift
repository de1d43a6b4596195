import Testing
@testable import PaperExchange

@Suite struct DepthLadderTests {
    @Test func theBookStartsAtTheQuoteAndStepsAwayFromIt() throws {
        let aapl = try #require(try Fixtures.universe().instruments.first { $0.symbol == "AAPL" })
        let quote = Fixtures.quote(aapl, bid: "270.10", ask: "270.12", bidSize: 300, askSize: 700)
        let bids = DepthLadder.side(of: quote, instrument: aapl, bid: true, rows: 5, seed: 1)
        let asks = DepthLadder.side(of: quote, instrument: aapl, bid: false, rows: 5, seed: 1)
        #expect(bids.count == 5 && asks.count == 5)
        #expect(bids[0].price == Fixtures.decimal("270.10") && bids[0].size == 300)
        #expect(asks[0].price == Fixtures.decimal("270.12") && asks[0].size == 700)
        #expect(zip(bids, bids.dropFirst()).allSatisfy { $0.price > $1.price })
        #expect(zip(asks, asks.dropFirst()).allSatisfy { $0.price < $1.price })
        #expect(bids.allSatisfy { $0.size > 0 && $0.size % 100 == 0 })
        // A row deeper in the book keeps its size and exchange when the top moves by a tick.
        let moved = Fixtures.quote(aapl, bid: "270.11", ask: "270.13")
        let after = DepthLadder.side(of: moved, instrument: aapl, bid: true, rows: 6, seed: 1)
        let common = bids.dropFirst().filter { row in after.dropFirst().contains { $0.price == row.price } }
        #expect(!common.isEmpty)
        for row in common {
            let same = try #require(after.dropFirst().first { $0.price == row.price })
            #expect(same.venue == row.venue)
        }
    }
}
