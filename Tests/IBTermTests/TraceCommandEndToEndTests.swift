import Foundation
import Logging
import PaperGateway
import TestPrerequisites
import Testing
import TWSClient
import TWSTrace
import TWSWire
import Vocabulary

@testable import ibterm

/// `ibterm trace`: the built binary prints a recorded run with one order (recorded by the
/// flight recorder against the paper gateway into a `--trace`-style file), follows the order id,
/// prints JSON lines, and skips a torn last record saying so on standard error.
@Suite(.timeLimit(.minutes(2))) struct TraceCommandEndToEndTests {
    @Test func traceIsParsedWithItsOptions() throws {
        let command = try IBTerm.parseAsRoot(["trace", "run.trace", "--grep", "AAPL", "--json", "--time-zone", "utc"])
        let trace = try #require(command as? TraceCommand)
        #expect(trace.file == "run.trace" && trace.grep == "AAPL" && trace.json)
    }

    /// A run with one filled market order for 5 AAPL, recorded into `path`; the order's id.
    static func recordOneOrder(into path: String) async throws -> Int {
        let quiet = Logger(label: "test.quiet") { _ in SwiftLogNoOpLogHandler() }
        let server = try await PaperGatewayServer.start(configuration: GatewayConfiguration(seed: 7, logger: quiet))
        let recorder = FlightRecorder(capacity: 4 << 20)
        let file = try TraceFileWriter(path: path)
        recorder.attach(file)
        var configuration = TWSClientConfiguration()
        configuration.recorder = recorder
        configuration.commissionGrace = .milliseconds(300)
        let client = IBClient(configuration: configuration, logger: quiet)
        try await client.connect(host: server.host, port: server.port, clientId: 3)
        var order = Order()
        order.action = "BUY"
        order.totalQuantity = FixedDecimal(5)
        order.orderType = "MKT"
        order.tif = "DAY"
        let handle = try await client.placeOrder(Contract(symbol: "AAPL"), order)
        for await _ in handle.events {}
        await client.disconnect()
        try await server.stop()
        recorder.attach(nil)
        await file.close()
        return handle.orderId
    }

    struct Run {
        var status: Int32
        var output: [String]
        var errors: String
    }

    /// Runs `ibterm` with `arguments` on a dispatch thread (its blocking reads and wait never
    /// hold one of the few threads Swift concurrency runs every other test on).
    static func ibterm(_ arguments: [String], home: URL) async throws -> Run {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try runBlocking(arguments, home: home) })
            }
        }
    }

    private static func runBlocking(_ arguments: [String], home: URL) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Prerequisite.ibterm.require())
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both to the end before waiting: a full pipe would hold the process.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            output: String(decoding: outputData, as: UTF8.self).split(separator: "\n").map(String.init),
            errors: String(decoding: errorData, as: UTF8.self))
    }

    @Test(.requires(.ibterm))
    func aRunWithOneOrderIsPrintedMessageByMessageWithTheOrderFollowed() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-trace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let path = home.appendingPathComponent("run.trace").path
        let orderID = try await Self.recordOneOrder(into: path)

        // Everything: the handshake first, the order's messages among the rest.
        let all = try await Self.ibterm(["trace", path, "--time-zone", "utc"], home: home)
        #expect(all.status == 0 && all.errors.isEmpty, "\(all.errors)")
        #expect(all.output.first == "TIME (UTC)  SINCE START   CONN  MESSAGE")
        #expect(all.output.contains { $0.contains("· OPENED  text=\"127.0.0.1:") && $0.hasSuffix(" client 3\"") })
        #expect(all.output.contains { $0.contains("→ HANDSHAKE  offer=v157..200") })
        #expect(all.output.contains { $0.contains("← HANDSHAKE_REPLY  serverVersion=200") })
        #expect(all.output.contains { $0.contains("→ START_API  clientId=3") })

        // --grep the order id: the placeOrder, its open order and statuses, the execution and
        // its commission, each saying what the id was.
        let order = try await Self.ibterm(["trace", path, "--grep", "\(orderID)", "--time-zone", "utc"], home: home)
        #expect(order.status == 0)
        let lines = order.output.dropFirst(2)
        let place = try #require(lines.first)
        #expect(place.contains("→ PLACE_ORDER") && place.contains("contract.symbol=AAPL") && place.contains("order.action=BUY")
            && place.contains("order.totalQuantity=5") && place.contains("order.orderType=MKT"), "\(place)")
        for name in ["← OPEN_ORDER", "← ORDER_STATUS", "← EXECUTION_DATA", "← COMMISSION_REPORT"] {
            #expect(lines.contains { $0.contains(name) && $0.hasSuffix("[\(orderID): order BUY 5 AAPL MKT DAY]") }, "\(name)")
        }
        #expect(lines.contains { $0.contains("← ORDER_STATUS  orderId=\(orderID) status=Filled filled=5 remaining=0") })
        #expect(lines.allSatisfy { $0.contains("\(orderID)") })

        // --grep a symbol finds the same order's messages and AAPL's ticks (through their request id).
        let symbol = try await Self.ibterm(["trace", path, "--grep", "aapl", "--time-zone", "utc"], home: home)
        #expect(symbol.output.count >= order.output.count)

        // JSON lines: one object per record.
        let json = try await Self.ibterm(["trace", path, "--json", "--grep", "\(orderID)"], home: home)
        #expect(json.output.count == order.output.count - 2)
        let objects = try json.output.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.first?["name"] as? String == "PLACE_ORDER")
        #expect(objects.first?["direction"] as? String == "out")
        #expect((objects.first?["fields"] as? [String: String])?["order.orderId"] == "\(orderID)")
        #expect(objects.contains { $0["name"] as? String == "ORDER_STATUS" && $0["about"] as? String == "order BUY 5 AAPL MKT DAY" })
    }

    @Test(.requires(.ibterm))
    func theOrderCommandTracesItsRunWithTrace() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-trace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let path = home.appendingPathComponent("order.trace").path
        let order = try await Self.ibterm(
            ["order", "buy", "5", "AAPL", "--wait", "--trace", path, "--seed", "7", "--fresh", "--state", home.appendingPathComponent("paper.sqlite").path],
            home: home)
        #expect(order.status == 0, "\(order.errors)")
        let filled = try #require(order.output.first { $0.contains("filled: 5 @") }, "\(order.output)")
        let id = try #require(filled.split(separator: " ").dropFirst().first.map(String.init))  // `order 1 filled: ...`

        let trace = try await Self.ibterm(["trace", path, "--grep", id], home: home)
        #expect(trace.status == 0 && trace.errors.isEmpty, "\(trace.errors)")
        #expect(trace.output.dropFirst(2).first?.contains("→ PLACE_ORDER") == true)
        for name in ["← OPEN_ORDER", "← ORDER_STATUS", "← EXECUTION_DATA", "← COMMISSION_REPORT"] {
            #expect(trace.output.contains { $0.contains(name) && $0.hasSuffix("[\(id): order BUY 5 AAPL MKT DAY]") }, "\(name): \(trace.output)")
        }
    }

    @Test(.requires(.ibterm))
    func aTornLastRecordIsSkippedAndSaidOnStandardError() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-trace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let path = home.appendingPathComponent("run.trace").path
        _ = try await Self.recordOneOrder(into: path)
        let whole = try await Self.ibterm(["trace", path, "--json"], home: home)

        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.dropLast(5).write(to: URL(fileURLWithPath: path))
        let torn = try await Self.ibterm(["trace", path, "--json"], home: home)
        #expect(torn.status == 0)
        #expect(torn.output == Array(whole.output.dropLast()))
        #expect(torn.errors.contains("the last record was incomplete"), "\(torn.errors)")

        let notes = home.appendingPathComponent("notes.txt")
        try Data("not a trace at all".utf8).write(to: notes)
        let refused = try await Self.ibterm(["trace", notes.path], home: home)
        #expect(refused.status == 1)
        #expect(refused.errors == "ibterm: \(notes.path): not an ibterm trace (no IBTRACE header)\n")
        let missing = try await Self.ibterm(["trace", home.appendingPathComponent("none.trace").path], home: home)
        #expect(missing.status == 1 && missing.errors.contains("cannot read"))
    }
}
