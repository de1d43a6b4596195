/// Daily, unrealized and realized P&L at one moment, each labelled with its source.
///
/// For each number: the gateway's account value (`reqPnL`) if present; else the sum of the
/// gateway's per-position values (`reqPnLSingle`) if every position has one; else, for daily and
/// unrealized, a computation from positions and quotes if every position has the prices it
/// needs; else unavailable ("—"). Realized P&L cannot be computed from positions and quotes, so
/// it comes only from the gateway. A partial sum is never shown as if it were the total.
public struct PnLSnapshot: Sendable, Hashable, Codable {
    /// P&L since the start of the day.
    public var daily: PnLValue
    /// P&L of open positions against average cost.
    public var unrealized: PnLValue
    /// P&L realised today.
    public var realized: PnLValue

    /// Creates a snapshot from explicit values.
    public init(daily: PnLValue, unrealized: PnLValue, realized: PnLValue) {
        self.daily = daily
        self.unrealized = unrealized
        self.realized = realized
    }

    /// Builds a snapshot from what the gateway sent and what the dashboard knows.
    /// - Parameters:
    ///   - account: the gateway's account P&L, if subscribed.
    ///   - positions: current positions (with per-position gateway P&L where subscribed).
    ///   - quotes: current quotes by symbol; the mark is the quote's reference price.
    public init(account: AccountPnL?, positions: [PositionHolding], quotes: [String: WatchedQuote]) {
        self.init(account: account, positions: positions, quote: { quotes[$0] })
    }

    /// Builds a snapshot as ``init(account:positions:quotes:)`` does, reading each position's
    /// quote through `quote` (no dictionary of marks is built on every tick).
    public init(account: AccountPnL?, positions: [PositionHolding], quote quoteOf: (String) -> WatchedQuote?) {
        func fromGateway(_ pick: (AccountPnL) -> Double?) -> PnLValue? {
            if let value = account.flatMap(pick) { return PnLValue(amount: value, source: .gateway) }
            guard !positions.isEmpty else { return nil }
            var sum = 0.0
            for position in positions {
                guard let value = position.gatewayPnL.flatMap(pick) else { return nil }
                sum += value
            }
            return PnLValue(amount: sum, source: .gateway)
        }
        func computed(_ perPosition: (PositionHolding, WatchedQuote) -> Double?) -> PnLValue {
            var sum = 0.0
            for position in positions where position.quantity != 0 {
                guard let quote = quoteOf(position.symbol), let value = perPosition(position, quote) else {
                    return .unavailable
                }
                sum += value
            }
            return PnLValue(amount: sum, source: .computed)
        }
        self.daily = fromGateway(\.daily) ?? computed { position, quote in
            guard let mark = quote.referencePrice, let close = quote.close else { return nil }
            return (mark - close) * position.quantity.doubleValue * position.multiplier
        }
        self.unrealized = fromGateway(\.unrealized) ?? computed { position, quote in
            guard let mark = quote.referencePrice else { return nil }
            return (mark * position.multiplier - position.averageCost) * position.quantity.doubleValue
        }
        self.realized = fromGateway(\.realized) ?? .unavailable
    }
}
