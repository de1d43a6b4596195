import Vocabulary

/// Which tick-by-tick data to stream (IB's `tickType` of reqTickByTickData).
public enum TickByTickType: String, Hashable, Sendable, CaseIterable {
    /// Trades, as the time & sales window shows them (IB: `Last`).
    case last = "Last"
    /// Every exchange's prints, including those `last` filters out (IB: `AllLast`).
    case allLast = "AllLast"
    /// Every change of the best bid or ask (IB: `BidAsk`).
    case bidAsk = "BidAsk"
    /// Every change of the midpoint (IB: `MidPoint`).
    case midpoint = "MidPoint"
}

/// One trade, quote change or midpoint change of a tick-by-tick stream (IB: TICK_BY_TICK).
public struct TickByTickEvent: Hashable, Sendable {
    /// What the tick carries.
    public enum Value: Hashable, Sendable {
        /// A trade: its price, size, exchange, special conditions, and whether it printed past
        /// the limit or unreported (IB's attribute mask).
        case trade(price: Double, size: FixedDecimal?, exchange: String, conditions: String, pastLimit: Bool, unreported: Bool)
        /// A change of the best bid or ask, with their sizes.
        case bidAsk(bid: Double, ask: Double, bidSize: FixedDecimal?, askSize: FixedDecimal?)
        /// A change of the midpoint.
        case midpoint(Double)
    }

    /// The exchange's time of the tick (IB sends whole seconds).
    public var time: Timestamp
    /// What it carries.
    public var value: Value
    /// When its bytes were read.
    public var receivedAt: SessionInstant

    /// Creates an event.
    public init(time: Timestamp, value: Value, receivedAt: SessionInstant) {
        self.time = time
        self.value = value
        self.receivedAt = receivedAt
    }

    /// The trade's price, or `nil` for a quote or midpoint change.
    public var tradePrice: Double? {
        if case .trade(let price, _, _, _, _, _) = value { price } else { nil }
    }

    /// The trade's size, or `nil` for a quote or midpoint change.
    public var tradeSize: FixedDecimal? {
        if case .trade(_, let size, _, _, _, _) = value { size } else { nil }
    }
}
