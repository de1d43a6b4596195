import ArgumentParser
import TWSClient
import TWSSession
import TWSWire

/// `ibterm positions`: every position of every managed account.
struct PositionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "positions",
        abstract: "Print every position: account, symbol, quantity and average cost."
    )

    @OptionGroup var gateway: GatewayOptions

    @OptionGroup(title: "Client Portal (REST instead of the socket)")
    var portal: PortalOptions

    @OptionGroup var configFile: ConfigOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    struct Row: Encodable {
        var account: String
        var symbol: String
        var secType: String
        var conId: Int
        var currency: String
        var position: String
        var avgCost: Double
    }

    func run() async throws {
        try await runReportingFailures {
            let rows: [Row]
            if let target = try portal.selected(gateway: gateway, configFile: configFile) {
                rows = try await Self.portalRows(target, timeout: gateway.timeLimit)
            } else {
                let client = try await gateway.connect(command: "positions")
                rows = try await collect(client)
                await client.disconnect()
            }
            if json { return try printJSON(rows) }
            Self.printTable(rows)
        }
    }

    /// The positions as a table (or `No positions.`), whichever API they came from.
    static func printTable(_ rows: [Row]) {
        guard !rows.isEmpty else { return print("No positions.") }
        print(pad("ACCOUNT", 12) + pad("SYMBOL", 10) + pad("TYPE", 6) + pad("POSITION", 12, right: true) + pad("AVG COST", 12, right: true))
        for row in rows {
            print(pad(row.account, 12) + pad(row.symbol, 10) + pad(row.secType, 6) + pad(row.position, 12, right: true)
                + pad(formatPrice(row.avgCost), 12, right: true))
        }
    }

    private func collect(_ client: IBClient) async throws -> [Row] {
        let stream = await client.positions()
        let limit = gateway.timeLimit
        let rows = await firstAnswer(within: limit) { () -> [Row]? in
            var rows: [Row] = []
            for await event in stream {
                switch event {
                case .value(let p):
                    rows.append(Row(
                        account: p.account, symbol: p.contract.symbol, secType: p.contract.secType, conId: p.contract.conId,
                        currency: p.contract.currency, position: p.position.description, avgCost: p.avgCost
                    ))
                case .end: return rows
                default: continue
                }
            }
            return nil
        }
        guard let rows else { throw CommandFailure("the gateway did not list positions within \(gateway.timeout) s") }
        return rows
    }
}
