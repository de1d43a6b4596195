import Vocabulary

/// One position valued at the current mark: what PORTFOLIO_VALUE, POSITION_DATA and
/// PNL_SINGLE report. Amounts in USD except the price fields, which are in the instrument's
/// currency like IB's.
public struct PortfolioItem: Sendable, Hashable {
    /// The position.
    public var position: Position
    /// The mark (`marketPrice`).
    public var marketPrice: FixedDecimal
    /// `marketValue`, USD.
    public var marketValue: FixedDecimal
    /// `averageCost` (average price × multiplier).
    public var averageCost: FixedDecimal
    /// `unrealizedPNL`, USD.
    public var unrealizedPNL: FixedDecimal
    /// `realizedPNL` since the account opened, USD.
    public var realizedPNL: FixedDecimal
    /// reqPnLSingle's `dailyPnL`, USD.
    public var dailyPNL: FixedDecimal

    /// Values `position` at `mark`.
    public init(position: Position, mark: FixedDecimal, converter: CurrencyConverter) {
        let currency = position.instrument.currency
        self.position = position
        marketPrice = mark
        marketValue = converter.toUSD(position.marketValue(at: mark), from: currency)
        averageCost = position.averageCost
        unrealizedPNL = converter.toUSD(position.unrealizedPNL(at: mark), from: currency)
        realizedPNL = position.realizedPNL
        dailyPNL = converter.toUSD(position.dailyPNL(at: mark), from: currency)
    }
}
