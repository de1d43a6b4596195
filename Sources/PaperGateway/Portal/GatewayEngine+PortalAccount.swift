import PaperExchange
import PortalAPI
import Vocabulary

/// The account as the Client Portal API shows it, read from the same exchange the socket
/// clients trade on (``PortalBackend``).
extension GatewayEngine {
    /// `/iserver/accounts`.
    func portalIServerAccounts() -> IServerAccounts {
        IServerAccounts(accounts: [accountId], aliases: [accountId: accountId], selectedAccount: accountId)
    }

    /// `/portfolio/accounts`: the paper account (type `DEMO`, like IB's paper accounts).
    func portalAccounts() -> [PortfolioAccount] {
        [PortfolioAccount(id: accountId, currency: "USD")]
    }

    /// `/portfolio/{acct}/summary`: the account values under IB's lower-case keys, each with
    /// the time it was read (milliseconds).
    func portalSummary() -> PortalAccountSummary {
        let summary = exchange.summary()
        let stamp = now.millisecondsSinceEpoch
        func money(_ value: FixedDecimal) -> AccountSummaryValue {
            AccountSummaryValue(amount: value.doubleValue, currency: "USD", timestamp: stamp)
        }
        return [
            AccountSummaryKey.accountCode: AccountSummaryValue(amount: 0, currency: nil, timestamp: stamp, value: accountId),
            AccountSummaryKey.netLiquidation: money(summary.netLiquidation),
            AccountSummaryKey.totalCashValue: money(summary.totalCashValue),
            AccountSummaryKey.availableFunds: money(summary.availableFunds),
            AccountSummaryKey.buyingPower: money(summary.buyingPower),
            AccountSummaryKey.grossPositionValue: money(summary.grossPositionValue),
            "equitywithloanvalue": money(summary.equityWithLoanValue),
            "initmarginreq": money(summary.initMarginReq),
            "maintmarginreq": money(summary.maintMarginReq),
            "excessliquidity": money(summary.excessLiquidity),
            "unrealizedpnl": money(summary.unrealizedPNL),
            "realizedpnl": money(summary.realizedPNL),
            "accounttype": AccountSummaryValue(amount: 0, currency: nil, timestamp: stamp, value: "DEMO"),
        ]
    }

    /// `/portfolio/{acct}/ledger`: the base currency's balances under `BASE` and `USD`
    /// (timestamps in seconds, as IB's ledger has them).
    func portalLedger() -> Ledger {
        let summary = exchange.summary()
        let seconds = now.secondsSinceEpoch
        func entry(_ key: String) -> LedgerEntry {
            var entry = LedgerEntry(
                currency: key, account: accountId, cash: summary.totalCashValue.doubleValue,
                stockMarketValue: summary.stockMarketValue.doubleValue, unrealizedPnL: summary.unrealizedPNL.doubleValue,
                realizedPnL: summary.realizedPNL.doubleValue, timestampSeconds: seconds)
            entry.netliquidationvalue = summary.netLiquidation.doubleValue
            entry.secondkey = key
            return entry
        }
        return ["BASE": entry("BASE"), "USD": entry("USD")]
    }

    /// `/portfolio/{acct}/positions/{page}`: open positions valued at the current marks, by
    /// symbol, 100 a page (IB's page size); an empty page past the last.
    func portalPositions(page: Int) -> [PortalPosition] {
        let items = exchange.portfolio().sorted { $0.position.instrument.symbol < $1.position.instrument.symbol }
        let size = PortalBackend.positionsPageSize
        guard page >= 0, page * size < items.count else { return [] }
        return items[(page * size)..<min(items.count, (page + 1) * size)].map { item in
            let instrument = item.position.instrument
            return PortalPosition(
                acctId: accountId, conid: instrument.conId, contractDesc: instrument.symbol, position: Double(item.position.quantity),
                mktPrice: item.marketPrice.doubleValue, mktValue: item.marketValue.doubleValue, currency: instrument.currency,
                avgCost: item.averageCost.doubleValue, avgPrice: item.position.averagePrice.doubleValue,
                realizedPnl: item.realizedPNL.doubleValue, unrealizedPnl: item.unrealizedPNL.doubleValue,
                assetClass: instrument.secType.rawValue, multiplier: instrument.multiplier == 1 ? nil : Double(instrument.multiplier),
                ticker: instrument.symbol, name: instrument.longName, listingExchange: instrument.primaryExchange)
        }
    }
}
