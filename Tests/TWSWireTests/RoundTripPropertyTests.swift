import Testing
@testable import TWSWire
import Vocabulary

/// Encoding then decoding gives the same message back, at every server version in the window.
@Suite struct RoundTripPropertyTests {
    static let versions = [157, 158, 163, 164, 166, 170, 176, 177, 178, 183, 187, 189, 190, 192, 193, 194, 195, 196, 198, 199, 200]

    @Test(arguments: versions)
    func serverMessagesSurviveEncodeDecode(serverVersion: Int) throws {
        var generator = MessageGenerator(rng: SeededGenerator(seed: UInt64(serverVersion)))
        for _ in 0..<400 {
            let message = generator.serverMessage()
            let first = message.encoded(serverVersion: serverVersion)
            let decoded = try ServerMessage.decode(Array(first.dropFirst(4)), serverVersion: serverVersion)
            let second = decoded.encoded(serverVersion: serverVersion)
            #expect(first == second, "\(message)")
            #expect(try ServerMessage.decode(Array(second.dropFirst(4)), serverVersion: serverVersion) == decoded)
        }
    }

    @Test(arguments: versions)
    func clientMessagesSurviveEncodeDecode(serverVersion: Int) throws {
        var generator = MessageGenerator(rng: SeededGenerator(seed: UInt64(1000 + serverVersion)))
        for _ in 0..<400 {
            let message = generator.clientMessage()
            let first = message.encoded(serverVersion: serverVersion)
            let decoded = try ClientMessage.decode(Array(first.dropFirst(4)), serverVersion: serverVersion)
            let second = decoded.encoded(serverVersion: serverVersion)
            #expect(first == second, "\(message)")
            #expect(try ClientMessage.decode(Array(second.dropFirst(4)), serverVersion: serverVersion) == decoded)
        }
    }

    /// Messages whose every field travels at every version come back equal, not only
    /// re-encodable.
    @Test func simpleMessagesComeBackEqual() throws {
        let messages: [ServerMessage] = [
            .tickPrice(TickPrice(reqId: 7, tickType: .ask, price: 231.2, size: 300, attributes: TickAttributes(mask: 3))),
            .tickPrice(TickPrice(reqId: 7, tickType: .bid, price: -1, size: 0)),
            .tickSize(TickSize(reqId: 7, tickType: .volume, size: FixedDecimal(raw: 12_345_678_900))),
            .orderStatus(OrderStatusMessage(orderId: 3, status: "Filled", filled: 100, remaining: 0, avgFillPrice: 231.205, permId: 99, lastFillPrice: 231.21, clientId: 1)),
            .pnl(PnL(reqId: 1, dailyPnL: nil, unrealizedPnL: -12.5, realizedPnL: 0)),
            .managedAccounts(ManagedAccounts(accounts: ["DU1", "DU2"])),
            .error(ErrorMessage(id: -1, code: 2104, message: "Market data farm connection is OK:usfarm — ünïcode", advancedOrderRejectJson: "", errorTime: 1_764_000_000_000)),
        ]
        for message in messages {
            let frame = message.encoded(serverVersion: 200)
            #expect(try ServerMessage.decode(Array(frame.dropFirst(4)), serverVersion: 200) == message)
        }
    }

    @Test func nonASCIITextIsEscapedOnTheWireAndRestored() throws {
        let message = ServerMessage.error(ErrorMessage(id: 1, code: 200, message: "Zürich €"))
        let frame = message.encoded(serverVersion: 178)
        #expect(frame.allSatisfy { $0 < 0x80 })
        #expect(String(decoding: frame, as: UTF8.self).contains("Z\\u00fcrich \\u20ac"))
        #expect(try ServerMessage.decode(Array(frame.dropFirst(4)), serverVersion: 178) == message)
    }

    @Test func versionGatesChangeFieldCounts() {
        let order = PlaceOrder(contract: Contract(symbol: "AAPL"), order: Order(action: "BUY", totalQuantity: 100, orderType: "LMT", lmtPrice: 150.25))
        func count(_ version: Int) -> Int { WireSpelling.fields(ofFrame: ClientMessage.placeOrder(order).encoded(serverVersion: version)).count - 1 }
        // Field counts after the message id, as the protocol notes give them for IB's encoder.
        #expect(count(157) == 109)
        #expect(count(178) == 113)
        #expect(count(200) == 118)
        let error = ErrorMessage(id: 1, code: 2, message: "m")
        #expect(WireSpelling.fields(ofFrame: ServerMessage.error(error).encoded(serverVersion: 165)).count == 5)
        #expect(WireSpelling.fields(ofFrame: ServerMessage.error(error).encoded(serverVersion: 166)).count == 6)
        #expect(WireSpelling.fields(ofFrame: ServerMessage.error(error).encoded(serverVersion: 194)).count == 6)
    }
}
