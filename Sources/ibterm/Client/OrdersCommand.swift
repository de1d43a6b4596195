import ArgumentParser
import TWSClient
import TWSSession
import TWSWire

/// `ibterm orders`: the account's open orders, of every client id.
struct OrdersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orders",
        abstract: "Print the account's open orders, of every client id, with the client id that placed each.",
        discussion: """
            Lists what reqAllOpenOrders returns: the orders of every API client of the account \
            (the dashboard's, `ibterm order`'s, other programs'). IB lets only the client id that \
            placed an order cancel it; `ibterm cancel ID` does that for you. --this-client lists \
            only the orders of the client id this command connects as (reqOpenOrders).
            """
    )

    @OptionGroup var gateway: GatewayOptions

    @OptionGroup(title: "Client Portal (REST instead of the socket)")
    var portal: PortalOptions

    @OptionGroup var configFile: ConfigOptions

    @Flag(help: "Only the orders of the client id this command connects as (17, or --client-id).")
    var thisClient = false

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    struct Row: Encodable {
        var orderId: Int
        /// The client id that placed it; unknown over the Client Portal (absent there).
        var clientId: Int?
        /// IB's permanent id; the Client Portal does not give it (absent there).
        var permId: Int?
        var account: String
        var action: String
        var quantity: String
        var symbol: String
        var orderType: String
        var limitPrice: Double?
        var stopPrice: Double?
        var tif: String
        var status: String
        var filled: String?
        var remaining: String?
    }

    func run() async throws {
        try await runReportingFailures {
            if let target = try portal.selected(gateway: gateway, configFile: configFile) {
                guard !thisClient else { throw CommandFailure("--this-client has no meaning over the Client Portal, which has no client ids") }
                let rows = try await Self.portalRows(target, timeout: gateway.timeLimit)
                if json { return try printJSON(rows) }
                return Self.printTable(rows)
            }
            let client = try await gateway.connect(command: "orders")
            let reports = thisClient ? try await client.openOrders() : try await client.allOpenOrders()
            await client.disconnect()
            let rows = reports.map { report in
                let prices = Self.prices(orderType: report.order.orderType, limit: report.order.lmtPrice, aux: report.order.auxPrice)
                return Row(
                    orderId: report.order.orderId, clientId: report.order.clientId, permId: report.order.permId, account: report.order.account,
                    action: report.order.action, quantity: report.order.totalQuantity?.description ?? "-",
                    symbol: report.contract.symbol, orderType: report.order.orderType, limitPrice: prices.limit,
                    stopPrice: prices.stop, tif: report.order.tif,
                    status: report.status?.status.description ?? report.orderState.status,
                    filled: report.status?.filled.description, remaining: report.status?.remaining.description
                )
            }
            if json { return try printJSON(rows) }
            Self.printTable(rows)
        }
    }

    /// The open orders as a table (or `No open orders.`), whichever API they came from.
    static func printTable(_ rows: [Row]) {
        guard !rows.isEmpty else { return print("No open orders.") }
        print(pad("ID", 8) + pad("CLIENT", 7) + pad("ACTION", 7) + pad("QTY", 8, right: true) + "  " + pad("SYMBOL", 8) + pad("TYPE", 8)
            + pad("LIMIT", 10, right: true) + pad("STOP", 10, right: true) + "  " + pad("TIF", 5) + "STATUS")
        for row in rows {
            print(pad("\(row.orderId)", 8) + pad(row.clientId.map(String.init) ?? "-", 7) + pad(row.action, 7) + pad(row.quantity, 8, right: true) + "  " + pad(row.symbol, 8)
                + pad(row.orderType, 8) + pad(formatPrice(row.limitPrice), 10, right: true)
                + pad(formatPrice(row.stopPrice), 10, right: true) + "  " + pad(row.tif, 5) + row.status)
        }
    }

    /// The limit and stop prices an order of `orderType` has: a limit order has no stop (IB
    /// sends its unused aux price as 0, which is no price), a stop order no limit. Order types
    /// ibterm does not know keep both as sent.
    static func prices(orderType: String, limit: Double?, aux: Double?) -> (limit: Double?, stop: Double?) {
        guard let type = OrderType(rawValue: orderType) else { return (limit, aux) }
        let trailLimit = type == .trailLimit ? limit : nil
        return (type.needsLimitPrice ? limit : trailLimit, type.needsStopPrice || type.isTrailing ? aux : nil)
    }
}
