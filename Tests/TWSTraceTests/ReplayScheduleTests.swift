import Testing
import TWSWire
@testable import TWSTrace

private typealias Request = ReplaySchedule.Request

@Suite("Replay schedule")
struct ReplayScheduleTests {
    /// A run: opened, handshake out, reply in, then frames in and out 1 s apart, connection 1;
    /// then a second run of the same file (a later process).
    static func records() -> [TraceRecord] {
        let second: UInt64 = 1_000_000_000
        let wall0: Int64 = 1_700_000_000_000_000_000
        func record(_ kind: TraceRecordKind, _ version: UInt16, _ connection: UInt32, _ at: UInt64, _ payload: String) -> TraceRecord {
            TraceRecord(kind: kind, serverVersion: version, connection: connection, monotonicNanoseconds: at,
                        wallNanoseconds: wall0 + Int64(at), payload: Array(payload.utf8))
        }
        return [
            record(.opened, 0, 1, 0, "127.0.0.1:1 client 1"),
            record(.handshake, 0, 1, 0, "API"),
            record(.inbound, 0, 1, 0, "reply"),
            record(.outbound, 178, 1, 0, "startApi"),
            record(.inbound, 178, 1, 1 * second, "a"),
            record(.inbound, 178, 1, 2 * second, "b"),
            record(.outbound, 178, 1, 3 * second, "placeOrder"),
            record(.inbound, 178, 1, 4 * second, "c"),
            record(.closed, 178, 1, 5 * second, "lost"),
            record(.opened, 0, 2, 6 * second, "127.0.0.1:1 client 1"),
            record(.inbound, 0, 2, 6 * second, "reply2"),
            record(.inbound, 178, 2, 7 * second, "d"),
            record(.opened, 0, 1, 100 * second, "second run"),
            record(.inbound, 0, 1, 100 * second, "other reply"),
            record(.inbound, 178, 1, 101 * second, "other"),
        ]
    }

    static func texts(_ connection: ReplaySchedule.Connection) -> [String] {
        connection.steps.map { String(decoding: $0.payload, as: UTF8.self) }
    }

    @Test func speedOneKeepsRecordedGapsPerConnectionAndOnlyTheFirstRun() {
        let schedule = ReplaySchedule(records: Self.records(), speed: .times(1))
        #expect(schedule.connections.map(\.number) == [1, 2])
        #expect(schedule.connections[0].handshakeReply == Array("reply".utf8))
        #expect(Self.texts(schedule.connections[0]) == ["a", "b", "c"])
        #expect(schedule.connections[0].steps.map(\.delayNanoseconds) == [0, 1_000_000_000, 2_000_000_000])
        #expect(Self.texts(schedule.connections[1]) == ["d"])
        #expect(schedule.connections[1].handshakeReply == Array("reply2".utf8))
    }

    @Test func speedDividesGapsAndMaxHasNone() {
        let ten = ReplaySchedule(records: Self.records(), speed: .times(10))
        #expect(ten.connections[0].steps.map(\.delayNanoseconds) == [0, 100_000_000, 200_000_000])
        let max = ReplaySchedule(records: Self.records(), speed: .max)
        #expect(max.connections[0].steps.allSatisfy { $0.delayNanoseconds == 0 })
        #expect(Self.texts(max.connections[0]) == ["a", "b", "c"])
    }

    @Test func fromPlaysEarlierFramesAtOnceAndToStops() {
        let schedule = ReplaySchedule(records: Self.records(), speed: .times(1), from: .offset(seconds: 2.5), to: .offset(seconds: 4))
        // a and b before `from`: at once; c after it keeps its gap; d (7 s) is after `to`.
        #expect(Self.texts(schedule.connections[0]) == ["a", "b", "c"])
        #expect(schedule.connections[0].steps.map(\.delayNanoseconds) == [0, 0, 2_000_000_000])
        #expect(schedule.connections[1].steps.isEmpty)
        let wall = ReplaySchedule(records: Self.records(), speed: .times(1),
                                  to: .wall(nanoseconds: 1_700_000_000_000_000_000 + 1_500_000_000))
        #expect(Self.texts(wall.connections[0]) == ["a"])
    }

    @Test func eachFrameNamesTheClientsLastRequestBeforeItOrdersAside() {
        let schedule = ReplaySchedule(records: Self.records(), speed: .max)
        let startApi = ReplaySchedule.Request(messageID: Array("startApi".utf8), ordinal: 1)
        // "placeOrder" is not an order message id here; a real PLACE_ORDER ("3") is skipped below.
        // b comes 2 s after startApi: streamed data, not its answer (the window is 1 s).
        #expect(schedule.connections[0].steps.map(\.after) == [startApi, nil, ReplaySchedule.Request(messageID: Array("placeOrder".utf8), ordinal: 1)])
        #expect(schedule.connections[1].steps.map(\.after) == [nil])

        var records = Self.records()
        records[6].payload = Array("3\0AAPL\0".utf8)
        let skipping = ReplaySchedule(records: records, speed: .max)
        #expect(skipping.connections[0].steps[2].after == nil)

        // A poll (REQ_ALL_OPEN_ORDERS "16") is the dashboard's own clock's: no frame waits for it.
        records[6].payload = Array("16\0".utf8)
        let polling = ReplaySchedule(records: records, speed: .max)
        #expect(polling.connections[0].steps[2].after == nil)
    }

    /// A tick waits for the reqMktData that opened its ticker id, not for whatever the client
    /// asked last; a frame naming no id (POSITION_END) waits for the last request naming none.
    @Test func aFrameWaitsForTheRequestThatOpenedItsIDElseTheLastRequestNamingNone() {
        let version = 200
        func outbound(_ message: ClientMessage, _ at: UInt64) -> TraceRecord {
            TraceRecord(kind: .outbound, serverVersion: UInt16(version), connection: 1, monotonicNanoseconds: at, wallNanoseconds: 0,
                        payload: Array(message.encoded(serverVersion: version).dropFirst(4)))
        }
        func inbound(_ message: ServerMessage, _ at: UInt64) -> TraceRecord {
            TraceRecord(kind: .inbound, serverVersion: UInt16(version), connection: 1, monotonicNanoseconds: at, wallNanoseconds: 0,
                        payload: Array(message.encoded(serverVersion: version).dropFirst(4)))
        }
        let records = [
            TraceRecord(kind: .opened, connection: 1, monotonicNanoseconds: 0, wallNanoseconds: 0, payload: Array("x".utf8)),
            TraceRecord(kind: .inbound, serverVersion: 0, connection: 1, monotonicNanoseconds: 0, wallNanoseconds: 0, payload: Array("reply".utf8)),
            outbound(.requestPositions, 1),
            outbound(.requestMarketData(RequestMarketData(reqId: 7, contract: Contract(symbol: "AAPL"))), 2),
            outbound(.requestMarketData(RequestMarketData(reqId: 8, contract: Contract(symbol: "MSFT"))), 3),
            inbound(.tickPrice(TickPrice(reqId: 7, tickType: .bid, price: 231.2, size: nil)), 4),
            inbound(.positionEnd, 5),
        ]
        let steps = ReplaySchedule(records: records, speed: .max).connections[0].steps
        let mktData = Request.messageID(of: records[3].payload)
        #expect(steps.map(\.after) == [
            Request(messageID: mktData, ordinal: 1),
            Request(messageID: Request.messageID(of: records[2].payload), ordinal: 1),
        ])
    }

    @Test func eachFrameSitsOnTheTimeLineFromTheRunsStart() {
        let schedule = ReplaySchedule(records: Self.records(), speed: .times(10), from: .offset(seconds: 2.5))
        #expect(schedule.connections[0].steps.map(\.offsetNanoseconds) == [1, 2, 4].map { $0 * 1_000_000_000 })
        #expect(schedule.connections[1].steps.map(\.offsetNanoseconds) == [7_000_000_000])
        #expect(schedule.durationNanoseconds == 7_000_000_000)
        #expect(schedule.fromNanoseconds == 2_500_000_000)
        #expect(schedule.startWallNanoseconds == 1_700_000_000_000_000_000)
    }

    @Test func speedParsesNumbersAndMaxOnly() {
        #expect(ReplaySchedule.Speed("1") == .times(1))
        #expect(ReplaySchedule.Speed("MAX") == .max)
        #expect(ReplaySchedule.Speed("0") == nil)
        #expect(ReplaySchedule.Speed("-2") == nil)
        #expect(ReplaySchedule.Speed("fast") == nil)
        #expect(ReplaySchedule.Speed("10")?.description == "×10")
        #expect(ReplaySchedule.Speed("max")?.description == "×max")
    }
}

@Suite("Replay window marks")
struct ReplayMarkTests {
    // 2023-11-14 22:13:20 UTC.
    let first: Int64 = 1_700_000_000_000_000_000

    @Test func secondsAreAnOffsetAndClockTimesAreOnTheRunsDayInTheZone() {
        #expect(ReplaySchedule.Mark("90", firstWall: first, offsetSeconds: 0) == .offset(seconds: 90))
        #expect(ReplaySchedule.Mark("22:13:25", firstWall: first, offsetSeconds: 0) == .wall(nanoseconds: first + 5_000_000_000))
        // In New York (UTC-5) the run started 17:13:20 the same day.
        #expect(ReplaySchedule.Mark("17:13:30", firstWall: first, offsetSeconds: -5 * 3600) == .wall(nanoseconds: first + 10_000_000_000))
        #expect(ReplaySchedule.Mark("22:14", firstWall: first, offsetSeconds: 0) == .wall(nanoseconds: first + 40_000_000_000))
    }

    @Test func refusesWhatIsNeither() {
        #expect(ReplaySchedule.Mark("25:00", firstWall: first, offsetSeconds: 0) == nil)
        #expect(ReplaySchedule.Mark("soon", firstWall: first, offsetSeconds: 0) == nil)
        #expect(ReplaySchedule.Mark("-3", firstWall: first, offsetSeconds: 0) == nil)
        #expect(ReplaySchedule.Mark("12:60:00", firstWall: first, offsetSeconds: 0) == nil)
    }
}
