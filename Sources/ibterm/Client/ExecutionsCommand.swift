import ArgumentParser
import TWSClient
import TWSSession
import TWSWire

/// `ibterm executions`: today's fills with their commissions.
struct ExecutionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "executions",
        abstract: "Print today's executions with their commissions."
    )

    @OptionGroup var gateway: GatewayOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    struct Row: Encodable {
        var execId: String
        var orderId: Int
        var time: String
        var account: String
        var side: String
        var shares: String
        var symbol: String
        var price: Double
        var exchange: String
        var commission: Double?
        var commissionCurrency: String?
    }

    func run() async throws {
        try await runReportingFailures {
            let client = try await gateway.connect(command: "executions")
            let reports = try await client.executions()
            await client.disconnect()
            let rows = reports.map { report in
                Row(
                    execId: report.execution.execId, orderId: report.execution.orderId, time: report.execution.time,
                    account: report.execution.acctNumber, side: report.execution.side,
                    shares: report.execution.shares.description, symbol: report.contract.symbol,
                    price: report.execution.price, exchange: report.execution.exchange,
                    commission: report.commission?.commission, commissionCurrency: report.commission?.currency
                )
            }
            if json { return try printJSON(rows) }
            guard !rows.isEmpty else { return print("No executions today.") }
            print(pad("TIME", 20) + pad("SIDE", 5) + pad("SHARES", 8, right: true) + "  " + pad("SYMBOL", 8)
                + pad("PRICE", 10, right: true) + pad("COMMISSION", 12, right: true) + "  ORDER  EXEC ID")
            for row in rows {
                print(pad(row.time, 20) + pad(row.side, 5) + pad(row.shares, 8, right: true) + "  " + pad(row.symbol, 8)
                    + pad(formatPrice(row.price), 10, right: true) + pad(formatPrice(row.commission), 12, right: true)
                    + "  " + pad("\(row.orderId)", 5) + "  " + row.execId)
            }
        }
    }
}
