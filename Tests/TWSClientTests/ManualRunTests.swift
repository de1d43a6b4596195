import Foundation
import Testing
import TWSClient
import TWSSession
import TWSWire
import Vocabulary

/// Runs that are off by default: a demo gateway for trying the CLI by hand, and the
/// half-open detection measurement with the default keepalive (2 s idle + 3 s probe timeout).
@Suite struct ManualRunTests {
    static let environment = ProcessInfo.processInfo.environment

    /// `IBTERM_DEMO_PORT=4599 swift test --filter servesADemoGateway` serves the scripted
    /// gateway on that port for `IBTERM_DEMO_SECONDS` (default 60, at most 600).
    @Test(.enabled(if: environment["IBTERM_DEMO_PORT"] != nil, "a manual run: set IBTERM_DEMO_PORT to serve the demo gateway"))
    func servesADemoGateway() async throws {
        let port = Int(Self.environment["IBTERM_DEMO_PORT"] ?? "") ?? 4599
        let seconds = min(Int(Self.environment["IBTERM_DEMO_SECONDS"] ?? "") ?? 60, 600)
        var aaplDetails = ContractDetails()
        aaplDetails.contract = Contract(conId: 265_598, symbol: "AAPL", primaryExchange: "NASDAQ")
        aaplDetails.minTick = 0.01
        let server = try await ScriptedServer.start(port: port) { [aaplDetails] book in
            book.quotes["AAPL"] = (bid: 201.93, ask: 201.94, last: 201.94, volume: 3_410_700)
            book.quotes["MSFT"] = (bid: 421.10, ask: 421.14, last: 421.12, volume: 1_208_300)
            book.quoteErrors["XYZ"] = (200, "No security definition has been found for the request")
            book.quoteErrors["TSLA"] = (354, "Requested market data is not subscribed. Displaying delayed market data.")
            book.contracts["AAPL"] = aaplDetails
            book.positions = [PositionData(
                account: "DU1234567", contract: Contract(conId: 265_598, symbol: "AAPL", exchange: "NASDAQ"),
                position: FixedDecimal(100), avgCost: 187.25
            )]
        }
        print("demo gateway on 127.0.0.1:\(server.port) for \(seconds) s")
        try await Task.sleep(for: .seconds(seconds))
        await server.stop()
    }

    /// `IBTERM_MEASURE=1 swift test --filter measuresHalfOpenDetection` prints the time from
    /// the server going silent to the client reporting the connection lost, and the log of
    /// the reconnect-and-resubscribe sequence.
    @Test(.enabled(if: environment["IBTERM_MEASURE"] != nil, "a manual run: set IBTERM_MEASURE to measure half-open detection"), .timeLimit(.minutes(1)))
    func measuresHalfOpenDetectionWithDefaultKeepalive() async throws {
        let server = try await ScriptedServer.start { $0.quotes["AAPL"] = (bid: 1, ask: 2, last: 1.5, volume: 10) }
        var configuration = TWSClientConfiguration()          // keepalive 2 s + 3 s, backoff 0.5 s full jitter
        configuration.reconnectSeed = 42
        let logs = LogCapture()
        let client = IBClient(configuration: configuration, logger: logs.logger())
        try await client.connect(host: "127.0.0.1", port: server.port, clientId: 7)
        let (quotes, quotesTask) = Recorder.record(await client.subscribeQuotes(aapl))
        let (states, statesTask) = Recorder.record(await client.connectionStates())
        try await waitUntil("ticks") { quotes.events.count > 2 }

        let lastMessage = ContinuousClock.now
        server.silenceLatest()
        try await waitUntil("lost", timeout: .seconds(30)) { states.events.contains(where: \.isLost) }
        let detected = ContinuousClock.now - lastMessage
        try await waitUntil("usable again", timeout: .seconds(30)) {
            await client.connectionStatus.isUsable && server.connectionCount == 2
        }
        try await waitUntil("ticks again") { quotes.events.contains(.resumed) }
        let recovered = ContinuousClock.now - lastMessage
        print("half-open detected after \(detected); usable and resubscribed after \(recovered)")
        for line in logs.all { print("  log: \(line)") }
        await client.disconnect()
        quotesTask.cancel()
        statesTask.cancel()
        await server.stop()
    }
}
