import Testing
import TWSWire
@testable import TWSTrace

/// Records read as messages: names, fields, ids followed back to the request that opened them.
@Suite("Trace interpreter")
struct TraceInterpreterTests {
    static let version = 200

    static func outbound(_ message: ClientMessage, at index: UInt64) -> TraceRecord {
        TraceRecord(
            kind: .outbound, serverVersion: UInt16(version), connection: 1, monotonicNanoseconds: index, wallNanoseconds: 0,
            payload: Array(message.encoded(serverVersion: version).dropFirst(4)))
    }

    static func inbound(_ message: ServerMessage, at index: UInt64) -> TraceRecord {
        TraceRecord(
            kind: .inbound, serverVersion: UInt16(version), connection: 1, monotonicNanoseconds: index, wallNanoseconds: 0,
            payload: Array(message.encoded(serverVersion: version).dropFirst(4)))
    }

    @Test func anErrorAboutARequestSaysWhatTheRequestWas() {
        var interpreter = TraceInterpreter()
        let request = interpreter.interpret(Self.outbound(.requestMarketData(RequestMarketData(reqId: 7, contract: Contract(symbol: "TSLA"))), at: 1))
        #expect(request.name == "REQ_MKT_DATA" && request.direction == .outbound)
        #expect(request.ids == [7] && request.symbols == ["TSLA"])
        #expect(request.fields.contains(TraceField("contract.symbol", "TSLA")))

        let refusal = interpreter.interpret(Self.inbound(.error(ErrorMessage(id: 7, code: 354, message: "Requested market data is not subscribed.")), at: 2))
        #expect(refusal.name == "ERR_MSG" && refusal.direction == .inbound)
        #expect(refusal.code == 354 && refusal.ids == [7])
        #expect(refusal.about == "REQ_MKT_DATA TSLA")
        #expect(refusal.symbols == ["TSLA"])
        #expect(refusal.matches("354") && refusal.matches("7") && refusal.matches("tsla") && !refusal.matches("AAPL") && !refusal.matches("8"))

        // An id nobody opened in the trace says nothing about itself.
        let stray = interpreter.interpret(Self.inbound(.error(ErrorMessage(id: 8, code: 300, message: "Can't find EId with tickerId:8")), at: 3))
        #expect(stray.about == nil && stray.symbols.isEmpty)
        // A connection-wide notice (-1) is about no id.
        let farm = interpreter.interpret(Self.inbound(.error(ErrorMessage(id: -1, code: 2104, message: "Market data farm connection is OK:usfarm")), at: 4))
        #expect(farm.ids.isEmpty && farm.matches("2104"))
        // A tick about the request: its tick type by name, and what the id was.
        let tick = interpreter.interpret(Self.inbound(.tickPrice(TickPrice(reqId: 7, tickType: .bid, price: 402.5, size: nil)), at: 5))
        #expect(tick.fields.contains(TraceField("tickType", "bid(1)")))
        #expect(tick.about == "REQ_MKT_DATA TSLA" && tick.matches("TSLA"))
    }

    @Test func eventsAndUndecodableFramesAreShownAsTheyAre() {
        var interpreter = TraceInterpreter()
        let opened = interpreter.interpret(TraceRecord(kind: .opened, connection: 3, monotonicNanoseconds: 0, wallNanoseconds: 0, payload: Array("127.0.0.1:4002 client 9".utf8)))
        #expect(opened.name == "OPENED" && opened.direction == .event && opened.fields == [TraceField("text", "127.0.0.1:4002 client 9")])
        let dropped = interpreter.interpret(TraceRecord(kind: .dropped, connection: 0, monotonicNanoseconds: 0, wallNanoseconds: 0, payload: [0, 0, 0, 0, 0, 0, 1, 4]))
        #expect(dropped.fields == [TraceField("records", "260")])
        let hello = interpreter.interpret(TraceRecord(kind: .inbound, serverVersion: 0, connection: 3, monotonicNanoseconds: 0, wallNanoseconds: 0,
                                                      payload: Array(ServerHello(serverVersion: 176, connectionTime: "20261204 14:00:00 UTC").encoded().dropFirst(4))))
        #expect(hello.name == "HANDSHAKE_REPLY" && hello.fields.first == TraceField("serverVersion", "176"))
        // TICK_PRICE with a price that is no number: raw fields, the reason, still its name.
        let broken = interpreter.interpret(TraceRecord(kind: .inbound, serverVersion: 200, connection: 3, monotonicNanoseconds: 0, wallNanoseconds: 0,
                                                       payload: Array("1\u{0}6\u{0}7\u{0}1\u{0}abc\u{0}100\u{0}0\u{0}".utf8)))
        #expect(broken.name == "TICK_PRICE" && broken.problem != nil && broken.ids == [7])
        #expect(broken.fields.map(\.value) == ["1", "6", "7", "1", "abc", "100", "0"])
    }
}
