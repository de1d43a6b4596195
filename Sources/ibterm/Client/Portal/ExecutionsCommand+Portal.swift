import PortalAPI
import PortalClient
import Vocabulary

extension ExecutionsCommand {
    /// Today's executions of the portal's session (`/iserver/account/trades`), as the socket's
    /// rows: `time` is the portal's `trade_time` (`yyyyMMdd-HH:mm:ss`, UTC), sides in the
    /// socket's words (`BOT`, `SLD`), without order ids (the portal does not give them).
    static func portalRows(_ target: PortalLink.Target, timeout: Duration) async throws -> [Row] {
        try await PortalLink.with(target, timeout: timeout) { link in
            let trades = try await link.client.trades(days: 1)
            return trades.sorted { $0.trade_time_r < $1.trade_time_r }.map(row)
        }
    }

    /// One trade of `/iserver/account/trades` as a row.
    static func row(_ trade: PortalTrade) -> Row {
        Row(
            execId: trade.execution_id, orderId: nil, time: trade.trade_time,
            timestamp: TimeText.iso8601(Timestamp(millisecondsSinceEpoch: trade.trade_time_r)),
            account: trade.account, side: trade.side == "B" ? "BOT" : trade.side == "S" ? "SLD" : trade.side,
            shares: PortalLink.quantity(trade.size), symbol: trade.symbol, price: Double(trade.price) ?? 0, exchange: trade.exchange,
            commission: trade.commission.flatMap(Double.init), commissionCurrency: nil)
    }
}
