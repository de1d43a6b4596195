import Logging
import Synchronization
import Testing
import TWSClient
import TWSSession
import TWSWire

/// Collects what a stream yields, from a background task, so tests can poll it.
final class Recorder<Element: Sendable>: Sendable {
    private let storage = Mutex<[Element]>([])
    private let ended = Mutex(false)

    var events: [Element] { storage.withLock { $0 } }
    var isFinished: Bool { ended.withLock { $0 } }

    /// Starts recording `stream` until it ends or the returned task is cancelled.
    @discardableResult
    static func record(_ stream: AsyncStream<Element>) -> (Recorder<Element>, Task<Void, Never>) {
        let recorder = Recorder<Element>()
        let task = Task {
            for await element in stream { recorder.storage.withLock { $0.append(element) } }
            recorder.ended.withLock { $0 = true }
        }
        return (recorder, task)
    }
}

struct TimedOut: Error, CustomStringConvertible {
    var description: String
}

/// Polls `condition` every 10 ms until it holds, or fails the test after `timeout`.
func waitUntil(
    _ what: String,
    timeout: Duration = .seconds(30),
    sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: @Sendable () async -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if await condition() { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    Issue.record("timed out after \(timeout) waiting for \(what)", sourceLocation: sourceLocation)
    throw TimedOut(description: what)
}

/// Logs captured in memory (and asserted on by some tests).
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    func append(_ line: String) { lines.withLock { $0.append(line) } }

    func logger(_ label: String = "tws.client") -> Logger {
        var logger = Logger(label: label) { _ in CaptureHandler(capture: self) }
        logger.logLevel = .debug
        return logger
    }
}

struct CaptureHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .debug

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let meta = (metadata.merging(event.metadata ?? [:]) { $1 }).sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        capture.append("\(event.level) \(event.message)\(meta.isEmpty ? "" : " " + meta)")
    }
}

/// A fast test configuration: short keepalive, quick deterministic reconnects.
func fastConfiguration() -> TWSClientConfiguration {
    var configuration = TWSClientConfiguration()
    configuration.keepaliveIdle = .milliseconds(200)
    configuration.keepaliveTimeout = .milliseconds(300)
    configuration.reconnectInitialDelay = .milliseconds(50)
    configuration.reconnectMaximumDelay = .milliseconds(200)
    configuration.reconnectJitter = .none
    // Generous limits for steps that only wait on a loaded machine; the keepalive above is
    // what the tests about dead links measure.
    configuration.establishTimeout = .seconds(15)
    configuration.requestTimeout = .seconds(15)
    configuration.synchronizationTimeout = .seconds(15)
    configuration.commissionGrace = .milliseconds(300)
    return configuration
}

extension TWSConnectionStatus {
    var isUsable: Bool { if case .usable = state { true } else { false } }
    var isLost: Bool { if case .lost = state { true } else { false } }
}

extension ClientMessage {
    /// The symbol of a market-data request, if this is one.
    var marketDataSymbol: String? {
        if case .requestMarketData(let request) = self { request.contract.symbol } else { nil }
    }
    var marketDataRequestID: Int? {
        if case .requestMarketData(let request) = self { request.reqId } else { nil }
    }
}

/// A client connected to `server` with client id 7.
func connectedClient(
    _ server: ScriptedServer,
    configuration: TWSClientConfiguration = fastConfiguration(),
    logs: LogCapture = LogCapture()
) async throws -> IBClient {
    let client = IBClient(configuration: configuration, logger: logs.logger())
    try await client.connect(host: "127.0.0.1", port: server.port, clientId: 7)
    return client
}

let aapl = Contract(symbol: "AAPL")
let msft = Contract(symbol: "MSFT")
