import ArgumentParser
import Foundation
import Logging
import PaperGateway
import Synchronization
import TWSClient
import TWSSession

/// Options shared by the commands that talk to a gateway: where it is, which client id, how
/// long to wait, and whether to log the connection to stderr.
struct GatewayOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The IB Gateway or TWS to use, as HOST:PORT (e.g. 127.0.0.1:4002). Without it, an embedded paper gateway on the stored paper account.", valueName: "host:port"))
    var gateway: String?

    @Option(help: "The API client id to connect with.")
    var clientId: Int = 17

    @Option(help: ArgumentHelp("Seconds to wait for the gateway's answers.", valueName: "seconds"))
    var timeout: Double = 10

    @Flag(help: "Log the connection (state changes, notices) to stderr.")
    var verbose = false

    func validate() throws {
        _ = try endpoint()
        guard timeout > 0 else { throw ValidationError("--timeout must be positive.") }
    }

    @OptionGroup(title: "Embedded paper gateway (without --gateway)")
    var paper: EmbeddedGatewayOptions

    /// The gateway's host and port, or `nil` for the embedded paper gateway.
    func endpoint() throws -> (host: String, port: Int)? {
        try gateway.map(GatewayAddress.parse)
    }

    /// The time limit as a `Duration`.
    var timeLimit: Duration { .milliseconds(Int64(timeout * 1000)) }

    /// Connects a client, or throws a ``CommandFailure`` with a plain sentence.
    func connect(allowLive: Bool = false) async throws -> TWSClient {
        let host: String, port: Int
        if let endpoint = try endpoint() {
            (host, port) = endpoint
        } else {
            var quiet = Logger(label: "ibterm.paper") { StreamLogHandler.standardError(label: $0) }
            quiet.logLevel = verbose ? .info : .error
            let server = try await PaperGatewayServer.start(configuration: paper.configuration(host: "127.0.0.1", port: 0, logger: quiet))
            embeddedGateways.withLock { $0.append(server) }
            (host, port) = (server.host, server.port)
        }
        var configuration = TWSClientConfiguration()
        configuration.allowLive = allowLive
        configuration.establishTimeout = timeLimit
        configuration.requestTimeout = timeLimit
        configuration.commissionGrace = .milliseconds(500)
        var logger = Logger(label: "tws.client") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .info : .critical
        let client = TWSClient(configuration: configuration, logger: logger)
        do {
            try await client.connect(host: host, port: port, clientId: clientId)
        } catch {
            throw CommandFailure(error.description)
        }
        return client
    }
}

/// Embedded gateways started by commands, kept alive until the process ends.
let embeddedGateways = Mutex<[PaperGatewayServer]>([])

/// A command's failure: printed to stderr as one plain sentence, with exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs `body`, turning any failure into `ibterm: <sentence>` on stderr and exit code 1.
func runReportingFailures(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let failure as CommandFailure {
        FileHandle.standardError.write(Data("ibterm: \(failure.description)\n".utf8))
        throw ExitCode.failure
    } catch let error as TWSClientError {
        FileHandle.standardError.write(Data("ibterm: \(error.description)\n".utf8))
        throw ExitCode.failure
    }
}

/// Prints `value` as pretty, key-sorted JSON on stdout.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// Pads `text` to `width` columns (left-aligned), or right-aligns when `right`.
func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    guard text.count < width else { return text }
    let fill = String(repeating: " ", count: width - text.count)
    return right ? fill + text : text + fill
}

/// A price for tables: `201.94`, or `-` when unknown.
func formatPrice(_ value: Double?) -> String {
    guard let value else { return "-" }
    return String(format: "%.2f", value)
}
