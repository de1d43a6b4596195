import Foundation
import PaperExchange
import Testing
@testable import PaperGateway

/// The ledger's streaming JSON encoder writes what `JSONDecoder` reads back into an equal
/// value, and JSON with the same structure as `JSONEncoder`'s.
@Suite struct LedgerJSONEncoderTests {
    struct Sample: Codable, Equatable {
        var text: String
        var number: Double
        var small: Int8
        var big: UInt64
        var flag: Bool
        var missing: Int?
        var present: String?
        var list: [Int]
        var byId: [Int: String]
        var byName: [String: [Double]]
        var nested: [Sample]
    }

    /// Encodes through a nested container by key, which the streaming encoder hands to
    /// `JSONEncoder`.
    struct NestedByKey: Codable, Equatable {
        var inner: Int
        enum Keys: String, CodingKey { case outer, inner }
        init(inner: Int) { self.inner = inner }
        init(from decoder: any Decoder) throws {
            let outer = try decoder.container(keyedBy: Keys.self).nestedContainer(keyedBy: Keys.self, forKey: .outer)
            inner = try outer.decode(Int.self, forKey: .inner)
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var outer = container.nestedContainer(keyedBy: Keys.self, forKey: .outer)
            try outer.encode(inner, forKey: .inner)
        }
    }

    func roundTrip<T: Codable & Equatable>(_ value: T, with encoder: LedgerJSONEncoder = LedgerJSONEncoder()) throws {
        let text = try encoder.encode(value)
        #expect(try JSONDecoder().decode(T.self, from: Data(text.utf8)) == value, "\(text)")
        let ours = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSObject
        let foundation = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? NSObject
        #expect(ours == foundation, "\(text)")
    }

    @Test func roundTripsEscapesNumbersOptionalsAndCollections() throws {
        let leaf = Sample(
            text: "quote \" backslash \\ newline \n tab \t bell \u{7} é ✓", number: -0.1, small: -8, big: .max, flag: true,
            missing: nil, present: "", list: [], byId: [:], byName: [:], nested: [])
        try roundTrip(Sample(
            text: "", number: 1e-300, small: 0, big: 0, flag: false, missing: 3, present: "x", list: [1, -2, 3],
            byId: [5: "five", -1: "minus one"], byName: ["a": [1.5, 2.25], "": []], nested: [leaf, leaf]))
    }

    @Test func fallsBackForNestedContainersByKey() throws {
        try roundTrip([NestedByKey(inner: 7)])
    }

    @Test func roundTripsTheLedgersRecordsFromARealSession() async throws {
        let gateway = try await GatewayFixture.make(statePath: nil)
        let client = try await gateway.connect()
        let ask = try await OrderTests.ask(of: "AAPL", client: client, reqId: 1)
        try await OrderTests.place(client, id: 1, symbol: "AAPL", quantity: 7, type: "MKT")
        _ = try await OrderTests.status(client, id: 1, "Filled")
        try await OrderTests.place(client, id: 2, symbol: "AAPL", action: "SELL", quantity: 3, type: "MKT")
        _ = try await OrderTests.status(client, id: 2, "Filled")
        try await OrderTests.place(client, id: 3, symbol: "AAPL", quantity: 3, type: "LMT", limit: ((ask * 0.5) * 100).rounded() / 100, tif: "GTC")
        _ = try await OrderTests.status(client, id: 3, "Submitted")
        let snapshot = try await gateway.server.snapshot()
        try await gateway.server.stop()
        #expect(snapshot.orders.count == 3 && snapshot.executions.count >= 2)
        // One encoder throughout, twice over: the second pass reuses the instruments' JSON.
        let encoder = LedgerJSONEncoder()
        for _ in 0..<2 {
            for order in snapshot.orders { try roundTrip(order, with: encoder) }
            for execution in snapshot.executions { try roundTrip(execution, with: encoder) }
            try roundTrip(snapshot.account, with: encoder)
            try roundTrip(snapshot, with: encoder)
        }
    }
}
