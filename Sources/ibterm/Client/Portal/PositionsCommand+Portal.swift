import PortalAPI
import PortalClient

extension PositionsCommand {
    /// The positions of every account of the portal's session (`/portfolio/{acct}/positions`,
    /// every page), as the socket's rows.
    static func portalRows(_ target: PortalLink.Target, timeout: Duration) async throws -> [Row] {
        try await PortalLink.with(target, timeout: timeout) { link in
            var rows: [Row] = []
            for account in link.accounts.isEmpty ? [link.account] : link.accounts {
                for position in try await link.client.positions(account: account) where position.position != 0 {
                    rows.append(Row(
                        account: position.acctId, symbol: position.ticker ?? position.contractDesc, secType: position.assetClass,
                        conId: position.conid, currency: position.currency, position: PortalLink.quantity(position.position),
                        avgCost: position.avgCost))
                }
            }
            return rows
        }
    }
}
