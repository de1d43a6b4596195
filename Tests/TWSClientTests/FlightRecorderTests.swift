import Foundation
import Logging
import PaperGateway
import Synchronization
import Testing
import TWSClient
import TWSTrace
import TWSWire
import Vocabulary

/// The flight recorder's taps against the paper gateway on an ephemeral port: every frame in
/// and out, the handshake and the connection's opening and end, in time order, decodable at
/// the recorded server version; the trace file holds the same records; ids are followed.
@Suite(.timeLimit(.minutes(1))) struct FlightRecorderTests {
    /// A clock that moves 1 µs per reading, so the records' order is the clock's.
    final class SteppingClock: TraceClock {
        private let ticks = Atomic<UInt64>(0)
        func now() -> (monotonic: UInt64, wall: Int64) {
            let tick = ticks.add(1, ordering: .relaxed).newValue
            return (1_000_000_000 + tick * 1_000, 1_764_806_400_000_000_000 + Int64(tick) * 1_000)
        }
    }

    static let quiet = Logger(label: "test.quiet") { _ in SwiftLogNoOpLogHandler() }

    /// A paper gateway, a client recording into `recorder`, one filled market order, then
    /// disconnected; returns the order's id.
    static func runOneOrder(recorder: FlightRecorder) async throws -> Int {
        let server = try await PaperGatewayServer.start(configuration: GatewayConfiguration(seed: 7, logger: quiet))
        var configuration = fastConfiguration()
        configuration.recorder = recorder
        let client = IBClient(configuration: configuration, logger: quiet)
        try await client.connect(host: server.host, port: server.port, clientId: 5)
        let handle = try await client.placeOrder(aapl, Order.market("BUY", 5))
        let (events, _) = Recorder.record(handle.events)
        try await waitUntil("the order's stream ends after its commission") { events.isFinished }
        let filled = events.events.contains { if case .status(let status) = $0 { status.status == .filled } else { false } }
        #expect(filled)
        await client.disconnect()
        try await server.stop()
        return handle.orderId
    }

    static func records(_ bytes: [UInt8]) -> [TraceRecord] {
        #expect(TraceFileHeader.problem(in: bytes) == nil)
        return TraceReader.items(of: bytes.dropFirst(TraceFileHeader.size)).compactMap { item -> TraceRecord? in
            guard case .record(let record) = item else {
                Issue.record("damage in a fresh trace: \(item)")
                return nil
            }
            return record
        }
    }

    @Test func recordsEveryFrameInBothDirectionsInOrder() async throws {
        let recorder = FlightRecorder(capacity: 4 << 20, maximumAge: .seconds(600), clock: SteppingClock())
        let orderID = try await Self.runOneOrder(recorder: recorder)
        let records = Self.records(recorder.snapshot())

        // The connection: opened, the handshake out, the reply in (server version 0), then frames.
        #expect(records.map(\.kind).prefix(3) == [.opened, .handshake, .inbound])
        #expect(String(decoding: records[0].payload, as: UTF8.self).hasSuffix("client 5"))
        #expect(records[1].payload.starts(with: Array("API\0".utf8)))
        #expect(records[2].serverVersion == 0)
        let hello = try ServerHello(parsing: records[2].payload[...])
        #expect(records.last?.kind == .closed)
        #expect(records.last?.payload == Array("closed by ibterm".utf8))
        #expect(Set(records.map(\.connection)) == [records[0].connection])
        #expect(zip(records, records.dropFirst()).allSatisfy { $0.monotonicNanoseconds <= $1.monotonicNanoseconds })

        // Every frame decodes at the recorded server version, the negotiated one.
        let outbound = try records.filter { $0.kind == .outbound }.map { record in
            #expect(Int(record.serverVersion) == hello.serverVersion)
            return try ClientMessage.decode(record.payload, serverVersion: Int(record.serverVersion))
        }
        let inbound = try records.filter { $0.kind == .inbound && $0.serverVersion > 0 }.map { record in
            try ServerMessage.decode(record.payload, serverVersion: Int(record.serverVersion))
        }
        #expect(outbound.first.map { if case .startAPI(5, _) = $0 { true } else { false } } == true)
        #expect(outbound.contains { if case .placeOrder(let place) = $0 { place.order.orderId == orderID } else { false } })
        #expect(inbound.contains { if case .nextValidId = $0 { true } else { false } })
        #expect(inbound.contains { if case .orderStatus(let status) = $0 { status.orderId == orderID && status.status == "Filled" } else { false } })
        #expect(inbound.contains { if case .executionData(let execution) = $0 { execution.execution.orderId == orderID } else { false } })
    }

    @Test func aLostConnectionIsRecordedWithItsReason() async throws {
        let recorder = FlightRecorder(capacity: 1 << 20, maximumAge: .seconds(600), clock: SteppingClock())
        let server = try await PaperGatewayServer.start(configuration: GatewayConfiguration(seed: 7, logger: Self.quiet))
        var configuration = fastConfiguration()
        configuration.recorder = recorder
        let client = IBClient(configuration: configuration, logger: Self.quiet)
        try await client.connect(host: server.host, port: server.port, clientId: 5)
        try await server.stop()
        try await waitUntil("the loss is recorded") {
            Self.records(recorder.snapshot()).contains { $0.kind == .closed }
        }
        await client.disconnect()
        let closed = Self.records(recorder.snapshot()).filter { $0.kind == .closed }
        #expect(closed.map { String(decoding: $0.payload, as: UTF8.self) } == ["lost: the gateway closed the connection"])
    }

    @Test func theTraceFileHoldsTheSameRecordsAsTheRing() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-trace-\(UUID().uuidString).trace").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let recorder = FlightRecorder(capacity: 4 << 20, maximumAge: .seconds(600), clock: SteppingClock())
        let file = try TraceFileWriter(path: path)
        recorder.attach(file)
        _ = try await Self.runOneOrder(recorder: recorder)
        recorder.attach(nil)
        await file.close()
        #expect(file.droppedRecords == 0)
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Self.records(written) == Self.records(recorder.snapshot()))

        // A second run appends to the same file after the first run's records.
        let again = try TraceFileWriter(path: path)
        let second = FlightRecorder(capacity: 1 << 20, maximumAge: .seconds(600), clock: SteppingClock())
        second.attach(again)
        second.record(.opened, connection: second.newConnection(), text: "again")
        await again.close()
        let both = Self.records(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(both.count == Self.records(written).count + 1)
        #expect(both.last?.payload == Array("again".utf8))
    }

    @Test func aFileThatIsNoTraceIsNotAppendedTo() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-notrace-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("my notes\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: TraceFileError.self) { try TraceFileWriter(path: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "my notes\n")
    }

    @Test func theInterpreterFollowsTheOrderIDThroughTheTrace() async throws {
        let recorder = FlightRecorder(capacity: 4 << 20, maximumAge: .seconds(600), clock: SteppingClock())
        let orderID = try await Self.runOneOrder(recorder: recorder)
        var interpreter = TraceInterpreter()
        let entries = Self.records(recorder.snapshot()).map { interpreter.interpret($0) }
        let aboutTheOrder = entries.filter { $0.matches("\(orderID)") }
        #expect(aboutTheOrder.first?.name == "PLACE_ORDER")
        #expect(aboutTheOrder.first?.direction == .outbound)
        #expect(aboutTheOrder.first?.fields.contains(TraceField("contract.symbol", "AAPL")) == true)
        let names = Set(aboutTheOrder.map(\.name))
        #expect(names.isSuperset(of: ["PLACE_ORDER", "OPEN_ORDER", "ORDER_STATUS", "EXECUTION_DATA", "COMMISSION_REPORT"]))
        #expect(aboutTheOrder.first { $0.name == "COMMISSION_REPORT" }?.about == "order BUY 5 AAPL MKT DAY")
        let status = try #require(aboutTheOrder.first { $0.name == "ORDER_STATUS" })
        #expect(status.about == "order BUY 5 AAPL MKT DAY")
        #expect(status.symbols == ["AAPL"])
        #expect(entries.filter { $0.matches("aapl") }.count >= aboutTheOrder.count)
        #expect(entries.contains { $0.code == 2104 && $0.matches("2104") })
    }
}
