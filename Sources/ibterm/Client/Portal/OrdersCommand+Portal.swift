import PortalAPI
import PortalClient
import Vocabulary

extension OrdersCommand {
    /// The statuses of orders that are done: not listed as open.
    static let doneStatuses: Set<String> = ["Filled", "Cancelled", "ApiCancelled", "Inactive"]

    /// The open orders of the portal's session (`/iserver/account/orders`), as the socket's
    /// rows: the order types in the socket's words (`LMT`, `STP LMT`), without client ids.
    static func portalRows(_ target: PortalLink.Target, timeout: Duration) async throws -> [Row] {
        try await PortalLink.with(target, timeout: timeout) { link in
            let live = try await link.client.liveOrders()
            return live.orders.filter { !doneStatuses.contains($0.status) }.map(row)
        }
    }

    /// One order of `/iserver/account/orders` as a row.
    static func row(_ order: LiveOrder) -> Row {
        let type = socketOrderType(order.origOrderType ?? order.orderType)
        let price = order.price.flatMap(Double.init)
        // `price` is the limit price, or a stop order's stop; a stop-limit's stop is not given.
        let prices = Self.prices(orderType: type, limit: type == "STP" ? nil : price, aux: type == "STP" ? price : nil)
        return Row(
            orderId: order.orderId, clientId: nil, permId: nil, account: order.acct, action: order.side.uppercased(),
            quantity: PortalLink.quantity(order.totalSize), symbol: order.ticker, orderType: type, limitPrice: prices.limit,
            stopPrice: prices.stop, tif: order.timeInForce, status: order.status,
            filled: PortalLink.quantity(order.filledQuantity), remaining: PortalLink.quantity(order.remainingQuantity))
    }

    /// The portal's order type (`LIMIT`, `Stop Limit`) in the socket's words (`LMT`, `STP LMT`).
    static func socketOrderType(_ text: String) -> String {
        OrderType(portalWord: text)?.rawValue ?? text
    }
}
