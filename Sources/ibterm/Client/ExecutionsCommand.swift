import ArgumentParser
import TWSClient
import TWSSession
import TWSWire
import Vocabulary

/// `ibterm executions`: today's fills with their commissions.
struct ExecutionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "executions",
        abstract: "Print today's executions with their commissions.",
        discussion: """
            Times are shown in the zone of --time-zone, else of the config file's time_zone \
            (default: the machine's), named in the TIME column's header. --json keeps IB's own \
            text in `time` and adds `timestamp`, the same instant in ISO 8601 UTC.
            """
    )

    @OptionGroup var gateway: GatewayOptions

    @OptionGroup var settings: ConfigOptions

    @OptionGroup(title: "Client Portal (REST instead of the socket)")
    var portal: PortalOptions

    @OptionGroup var timeZone: TimeZoneOption

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    struct Row: Encodable {
        var execId: String
        /// The order's id; the Client Portal's trades do not give it (absent there).
        var orderId: Int?
        /// IB's text, as the gateway sent it (`20261204  07:37:14`, `20261204 07:37:14 US/Eastern`).
        var time: String
        /// The same instant in ISO 8601 UTC (`2026-12-04T12:37:14Z`); absent when IB's text names
        /// a zone ibterm does not know.
        var timestamp: String?
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
            let zone = try timeZone.resolved(settings.load())
            if let target = try portal.selected(gateway: gateway, configFile: settings) {
                let rows = try await Self.portalRows(target, timeout: gateway.timeLimit)
                if json { return try printJSON(rows) }
                return Self.printTable(rows, zone: zone)
            }
            let client = try await gateway.connect(command: "executions")
            let reports = try await client.executions()
            await client.disconnect()
            let rows = reports.map { report in
                Row(
                    execId: report.execution.execId, orderId: report.execution.orderId, time: report.execution.time,
                    timestamp: Timestamp(ibDateTime: report.execution.time).map { TimeText.iso8601($0) },
                    account: report.execution.acctNumber, side: report.execution.side,
                    shares: report.execution.shares.description, symbol: report.contract.symbol,
                    price: report.execution.price, exchange: report.execution.exchange,
                    commission: report.commission?.commission, commissionCurrency: report.commission?.currency
                )
            }
            if json { return try printJSON(rows) }
            Self.printTable(rows, zone: zone)
        }
    }

    /// The executions as a table (or `No executions today.`) in `zone`, whichever API they
    /// came from.
    static func printTable(_ rows: [Row], zone: DisplayTimeZone) {
        guard !rows.isEmpty else { return print("No executions today.") }
        let times = TimeColumn(rows.map { (Timestamp(ibDateTime: $0.time), $0.time) }, zone: zone)
        print(pad(times.header, times.width) + pad("SIDE", 5) + pad("SHARES", 8, right: true) + "  " + pad("SYMBOL", 8)
            + pad("PRICE", 10, right: true) + pad("COMMISSION", 12, right: true) + "  ORDER  EXEC ID")
        for (row, time) in zip(rows, times.texts) {
            print(pad(time, times.width) + pad(row.side, 5) + pad(row.shares, 8, right: true) + "  " + pad(row.symbol, 8)
                + pad(formatPrice(row.price), 10, right: true) + pad(formatPrice(row.commission), 12, right: true)
                + "  " + pad(row.orderId.map(String.init) ?? "-", 5) + "  " + row.execId)
        }
    }
}
