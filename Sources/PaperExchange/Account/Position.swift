import Vocabulary

/// A holding of one instrument in the paper account.
///
/// ``averagePrice`` follows IB: for stocks and FX it includes the commission paid to open
/// (so realized P&L is net of both commissions); for futures it is the plain trade price and
/// commissions go straight to cash (a documented simplification).
public struct Position: Sendable, Hashable, Codable {
    /// The instrument.
    public var instrument: Instrument
    /// Signed quantity: positive long, negative short, zero once closed today.
    public var quantity: Int
    /// Average price per unit in the instrument's currency (see the type's note on commission).
    public var averagePrice: FixedDecimal
    /// Realized P&L of this position since the account was opened, USD.
    public var realizedPNL: FixedDecimal
    /// Quantity × session-start mark × multiplier plus today's net traded notional, in the
    /// instrument's currency: the base for this position's daily P&L.
    public var sessionBasis: FixedDecimal

    /// Creates a flat position.
    public init(instrument: Instrument) {
        self.instrument = instrument
        quantity = 0
        averagePrice = .zero
        realizedPNL = .zero
        sessionBasis = .zero
    }

    /// IB's `averageCost`: the average price times the multiplier.
    public var averageCost: FixedDecimal { averagePrice * instrument.multiplier }

    /// Market value at `mark` in the instrument's currency (notional for futures).
    public func marketValue(at mark: FixedDecimal) -> FixedDecimal {
        mark * (quantity * instrument.multiplier)
    }

    /// Unrealized P&L at `mark` in the instrument's currency.
    public func unrealizedPNL(at mark: FixedDecimal) -> FixedDecimal {
        (mark - averagePrice) * (quantity * instrument.multiplier)
    }

    /// Daily P&L at `mark` in the instrument's currency.
    public func dailyPNL(at mark: FixedDecimal) -> FixedDecimal {
        marketValue(at: mark) - sessionBasis
    }
}
