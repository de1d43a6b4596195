import ArgumentParser
import Foundation
import Logging
import PaperExchange
import PaperGateway

/// `ibterm engine`: runs the paper gateway on its own, for any TWS API client.
struct EngineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Run the embedded paper gateway (a simulated TWS) on its own.",
        discussion: """
            Speaks the TWS API socket protocol (server versions 157...200) so that ibterm, IB's \
            ibapi, ib_async or any other TWS API client can trade against a simulated market. \
            Logs one line per client connect/disconnect and per order to stderr; stops on \
            SIGINT or SIGTERM.
            """
    )

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The TCP port (7497 is TWS paper's default; 0 picks a free one).")
    var port: Int = 7497

    @Option(help: "The seed of the simulated market.")
    var seed: UInt64 = 42

    @Option(help: "A fault scenario file (TOML); see scenarios/README.md.")
    var scenario: String?

    @Option(help: "The SQLite ledger (default: $XDG_DATA_HOME/ibterm/paper.sqlite).")
    var state: String?

    @Flag(help: "Discard the stored ledger and start a new paper account.")
    var fresh = false

    @Option(help: "Comma-separated symbols without live-data entitlement (reqMktData answers 354).")
    var notEntitled: String = ""

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        var logger = Logger(label: "ibterm.engine")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        var scenarioValue: Scenario?
        if let scenario {
            let text = try String(contentsOfFile: scenario, encoding: .utf8)
            scenarioValue = try Scenario.parse(toml: text)
            logger.info("scenario \(scenarioValue?.name ?? ""): \(scenarioValue?.faults.count ?? 0) faults")
        }
        let statePath = state ?? GatewayResources.defaultStatePath()
        let symbols = Set(notEntitled.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty })
        let configuration = GatewayConfiguration(
            host: host, port: port, seed: seed, notEntitled: symbols, scenario: scenarioValue, statePath: statePath,
            fresh: fresh, logger: logger)
        logger.info("ledger \(statePath)\(fresh ? " (fresh)" : "")")
        let server = try await PaperGatewayServer.start(configuration: configuration)
        let signal = await SignalWaiter.waitForTermination()
        logger.info("received \(signal); stopping")
        try await server.stop()
        logger.info("stopped")
    }
}
