import Testing
@testable import PaperExchange
import Vocabulary

/// Properties of linked orders over seeded random markets: whatever the prices do, a bracket's
/// children never trade before the parent is filled and never leave the account short, they
/// die with a cancelled parent, and an OCA group of type 1 fills at most one member while one
/// of type 3 never fills more than one order's quantity in all.
@Suite struct LinkedOrderPropertyTests {
    let universe: InstrumentUniverse
    let aapl: Instrument

    init() throws {
        universe = try Fixtures.universe()
        aapl = try #require(universe.instrument(symbol: "AAPL"))
    }

    /// A random walk of quotes around 271.50 in cents, one step every 250 ms.
    func walk(_ generator: inout SeededGenerator, steps: Int) -> [TopOfBook] {
        var cents = 27_150
        return (1...steps).map { step in
            cents += Int(generator.next() % 41) - 20
            let bid = FixedDecimal(raw: Int64(cents) * 1_000_000)
            let quote = Fixtures.quote(aapl, bid: bid.description, ask: (bid + FixedDecimal(raw: 2_000_000)).description,
                                       bidSize: 100 * Int(1 + generator.next() % 5), askSize: 100 * Int(1 + generator.next() % 5),
                                       at: Fixtures.t0.adding(milliseconds: Int64(step) * 250))
            return quote
        }
    }

    func attached(_ request: OrderRequest, parent: Int = 0, transmit: Bool = true, oca: String = "", type: Int = 0) -> OrderRequest {
        var request = request
        request.attachment = OrderAttachment(parentId: parent, transmit: transmit, ocaGroup: oca, ocaType: type)
        return request
    }

    func price(_ cents: Int) -> String { FixedDecimal(raw: Int64(cents) * 1_000_000).description }

    @Test(arguments: 0..<100)
    func bracketsNeverTradeChildrenFirstAndDieWithTheParent(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        var engine = MatchingEngine()
        var context = Fixtures.context()
        let quotes = walk(&generator, steps: 60)
        let entry = 27_150 + Int(generator.next() % 200) - 100
        let start = quotes[0]
        _ = Fixtures.place(&engine, attached(Fixtures.order(1, .buy, 300, .limit, limit: price(entry)), transmit: false), start, &context, in: universe)
        _ = Fixtures.place(&engine, attached(Fixtures.order(2, .sell, 300, .limit, limit: price(entry + 20 + Int(generator.next() % 50))), parent: 1, transmit: false), start, &context, in: universe)
        _ = Fixtures.place(&engine, attached(Fixtures.order(3, .sell, 300, .stop, stop: price(entry - 20 - Int(generator.next() % 50))), parent: 1), start, &context, in: universe)
        let cancelAt = Int(generator.next() % 80)
        for (step, quote) in quotes.dropFirst().enumerated() {
            _ = engine.handle(Fixtures.event(quote), context: &context)
            if step == cancelAt, engine.orders[1]?.status.isWorking == true {
                _ = engine.cancel(orderId: 1)
                #expect(engine.orders[2]?.status.isWorking == false && engine.orders[3]?.status.isWorking == false,
                        "seed \(seed): children outlived their cancelled parent")
            }
            let parentFilled = engine.orders[1]?.status == .filled
            let childFills = (engine.orders[2]?.filledQuantity ?? 0) + (engine.orders[3]?.filledQuantity ?? 0)
            #expect(parentFilled || childFills == 0, "seed \(seed): a child traded before its parent filled")
            #expect((context.account.positions[aapl.conId]?.quantity ?? 0) >= 0, "seed \(seed): the bracket left the account short")
            #expect(childFills <= 300, "seed \(seed): the children sold more than the parent bought")
        }
    }

    @Test(arguments: 0..<100)
    func ocaGroupsFillOneOrderOnly(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 10_000)
        let type = seed % 2 == 0 ? 1 : 3
        var engine = MatchingEngine()
        var context = Fixtures.context()
        let quotes = walk(&generator, steps: 60)
        for id in 1...3 {
            let limit = 27_150 + Int(generator.next() % 120) - 60
            _ = Fixtures.place(&engine, attached(Fixtures.order(id, .buy, 400, .limit, limit: price(limit)), oca: "g\(seed)", type: type),
                               quotes[0], &context, in: universe)
        }
        for quote in quotes.dropFirst() {
            _ = engine.handle(Fixtures.event(quote), context: &context)
            let filled = (1...3).map { engine.orders[$0]?.filledQuantity ?? 0 }
            if type == 1 {
                #expect(filled.filter { $0 > 0 }.count <= 1, "seed \(seed): two members of a type 1 group filled: \(filled)")
            }
            #expect(filled.reduce(0, +) <= 400, "seed \(seed): the group filled \(filled.reduce(0, +)) of one order's 400")
        }
    }
}
