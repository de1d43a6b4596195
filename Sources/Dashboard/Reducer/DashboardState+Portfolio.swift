/// Positions and per-position P&L.
extension DashboardState {
    mutating func receivePosition(_ update: PositionUpdate) -> [DashboardEffect] {
        let symbol = Watchlist.normalize(update.symbol)
        var record = positions[symbol] ?? PositionRecord(
            holding: PositionHolding(symbol: symbol, quantity: 0, averageCost: 0), account: update.account, updatedAt: now)
        record.holding.quantity = update.quantity
        record.holding.averageCost = update.averageCost
        record.holding.multiplier = update.multiplier
        if !update.account.isEmpty { record.account = update.account }
        record.reportedMarketPrice = update.marketPrice ?? record.reportedMarketPrice
        record.reportedMarketValue = update.marketValue ?? record.reportedMarketValue
        record.reportedUnrealizedPnL = update.unrealizedPnL ?? record.reportedUnrealizedPnL
        record.reportedRealizedPnL = update.realizedPnL ?? record.reportedRealizedPnL
        record.updatedAt = now
        positions[symbol] = record
        changed = true
        refreshPnL()
        return []
    }

    mutating func receivePositionPnL(_ value: AccountPnL, symbol: String) -> [DashboardEffect] {
        let symbol = Watchlist.normalize(symbol)
        guard var record = positions[symbol] else { return [] }
        record.holding.gatewayPnL = value
        record.updatedAt = now
        positions[symbol] = record
        changed = true
        refreshPnL()
        return []
    }
}
