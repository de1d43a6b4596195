import ArgumentParser
import Foundation
import Logging
import PaperGateway
import TWSClient
import TWSWire

/// placeOrder to Filled through ibterm's own client and the paper gateway over loopback.
struct OrderRoundtripBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order-roundtrip",
        abstract: "placeOrder → Filled through IBClient and the paper gateway over loopback.",
        discussion: """
            Starts the gateway in-process on an ephemeral loopback port and connects ibterm's \
            IBClient (pacing raised to --rate messages per second so the benchmark measures \
            the path, not IB's 50/s limit). Places --orders marketable one-share SPY MKT orders \
            one after the other and times each from placeOrder to its Filled status on the \
            order's event stream. With the SQLite ledger (default) every fill is committed \
            (WAL, synchronous=NORMAL) before the gateway sends it; --no-ledger keeps the ledger \
            in memory, the floor of the client and gateway path. Prints one `name: value unit` \
            line per figure.
            """
    )

    @Option(help: "Orders to place.")
    var orders: Int = 10_000

    @Flag(help: "Keep the gateway's ledger in memory instead of SQLite.")
    var noLedger = false

    @Option(help: "The client's outgoing message limit per second.")
    var rate: Int = 100_000

    @Flag(help: "Record every frame in a flight recorder (16 MiB, 10 min ring), as the dashboard does by default.")
    var recorder = false

    func run() async throws {
        var quiet = Logger(label: "bench")
        quiet.logLevel = .error
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        var gatewayConfiguration = GatewayConfiguration(
            port: 0, seed: 1, statePath: noLedger ? nil : path, fresh: true, logger: quiet)
        gatewayConfiguration.messagesPerSecond = nil  // throughput, not IB's pacing, is measured
        let server = try await PaperGatewayServer.start(configuration: gatewayConfiguration)
        var configuration = TWSClientConfiguration()
        configuration.pacingLimit = rate
        configuration.pacingBurst = rate
        configuration.recorder = recorder ? FlightRecorder() : nil
        let client = IBClient(configuration: configuration, logger: quiet)
        try await client.connect(host: server.host, port: server.port, clientId: 5)
        let contract = Contract(symbol: "SPY", secType: "STK", exchange: "SMART", currency: "USD")
        var latencies: [Duration] = []
        latencies.reserveCapacity(orders)
        let clock = ContinuousClock()
        let start = clock.now
        for index in 0..<orders {
            let order = TWSWire.Order(action: index % 2 == 0 ? "BUY" : "SELL", totalQuantity: 1, orderType: "MKT")
            let sent = clock.now
            let handle = try await client.placeOrder(contract, order)
            for await event in handle.events {
                if case let .status(update) = event, update.status == .filled {
                    latencies.append(clock.now - sent)
                    break
                }
            }
        }
        let elapsed = clock.now - start
        await client.disconnect()
        try await server.stop()
        guard latencies.count == orders else { throw BenchFailure("only \(latencies.count) of \(orders) orders filled") }
        let sorted = latencies.sorted()
        func micros(_ d: Duration) -> Int64 { d.components.seconds * 1_000_000 + d.components.attoseconds / 1_000_000_000_000 }
        func percentile(_ p: Double) -> Int64 { micros(sorted[min(orders - 1, Int(Double(orders) * p / 100))]) }
        let seconds = Double(micros(elapsed)) / 1_000_000
        let ledger = noLedger ? "memory" : "sqlite"
        print("order-roundtrip-rate (\(ledger)): \(Int(Double(orders) / seconds)) orders/s")
        print("order-roundtrip-p50 (\(ledger)): \(percentile(50)) us")
        print("order-roundtrip-p99 (\(ledger)): \(percentile(99)) us")
        print("order-roundtrip-p99.9 (\(ledger)): \(percentile(99.9)) us")
        print("order-roundtrip-max (\(ledger)): \(micros(sorted[orders - 1])) us")
        print("method: \(orders) one-share SPY MKT orders one at a time, placeOrder to Filled on the order's stream; ledger \(ledger); exact percentiles of all orders")
    }
}
