import PaperExchange
import PaperGateway

/// The paper gateway's own record of orders, fills and positions, in plain values, for
/// comparing with what the client believes (from PaperExchange's `PaperOrder`s and
/// `PaperExecution`s).
struct GatewayLedgerView: Sendable {
    /// One order as the gateway's exchange holds it.
    struct OrderRow: Sendable, Hashable {
        var orderId: Int
        var clientId: Int
        var permId: Int
        var orderRef: String
        var status: String
        var isOpen: Bool
        var filled: Int
    }

    /// One execution as the gateway's exchange holds it.
    struct FillRow: Sendable, Hashable {
        var execId: String
        var orderId: Int
        var clientId: Int
        var shares: Int
    }

    /// Every order, by order id.
    var orders: [Int: OrderRow]
    /// Every order in the order the exchange lists them (duplicates would show here).
    var orderList: [OrderRow]
    /// Every execution, oldest first.
    var fills: [FillRow]
    /// Non-zero positions by symbol.
    var positions: [String: Int]

    /// Reads the gateway's exchange snapshot.
    static func read(_ server: PaperGatewayServer) async throws -> GatewayLedgerView {
        let snapshot = try await server.snapshot()
        let rows = snapshot.orders.map { order in
            OrderRow(
                orderId: order.orderId, clientId: order.clientId, permId: order.permId, orderRef: order.request.orderRef,
                status: order.status.ibText, isOpen: order.status.isWorking, filled: order.filledQuantity)
        }
        var byId: [Int: OrderRow] = [:]
        for row in rows { byId[row.orderId] = row }
        let fills = snapshot.executions.map {
            FillRow(execId: $0.execId, orderId: $0.orderId, clientId: $0.clientId, shares: $0.shares)
        }
        var positions: [String: Int] = [:]
        for position in snapshot.account.positions.values where position.quantity != 0 {
            positions[position.instrument.symbol, default: 0] += position.quantity
        }
        return GatewayLedgerView(orders: byId, orderList: rows, fills: fills, positions: positions)
    }

    /// The first `count` stock symbols of the gateway's bundled instruments.
    static func stockSymbols(count: Int) throws -> [String] {
        let stocks = try GatewayResources.universe().instruments.filter { $0.secType == .stock }.map(\.symbol)
        return Array(stocks.prefix(count))
    }
}
