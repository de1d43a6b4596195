import Dashboard
import TWSWire

extension PositionUpdate {
    /// A position as the positions stream reports it (IB: position): quantity and average
    /// cost per unit, no prices.
    public init(_ position: PositionData) {
        self.init(
            account: position.account, symbol: position.contract.symbol, quantity: position.position,
            averageCost: position.avgCost, multiplier: Double(position.contract.multiplier) ?? 1)
    }

    /// A position as the account stream reports it (IB: updatePortfolio): with market price,
    /// value and P&L; IB's average cost there is per contract, so it is divided by the
    /// multiplier.
    public init(_ item: PortfolioValue) {
        let multiplier = Double(item.contract.multiplier) ?? 1
        self.init(
            account: item.accountName, symbol: item.contract.symbol, quantity: item.position,
            averageCost: item.averageCost / multiplier, multiplier: multiplier, marketPrice: item.marketPrice,
            marketValue: item.marketValue, unrealizedPnL: item.unrealizedPNL, realizedPnL: item.realizedPNL)
    }
}
