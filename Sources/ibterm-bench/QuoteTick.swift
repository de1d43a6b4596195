import TWSClient
import TWSStreams
import TWSWire
import Vocabulary

/// One message of a quote stream as the gateway wrote it, reduced to what the client's quote
/// must show after applying it: the check that pairs a written tick with a received update.
///
/// The client turns every TICK_PRICE, TICK_SIZE, TICK_STRING, TICK_GENERIC and
/// MARKET_DATA_TYPE of a subscribed ticker into exactly one quote update, in wire order, so the
/// n-th of these for a ticker id is the n-th update on that symbol's stream.
enum QuoteTick: Sendable {
    case price(TickType, Double?)
    case size(TickType, FixedDecimal?)
    case string(TickType, String)
    case marketDataType(Int)
    case generic

    /// The ticker id and the tick, for the messages the client routes to a quote stream.
    static func from(_ message: ServerMessage) -> (reqId: Int, tick: QuoteTick)? {
        switch message {
        case let .tickPrice(m): (m.reqId, .price(m.tickType.live, m.price))
        case let .tickSize(m): (m.reqId, .size(m.tickType.live, m.size))
        case let .tickString(m): (m.reqId, .string(m.tickType.live, m.value))
        case let .tickGeneric(m): (m.reqId, .generic)
        case let .marketDataType(m): (m.reqId, .marketDataType(m.marketDataType))
        default: nil
        }
    }

    /// Whether `quote` (the client's quote right after this tick) shows the tick's value.
    func isShown(in quote: ReceivedQuote) -> Bool {
        switch self {
        case let .price(type, price):
            let shown = price.flatMap { $0 == -1 && (type == .bid || type == .ask) ? nil : $0 }
            switch type {
            case .bid: return quote.bid == shown
            case .ask: return quote.ask == shown
            case .last: return quote.last == shown
            case .high: return quote.high == shown
            case .low: return quote.low == shown
            case .close: return quote.close == shown
            case .open: return quote.open == shown
            default: return true
            }
        case let .size(type, size):
            switch type {
            case .bidSize: return quote.bidSize == size
            case .askSize: return quote.askSize == size
            case .lastSize: return quote.lastSize == size
            case .volume: return quote.volume == size
            default: return true
            }
        case let .string(type, value):
            return type != .lastTimestamp || quote.lastTradeTime == Int(value)
        case let .marketDataType(type):
            return quote.marketDataType == type
        case .generic:
            return true
        }
    }
}

/// The fields of a client quote a tick can set, kept per received update for the check.
@dynamicMemberLookup
struct ReceivedQuote: Sendable {
    /// The prices, sizes and day figures.
    var values: QuoteValues
    var lastTradeTime: Int?
    var marketDataType: Int?
    /// When the update came out of the symbol's quote stream.
    var receivedAt: ContinuousClock.Instant

    init(_ quote: TWSStreams.Quote, receivedAt: ContinuousClock.Instant) {
        self.receivedAt = receivedAt
        values = quote.values
        lastTradeTime = quote.lastTradeTime
        marketDataType = quote.marketDataType?.rawValue
    }

    subscript<Value>(dynamicMember field: KeyPath<QuoteValues, Value>) -> Value {
        values[keyPath: field]
    }
}
