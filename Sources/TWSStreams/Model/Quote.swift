import TWSSession
import TWSWire
import Vocabulary

/// The latest known market data of one contract, rebuilt from IB's individual ticks.
///
/// Every field is `nil` until the gateway sends it; IB's "no quote" price (-1 for bid and
/// ask) also reads as `nil`. Delayed ticks (66–76, 88) fill the same fields as live ones and
/// set ``marketDataType`` to delayed when the gateway has not said otherwise.
@dynamicMemberLookup
public struct Quote: Hashable, Sendable {
    /// The contract subscribed to.
    public var contract: Contract {
        get { contractBox.contract }
        set { contractBox = ContractBox(newValue) }
    }
    /// The contract in one reference: a quote is copied on every tick, and a `Contract` holds
    /// a score of strings, each a reference count to move.
    private var contractBox: ContractBox
    /// The quote's values (`quote.bid`, `quote.volume`, ... read through to them).
    public var values = QuoteValues()
    /// The last trade's time, seconds since the epoch (IB tick 45 / 88).
    public var lastTradeTime: Int?
    /// Live, frozen, delayed or delayed-frozen, as the gateway reported it.
    public var marketDataType: MarketDataType?
    /// Whether data is flowing on a working connection; false after a gap until the next tick
    /// of market data (a market-data-type message alone does not make it live).
    public var isLive: Bool = false
    /// When the last tick of market data was read (monotonic).
    public var updatedAt: SessionInstant?
    /// The fields the latest message carried (empty before the first message).
    public var carried: QuoteFields = []
    /// When the latest message was read (monotonic): the instant the socket read that brought
    /// it completed, for a tick, a generic tick or a data-type change alike.
    public var receivedAt: SessionInstant?

    /// Creates an empty quote for `contract`.
    public init(contract: Contract) {
        contractBox = ContractBox(contract)
    }

    /// One of the quote's values.
    @inlinable
    public subscript<Value>(dynamicMember field: WritableKeyPath<QuoteValues, Value>) -> Value {
        get { values[keyPath: field] }
        set { values[keyPath: field] = newValue }
    }

    /// Applies a TICK_PRICE (and the size it carries for bid, ask and last).
    package mutating func apply(_ tick: TickPrice) {
        let type = tick.tickType.live
        if tick.tickType.isDelayed, marketDataType == nil { marketDataType = .delayed }
        let price = tick.price.flatMap { $0 == -1 && (type == .bid || type == .ask) ? nil : $0 }
        switch type {
        case .bid: values.bid = price; carried = .bid; if let size = tick.size { values.bidSize = size; carried.insert(.bidSize) }
        case .ask: values.ask = price; carried = .ask; if let size = tick.size { values.askSize = size; carried.insert(.askSize) }
        case .last: values.last = price; carried = .last; if let size = tick.size { values.lastSize = size; carried.insert(.lastSize) }
        case .high: values.high = price; carried = .high
        case .low: values.low = price; carried = .low
        case .close: values.close = price; carried = .close
        case .open: values.open = price; carried = .open
        default: carried = []
        }
    }

    /// Applies a TICK_SIZE.
    package mutating func apply(_ tick: TickSize) {
        let type = tick.tickType.live
        if tick.tickType.isDelayed, marketDataType == nil { marketDataType = .delayed }
        switch type {
        case .bidSize: values.bidSize = tick.size; carried = .bidSize
        case .askSize: values.askSize = tick.size; carried = .askSize
        case .lastSize: values.lastSize = tick.size; carried = .lastSize
        case .volume: values.volume = tick.size; carried = .volume
        default: carried = []
        }
    }

    /// Applies a TICK_STRING (the last trade's time).
    package mutating func apply(_ tick: TickString) {
        if tick.tickType.live == .lastTimestamp, let seconds = Int(tick.value) {
            lastTradeTime = seconds
            carried = .lastTradeTime
        } else {
            carried = []
        }
    }

    /// Applies a MARKET_DATA_TYPE: the data type changes, no market data arrives.
    package mutating func apply(marketDataType type: MarketDataType?) {
        marketDataType = type
        carried = .marketDataType
    }
}

/// A contract shared by the copies of a quote (see ``Quote/contract``).
private final class ContractBox: Hashable, Sendable {
    let contract: Contract

    init(_ contract: Contract) {
        self.contract = contract
    }

    static func == (lhs: ContractBox, rhs: ContractBox) -> Bool {
        lhs === rhs || lhs.contract == rhs.contract
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(contract)
    }
}
