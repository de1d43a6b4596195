import Vocabulary

/// Asks for every trade or quote change of a contract (IB: REQ_TICK_BY_TICK_DATA, id 97).
public struct RequestTickByTick: WireMessage {
    public static let wireName: StaticString = "REQ_TICK_BY_TICK_DATA"
    /// The request id this message belongs to.
    public var reqId: Int
    /// The contract concerned.
    public var contract: Contract
    /// `Last`, `AllLast`, `BidAsk` or `MidPoint`.
    public var tickType: String
    /// How many historical ticks to send first (0: none).
    public var numberOfTicks: Int
    /// For `BidAsk`: ignore changes of size only.
    public var ignoreSize: Bool

    /// Creates the value from its fields.
    public init(reqId: Int, contract: Contract, tickType: String, numberOfTicks: Int = 0, ignoreSize: Bool = false) {
        self.reqId = reqId
        self.contract = contract
        self.tickType = tickType
        self.numberOfTicks = numberOfTicks
        self.ignoreSize = ignoreSize
    }

    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        reqId = try r.int("reqId")
        contract = try r.requestContract()
        tickType = try r.string("tickType")
        numberOfTicks = try r.int("numberOfTicks")
        ignoreSize = try r.bool("ignoreSize")
    }

    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(reqId)
        w.requestContract(contract)
        w.string(tickType)
        w.int(numberOfTicks)
        w.bool(ignoreSize)
    }
}

/// One trade, quote or midpoint change (IB: TICK_BY_TICK, id 99).
public struct TickByTick: WireMessage {
    /// What the tick carries, by IB's tick type (1 Last, 2 AllLast, 3 BidAsk, 4 MidPoint).
    public enum Payload: Hashable, Sendable {
        /// A trade (`Last` or, with `allLast`, every exchange's prints): price, size, attribute
        /// mask (1 past limit, 2 unreported), exchange and special conditions.
        case trade(allLast: Bool, price: Double, size: FixedDecimal?, mask: Int, exchange: String, specialConditions: String)
        /// A quote: bid and ask prices and sizes, attribute mask (1 bid past low, 2 ask past high).
        case bidAsk(bidPrice: Double, askPrice: Double, bidSize: FixedDecimal?, askSize: FixedDecimal?, mask: Int)
        /// A midpoint.
        case midPoint(Double)
        /// Tick type 0: no payload.
        case none
    }

    public static let wireName: StaticString = "TICK_BY_TICK"
    /// The request id this message belongs to.
    public var reqId: Int
    /// The tick's time, in seconds since the epoch.
    public var time: Int
    /// What it carries.
    public var payload: Payload

    /// Creates the value from its fields.
    public init(reqId: Int, time: Int, payload: Payload) {
        self.reqId = reqId
        self.time = time
        self.payload = payload
    }

    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        reqId = try r.int("reqId")
        let type = try r.int("tickType")
        time = try r.int("time")
        switch type {
        case 1, 2:
            let price = try r.double("price")
            let size = try r.optionalQuantity("size")
            let mask = try r.int("mask")
            let exchange = try r.string("exchange")
            let conditions = try r.string("specialConditions")
            payload = .trade(allLast: type == 2, price: price, size: size, mask: mask, exchange: exchange, specialConditions: conditions)
        case 3:
            let bid = try r.double("bidPrice")
            let ask = try r.double("askPrice")
            let bidSize = try r.optionalQuantity("bidSize")
            let askSize = try r.optionalQuantity("askSize")
            payload = .bidAsk(bidPrice: bid, askPrice: ask, bidSize: bidSize, askSize: askSize, mask: try r.int("mask"))
        case 4:
            payload = .midPoint(try r.double("midPoint"))
        default:
            payload = .none
        }
    }

    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(reqId)
        switch payload {
        case let .trade(allLast, price, size, mask, exchange, conditions):
            w.int(allLast ? 2 : 1)
            w.int(time)
            w.double(price)
            w.quantity(size)
            w.int(mask)
            w.string(exchange)
            w.string(conditions)
        case let .bidAsk(bid, ask, bidSize, askSize, mask):
            w.int(3)
            w.int(time)
            w.double(bid)
            w.double(ask)
            w.quantity(bidSize)
            w.quantity(askSize)
            w.int(mask)
        case let .midPoint(mid):
            w.int(4)
            w.int(time)
            w.double(mid)
        case .none:
            w.int(0)
            w.int(time)
        }
    }
}
