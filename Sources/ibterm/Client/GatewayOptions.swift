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

    @Option(help: "The API client id to connect with. Without it: 17, or the next free id above it when 17 is in use (IB error 326), e.g. by another ibterm command on the same gateway.")
    var clientId: Int?

    /// The client id one-shot commands try first (the dashboard's default is 1).
    static let defaultClientId = 17
    /// How many ids above ``defaultClientId`` are tried when each is in use.
    static let clientIdAttempts = 32

    @Option(help: ArgumentHelp("Seconds to wait for the gateway's answers.", valueName: "seconds"))
    var timeout: Double = 10

    @Flag(help: "Log the connection (state changes, notices) to stderr.")
    var verbose = false

    @Option(help: ArgumentHelp("Append every frame in and out to FILE (a trace; read it with `ibterm trace FILE`).", valueName: "FILE"))
    var trace: String?

    func validate() throws {
        _ = try endpoint()
        if let clientId, !(0...Int(Int32.max)).contains(clientId) {
            throw ValidationError("--client-id must be between 0 and \(Int32.max).")
        }
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
    ///
    /// Without `--gateway` it uses the paper ledger's gateway: the one of the process that owns
    /// the ledger (a dashboard, `ibterm engine`, another command), or else one it starts
    /// in-process and owns until the command ends (see ``EmbeddedGatewayOptions/startOrJoin``).
    /// Without `--client-id` it connects as 17, and at once as the next id up when the gateway
    /// answers 326 (client id in use), up to ``clientIdAttempts`` ids.
    func connect(command: String, kind: LedgerOwner.Kind = .command, allowLive: Bool = false) async throws -> IBClient {
        let host: String, port: Int
        if let endpoint = try endpoint() {
            (host, port) = endpoint
        } else {
            var quiet = Logger(label: "ibterm.paper") { StreamLogHandler.standardError(label: $0) }
            quiet.logLevel = verbose ? .info : .error
            let access: PaperGatewayAccess
            do {
                access = try await paper.startOrJoin(
                    command: "ibterm \(command)", kind: kind, host: "127.0.0.1", port: 0, logger: quiet, mayJoin: true)
            } catch let error as LedgerHeldError {
                throw CommandFailure(error.description)
            } catch let error as LedgerHeldError.FreshRefused {
                throw CommandFailure(error.description)
            } catch let error as LedgerLockError {
                throw CommandFailure(error.description)
            }
            switch access {
            case let .started(server):
                embeddedGateways.withLock { $0.append(server) }
            case let .joined(owner):
                let ignored = paper.ownerOnlyOptions
                if !ignored.isEmpty {
                    FileHandle.standardError.write(Data("ibterm: note: \(ignored.joined(separator: ", ")) not applied: the paper ledger is held by \(owner.command) (pid \(owner.pid)), whose gateway keeps its own settings\n".utf8))
                }
                quiet.info("the paper ledger \(paper.ledgerPath) is held by \(owner.command) (pid \(owner.pid)); using its gateway at \(owner.address)")
            }
            (host, port) = (access.host, access.port)
        }
        _ = try CommandTrace.start(trace)
        let configuration = clientConfiguration(allowLive: allowLive)
        let logger = clientLogger
        return try await Self.connectFirstFree(
            host: host, port: port, clientIds: clientIdPool,
            configuration: configuration, logger: logger).client
    }

    /// The client settings of a command: the time limit for connecting and for answers, and
    /// whether orders may reach a live account.
    func clientConfiguration(allowLive: Bool) -> TWSClientConfiguration {
        var configuration = TWSClientConfiguration()
        configuration.allowLive = allowLive
        configuration.establishTimeout = timeLimit
        configuration.requestTimeout = timeLimit
        configuration.commissionGrace = .milliseconds(500)
        configuration.recorder = CommandTrace.recorder
        return configuration
    }

    /// The client's log: to stderr with `--verbose`, else only what is critical.
    var clientLogger: Logger {
        var logger = Logger(label: "tws.client") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .info : .critical
        return logger
    }

    /// The client ids a command connects with: `--client-id` pinned, else the range from
    /// ``defaultClientId`` (``clientIdAttempts`` ids).
    var clientIdPool: ClientIDPool {
        clientId.map(ClientIDPool.pinned) ?? ClientIDPool(first: Self.defaultClientId, count: Self.clientIdAttempts)
    }

    /// Connects a new client with an id of `clientIds`: the gateway's 326 (client id in use)
    /// moves it to the pool's next id at once (``IBClient/connect(host:port:clientIds:)``);
    /// throws a ``CommandFailure`` in plain words when the pinned id or every id is in use.
    static func connectFirstFree(
        host: String, port: Int, clientIds: ClientIDPool,
        configuration: TWSClientConfiguration, logger: Logger
    ) async throws -> (client: IBClient, clientId: Int) {
        let client = IBClient(configuration: configuration, logger: logger)
        do {
            let info = try await client.connect(host: host, port: port, clientIds: clientIds)
            return (client, info.clientID)
        } catch {
            await client.disconnect()
            throw CommandFailure(Self.failureText(error, host: host, port: port, clientIds: clientIds))
        }
    }

    /// A connect failure in plain words; a refused client id says which and what to do.
    static func failureText(_ error: TWSClientError, host: String, port: Int, clientIds: ClientIDPool) -> String {
        guard error.description.contains("(IB 326)") else { return error.description }
        if clientIds.isPinned || clientIds.ids.count == 1 {
            return "client id \(clientIds.current) is already in use at \(host):\(port); choose another with --client-id"
        }
        return "client ids \(clientIds.ids.lowerBound)...\(clientIds.ids.upperBound) are all in use at \(host):\(port); choose one with --client-id"
    }
}

/// Embedded gateways started by commands, kept alive until the command ends.
let embeddedGateways = Mutex<[PaperGatewayServer]>([])

/// Stops the commands' embedded gateways.
func stopEmbeddedGateways() async {
    let servers = embeddedGateways.withLock { servers in
        defer { servers.removeAll() }
        return servers
    }
    for server in servers { try? await server.stop() }
}

/// A command's failure: printed to stderr as one plain sentence, with its exit code (1 unless
/// the command documents another).
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    var exitCode: Int32
    init(_ description: String, exitCode: Int32 = 1) {
        self.description = description
        self.exitCode = exitCode
    }
}

/// Runs `body`, turning any failure into `ibterm: <sentence>` on stderr and its exit code (1
/// unless a ``CommandFailure`` names another).
///
/// Either way the embedded gateways the command started are stopped first, which removes
/// their ledger's owner file and releases its lock.
func runReportingFailures(_ body: () async throws -> Void) async throws {
    let outcome: Result<Void, any Error>
    do {
        try await body()
        outcome = .success(())
    } catch {
        outcome = .failure(error)
    }
    await stopEmbeddedGateways()
    await CommandTrace.finish()
    do {
        try outcome.get()
    } catch let failure as CommandFailure {
        FileHandle.standardError.write(Data("ibterm: \(failure.description)\n".utf8))
        throw ExitCode(failure.exitCode)
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
