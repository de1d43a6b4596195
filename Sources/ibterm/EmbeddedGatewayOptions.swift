import ArgumentParser
import Foundation
import Logging
import PaperExchange
import PaperGateway

/// The paper gateway's options, shared by `ibterm engine` and the dashboard (which starts an
/// embedded gateway when no `--gateway` is given).
struct EmbeddedGatewayOptions: ParsableArguments {
    @Option(help: "The seed of the simulated market (same seed, same prices).")
    var seed: UInt64 = 42

    @Option(help: "A fault scenario file (TOML); see scenarios/README.md.")
    var scenario: String?

    @Option(help: "The paper account's SQLite ledger (default: $XDG_DATA_HOME/ibterm/paper.sqlite).")
    var state: String?

    @Flag(help: "Discard the stored ledger and start a new paper account.")
    var fresh = false

    @Option(help: "Comma-separated symbols without live-data entitlement (their quotes answer 354).")
    var notEntitled: String = ""

    @Option(help: "How many minutes behind the market the delayed data of those symbols runs (IB: typically 15).")
    var delayedMinutes: Int = 15

    /// The symbols named by `--not-entitled`, upper-cased.
    var notEntitledSymbols: Set<String> {
        Set(notEntitled.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty })
    }

    /// The gateway configuration these options describe.
    func configuration(host: String, port: Int, logger: Logger) throws -> GatewayConfiguration {
        var scenarioValue: Scenario?
        if let scenario {
            let text: String
            do {
                text = try String(contentsOfFile: scenario, encoding: .utf8)
            } catch {
                throw ValidationError("cannot read scenario file \(scenario): \(error.localizedDescription)")
            }
            do {
                scenarioValue = try Scenario.parse(toml: text)
            } catch {
                throw ValidationError("scenario file \(scenario): \(error)")
            }
        }
        guard (0...24 * 60).contains(delayedMinutes) else {
            throw ValidationError("--delayed-minutes must be between 0 and 1440, not \(delayedMinutes)")
        }
        var configuration = GatewayConfiguration(
            host: host, port: port, seed: seed, notEntitled: notEntitledSymbols, scenario: scenarioValue,
            statePath: state ?? GatewayResources.defaultStatePath(), fresh: fresh, logger: logger)
        configuration.delayedDataDelay = .seconds(delayedMinutes * 60)
        return configuration
    }
}

/// Where a process's paper gateway is: one it started on the ledger (and so owns), or the
/// gateway of the process that owns the ledger already.
enum PaperGatewayAccess: Sendable {
    /// This process owns the ledger; its gateway runs in-process.
    case started(PaperGatewayServer)
    /// Another process owns the ledger; connect to its gateway.
    case joined(LedgerOwner)

    /// The gateway's host.
    var host: String {
        switch self {
        case let .started(server): server.host
        case let .joined(owner): owner.host
        }
    }

    /// The gateway's port.
    var port: Int {
        switch self {
        case let .started(server): server.port
        case let .joined(owner): owner.port
        }
    }
}

extension EmbeddedGatewayOptions {
    /// The options given that only a gateway this process starts would apply (`--seed`,
    /// `--scenario`, `--not-entitled`): a process that joins the ledger's owner says so.
    var ownerOnlyOptions: [String] {
        var given: [String] = []
        if seed != 42 { given.append("--seed") }
        if scenario != nil { given.append("--scenario") }
        if !notEntitledSymbols.isEmpty { given.append("--not-entitled") }
        return given
    }

    /// The ledger these options name (`--state`, or `$XDG_DATA_HOME/ibterm/paper.sqlite`).
    var ledgerPath: String { state ?? GatewayResources.defaultStatePath() }

    /// Starts the paper gateway on the ledger when no other process owns it, else joins the
    /// owner's gateway (when `mayJoin`) or refuses with the sentence naming the owner.
    ///
    /// One process owns a ledger: it holds the lock beside it and publishes where it listens
    /// (``LedgerLock``). A long-lived owner (`ibterm engine`, the dashboard) that finds a
    /// one-shot command owning the ledger waits up to `oneShotWait` for it to finish, so that it
    /// does not depend on a gateway about to go away; a one-shot command joins any owner.
    ///
    /// - Throws: ``LedgerHeldError`` (as the caller's failure type via `failure`) when the
    ///   ledger is owned and `mayJoin` is false, when its owner does not say where it listens,
    ///   or when `--fresh` asks to erase a ledger another process owns.
    func startOrJoin(
        command: String, kind: LedgerOwner.Kind, host: String, port: Int, logger: Logger, mayJoin: Bool,
        allowedClients: [ClientAddressRange]? = nil, oneShotWait: Duration = .seconds(10)
    ) async throws -> PaperGatewayAccess {
        var configuration = try configuration(host: host, port: port, logger: logger)
        configuration.allowedClients = allowedClients
        configuration.ownerCommand = command
        configuration.ownerKind = kind
        let path = ledgerPath
        let clock = ContinuousClock()
        let patience = clock.now + (kind == .command ? .zero : oneShotWait)
        var waited = false
        while true {
            switch try await LedgerOwnership.claim(ledgerPath: path) {
            case let .owned(lock):
                configuration.ledgerLock = lock
                return .started(try await PaperGatewayServer.start(configuration: configuration))
            case let .held(owner):
                if owner.kind == .command, clock.now < patience {
                    if !waited { logger.info("the paper ledger \(path) is held by \(owner.command) (pid \(owner.pid)); waiting for it to finish") }
                    waited = true
                    try await Task.sleep(for: .milliseconds(100))
                    continue
                }
                let held = LedgerHeldError(ledgerPath: path, owner: owner)
                guard mayJoin else { throw held }
                if fresh { throw LedgerHeldError.FreshRefused(held: held) }
                return .joined(owner)
            case .heldWithoutAddress:
                throw LedgerHeldError(ledgerPath: path, owner: nil)
            }
        }
    }
}

extension LedgerHeldError {
    /// `--fresh` cannot erase a ledger another process owns.
    struct FreshRefused: Error, CustomStringConvertible {
        var held: LedgerHeldError
        var description: String { "--fresh cannot erase a ledger another process owns: \(held.description)" }
    }
}
