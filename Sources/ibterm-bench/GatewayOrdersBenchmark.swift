import ArgumentParser
import Foundation
import Logging
import PaperGateway
import TWSWire
#if canImport(Glibc)
import Glibc
import Vocabulary
#endif

/// Orders per second the paper gateway sustains with one client over loopback.
struct GatewayOrdersBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway-orders",
        abstract: "Orders per second the paper gateway fills for one raw TWSWire client over loopback.",
        discussion: """
            Starts the gateway in-process on an ephemeral loopback port (real clock, 100 ms market \
            timer, SQLite ledger in a temporary file unless --no-ledger), connects one client that \
            speaks raw TWSWire frames over a blocking socket, and places marketable MKT orders \
            (1 share of SPY, alternating BUY/SELL) keeping --window orders in flight. Latency is \
            from writing PLACE_ORDER to reading its ORDER_STATUS Filled.
            """
    )

    @Option(help: "Orders per run.")
    var orders: Int = 5000

    @Option(help: "Orders in flight (comma-separated list runs several).")
    var window: String = "1,32"

    @Flag(help: "Keep the ledger in memory instead of SQLite.")
    var noLedger = false

    func run() async throws {
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString).sqlite").path
        var gatewayConfiguration = GatewayConfiguration(
            port: 0, seed: 1, statePath: noLedger ? nil : path, fresh: true, logger: logger)
        gatewayConfiguration.messagesPerSecond = nil  // throughput, not IB's pacing, is measured
        let server = try await PaperGatewayServer.start(configuration: gatewayConfiguration)
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        var nextId = 1
        for windowText in window.split(separator: ",") {
            guard let inFlight = Int(windowText), inFlight > 0 else { throw ValidationError("bad window \(windowText)") }
            let result = try BenchClient.run(port: server.port, firstOrderId: nextId, orders: orders, window: inFlight)
            nextId += orders
            let sorted = result.latencies.sorted()
            let p50 = sorted[sorted.count / 2]
            let p99 = sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
            print("gateway-orders: \(Int(result.ordersPerSecond)) orders/s, p50 \(p50) us, p99 \(p99) us (window \(inFlight), \(orders) orders, ledger \(noLedger ? "memory" : "sqlite"))")
        }
        try await server.stop()
    }
}

/// A blocking-socket TWS client for the benchmark.
private enum BenchClient {
    struct Result {
        var ordersPerSecond: Double
        var latencies: [Int]
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(port: Int, firstOrderId: Int, orders: Int, window: Int) throws -> Result {
        let fd = try LoopbackSocket.connect(port: port)
        defer { close(fd) }
        var decoder = FrameDecoder()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        func write(_ bytes: [UInt8]) throws {
            var offset = 0
            while offset < bytes.count {
                let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
                guard sent > 0 else { throw Failure(description: "send failed") }
                offset += sent
            }
        }
        func readFrames(_ body: ([UInt8]) throws -> Void) throws {
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { throw Failure(description: "connection closed") }
            decoder.append(buffer[0..<count])
            while let frame = try decoder.nextFrame() { try body(Array(frame)) }
        }
        try write(Handshake.clientHello(VersionOffer(range: 157...200)))
        var serverVersion = 0
        while serverVersion == 0 {
            try readFrames { serverVersion = try ServerHello(parsing: $0[...]).serverVersion }
        }
        try write(ClientMessage.startAPI(clientId: 99, optionalCapabilities: "").encoded(serverVersion: serverVersion))
        var ready = false
        while !ready {
            try readFrames { frame in
                if case let .error(e) = try ServerMessage.decode(frame, serverVersion: serverVersion), e.code == 2158 { ready = true }
            }
        }
        var contract = Contract(symbol: "SPY")
        contract.exchange = "SMART"
        var sentAt: [Int: UInt64] = [:]
        var latencies: [Int] = []
        latencies.reserveCapacity(orders)
        var next = firstOrderId
        let last = firstOrderId + orders - 1
        let start = DispatchTime.now().uptimeNanoseconds
        while latencies.count < orders {
            var batch: [UInt8] = []
            while next <= last, sentAt.count < window {
                var order = TWSWire.Order(action: next % 2 == 0 ? "SELL" : "BUY", totalQuantity: FixedDecimal(1), orderType: "MKT")
                order.orderId = next
                batch += ClientMessage.placeOrder(PlaceOrder(contract: contract, order: order)).encoded(serverVersion: serverVersion)
                sentAt[next] = DispatchTime.now().uptimeNanoseconds
                next += 1
            }
            if !batch.isEmpty { try write(batch) }
            try readFrames { frame in
                // ORDER_STATUS starts with "3\0"; decode only those.
                guard frame.count > 2, frame[0] == 0x33, frame[1] == 0 else { return }
                if case let .orderStatus(status) = try ServerMessage.decode(frame, serverVersion: serverVersion),
                   status.status == "Filled", let sent = sentAt.removeValue(forKey: status.orderId) {
                    latencies.append(Int((DispatchTime.now().uptimeNanoseconds - sent) / 1000))
                }
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Result(ordersPerSecond: Double(orders) / seconds, latencies: latencies)
    }
}
