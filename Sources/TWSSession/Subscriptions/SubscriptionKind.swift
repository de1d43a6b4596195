/// What a subscription streams; decides how connectivity notices affect it.
public enum SubscriptionKind: Hashable, Sendable, CaseIterable {
    /// Streaming quotes (IB: reqMktData, id 1).
    case marketData
    /// Account values and portfolio (IB: reqAccountUpdates, id 6).
    case accountUpdates
    /// Account summary tags (IB: reqAccountSummary, id 62).
    case accountSummary
    /// Positions (IB: reqPositions, id 61).
    case positions
    /// Account profit and loss (IB: reqPnL, id 92).
    case profitAndLoss
    /// One position's profit and loss (IB: reqPnLSingle, id 94).
    case profitAndLossSingle
    /// A contract's order book (IB: reqMktDepth, id 10).
    case marketDepth
    /// Every trade, quote or midpoint change (IB: reqTickByTickData, id 97).
    case tickByTick

    /// Whether the subscription is market data, which 1101 kills and farm blips can silence.
    public var isMarketData: Bool { self == .marketData }
}
