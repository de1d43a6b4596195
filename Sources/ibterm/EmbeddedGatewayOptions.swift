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
        return GatewayConfiguration(
            host: host, port: port, seed: seed, notEntitled: notEntitledSymbols, scenario: scenarioValue,
            statePath: state ?? GatewayResources.defaultStatePath(), fresh: fresh, logger: logger)
    }
}
