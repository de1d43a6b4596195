import ArgumentParser
import Foundation
import Logging
import PaperExchange
import PaperGateway
import PortalServer

/// `ibterm engine`: runs the paper gateway on its own, for any TWS API client.
struct EngineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Run the embedded paper gateway (a simulated TWS) on its own.",
        discussion: """
            Speaks the TWS API socket protocol (server versions 157...200) so that ibterm, IB's \
            ibapi, ib_async or any other TWS API client can trade against a simulated market. \
            Logs one line per client connect/disconnect and per order to stderr; stops on \
            SIGINT or SIGTERM. It owns its ledger (--state) while it runs: other ibterm \
            commands on that ledger connect to it, and a second engine on it refuses. \
            It also serves IB's Client Portal Web API (REST, https://127.0.0.1:5000/v1/api, \
            loopback only, a self-signed certificate kept beside the ledger) on the same market \
            and ledger; --portal-port moves it, --no-portal leaves it out.
            """
    )

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The TCP port (7497 is TWS paper's default; 0 picks a free one).")
    var port: Int = 7497

    @Option(help: "Client addresses allowed to connect, e.g. 10.0.0.0/8,192.168.1.20 (required to listen on an address other than loopback; like IB's trusted IPs).")
    var allow: String?

    @Option(help: "The Client Portal Web API's HTTPS port (default 5000, IB's CP Gateway's; 0 picks a free one). When the default is taken the engine serves the socket API alone and says so; a port asked for must be free.")
    var portalPort: Int?

    @Flag(help: "Serve only the socket API, without the Client Portal Web API.")
    var noPortal = false

    @OptionGroup var gateway: EmbeddedGatewayOptions

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
        let configuration = try gateway.configuration(host: host, port: port, logger: logger)
        var allowed: [ClientAddressRange]?
        if let allow {
            do {
                allowed = try ClientAddressRange.list(allow)
            } catch {
                throw ValidationError("--allow: \(error)")
            }
        }
        if let scenario = configuration.scenario {
            logger.info("scenario \(scenario.name): \(scenario.faults.count) faults")
        }
        logger.info("ledger \(configuration.statePath ?? "(memory)")\(gateway.fresh ? " (fresh)" : "")")
        let server: PaperGatewayServer
        do {
            // One owner per ledger: a second engine on the same ledger refuses, naming the owner.
            guard case let .started(started) = try await gateway.startOrJoin(
                command: "ibterm engine", kind: .engine, host: host, port: port, logger: logger, mayJoin: false,
                allowedClients: allowed)
            else { throw ExitCode.failure }
            server = started
        } catch let held as LedgerHeldError {
            FileHandle.standardError.write(Data("ibterm: \(held.description)\n".utf8))
            throw ExitCode.failure
        } catch let failure as LedgerLockError {
            FileHandle.standardError.write(Data("ibterm: \(failure.description)\n".utf8))
            throw ExitCode.failure
        }
        var portal: PortalServer?
        if !noPortal {
            let port = portalPort ?? PortalServerConfiguration.defaultPort
            do {
                portal = try await PortalServer.start(
                    configuration: PortalServerConfiguration(
                        host: "127.0.0.1", port: port, ledgerPath: configuration.statePath,
                        logger: Logger(label: "ibterm.portal")),
                    backend: server.portalBackend)
            } catch where portalPort == nil {
                logger.warning("the Client Portal API is not served: port \(port) cannot be used (\(error)); the socket API runs alone. Choose a port with --portal-port (0 picks a free one), or --no-portal.")
            } catch {
                FileHandle.standardError.write(Data("ibterm: the Client Portal API cannot listen on port \(port): \(error) (choose another with --portal-port, 0 for a free one, or --no-portal)\n".utf8))
                try await server.stop()
                throw ExitCode.failure
            }
        }
        let signal = await SignalWaiter.waitForTermination()
        logger.info("received \(signal); stopping")
        await portal?.stop()
        try await server.stop()
        logger.info("stopped")
    }
}
