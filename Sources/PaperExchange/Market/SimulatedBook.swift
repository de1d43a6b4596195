import Vocabulary

/// One instrument's simulated market: a random walk of a fair value in ticks, with the quote
/// drawn around it. Each book has its own generator, so its tape does not depend on the other
/// instruments or on how callers slice time.
struct SimulatedBook: Sendable {
    let instrument: Instrument
    private var random: Xoshiro256StarStar
    private var fairTicks: Double
    private let referenceTicks: Double
    private let sigmaTicks: Double
    private(set) var quote: TopOfBook
    private(set) var nextUpdate: Timestamp

    init(instrument: Instrument, configuration: MarketSimulatorConfiguration, start: Timestamp) {
        self.instrument = instrument
        var mixer = SeededGenerator(seed: configuration.seed ^ (UInt64(instrument.conId) &* 0x9E37_79B9_7F4A_7C15))
        random = Xoshiro256StarStar(seed: mixer.next())
        let reference = instrument.ticks(of: instrument.referencePrice) ?? 1
        referenceTicks = Double(reference)
        fairTicks = referenceTicks
        let interval = Double(configuration.meanUpdateIntervalMilliseconds) / 1000
        let tradingSecondsPerYear = 252.0 * 23_400
        sigmaTicks = instrument.referencePrice.doubleValue * instrument.volatility
            * (interval / tradingSecondsPerYear).squareRoot() / instrument.minTick.doubleValue
        let unit = instrument.secType.sizeUnit
        let bidTicks = max(1, reference - 1 + (reference > 1 ? 0 : 1))
        quote = TopOfBook(
            conId: instrument.conId, bid: instrument.price(ticks: bidTicks),
            ask: instrument.price(ticks: bidTicks + 2), bidSize: 0, askSize: 0,
            last: instrument.secType.printsTrades ? instrument.referencePrice : nil,
            lastSize: 0, volume: 0, open: nil, high: nil, low: nil,
            close: instrument.referencePrice, time: start)
        nextUpdate = start
        quote.bidSize = drawSize(unit: unit)
        quote.askSize = drawSize(unit: unit)
        nextUpdate = start.adding(milliseconds: Int64(random.nextInt(
            in: 0...Int(configuration.meanUpdateIntervalMilliseconds) - 1)))
    }

    /// Moves the book one update forward, returning what changed.
    mutating func step(configuration: MarketSimulatorConfiguration) -> MarketEvent {
        let time = nextUpdate
        let before = quote
        var trade: Trade?

        fairTicks += sigmaTicks * random.nextStandardNormal()
            - configuration.meanReversion * (fairTicks - referenceTicks)
        fairTicks = max(fairTicks, 2)
        let spreadDraw = random.nextUnitDouble()
        let spread: Int64 = spreadDraw < 0.7 ? 1 : (spreadDraw < 0.92 ? 2 : 3)
        let bidTicks = max(1, Int64((fairTicks - Double(spread) / 2).rounded()))
        quote.bid = instrument.price(ticks: bidTicks)
        quote.ask = instrument.price(ticks: bidTicks + spread)

        let unit = instrument.secType.sizeUnit
        if random.nextBool(probability: configuration.sizeChangeProbability) || quote.bid != before.bid {
            quote.bidSize = drawSize(unit: unit)
        }
        if random.nextBool(probability: configuration.sizeChangeProbability) || quote.ask != before.ask {
            quote.askSize = drawSize(unit: unit)
        }

        if instrument.secType.printsTrades, random.nextBool(probability: configuration.tradeProbability) {
            let atAsk = random.nextBool(probability: 0.5)
            let size = unit * random.nextInt(in: 1...5)
            let price = atAsk ? quote.ask : quote.bid
            trade = Trade(price: price, size: size)
            record(tradePrice: price, size: size)
        } else if !instrument.secType.printsTrades {
            record(midpoint: quote.midpoint)
        }
        quote.time = time
        nextUpdate = time.adding(milliseconds: drawInterval(configuration))
        return MarketEvent(
            conId: instrument.conId, time: time, changed: Self.changes(from: before, to: quote),
            quote: quote, trade: trade)
    }

    /// Starts a new session: the close becomes the last price, open/high/low/volume reset.
    mutating func beginSession() -> QuoteFields {
        let before = quote
        quote.close = instrument.secType.printsTrades ? (quote.last ?? quote.close) : quote.midpoint
        quote.open = nil
        quote.high = nil
        quote.low = nil
        quote.volume = 0
        return Self.changes(from: before, to: quote)
    }

    private mutating func record(tradePrice price: FixedDecimal, size: Int) {
        quote.last = price
        quote.lastSize = size
        quote.volume += size
        if quote.open == nil { quote.open = price }
        quote.high = FixedDecimal.max(quote.high ?? price, price)
        quote.low = FixedDecimal.min(quote.low ?? price, price)
    }

    private mutating func record(midpoint: FixedDecimal) {
        if quote.open == nil { quote.open = midpoint }
        quote.high = FixedDecimal.max(quote.high ?? midpoint, midpoint)
        quote.low = FixedDecimal.min(quote.low ?? midpoint, midpoint)
    }

    private mutating func drawSize(unit: Int) -> Int {
        switch instrument.secType {
        case .stock: unit * random.nextInt(in: 1...30)
        case .forex: unit * random.nextInt(in: 5...100)
        case .future: unit * random.nextInt(in: 1...60)
        }
    }

    private mutating func drawInterval(_ configuration: MarketSimulatorConfiguration) -> Int64 {
        let mean = configuration.meanUpdateIntervalMilliseconds
        return Int64(random.nextInt(in: Int(mean / 2)...Int(mean + mean / 2)))
    }

    private static func changes(from old: TopOfBook, to new: TopOfBook) -> QuoteFields {
        var fields: QuoteFields = []
        if old.bid != new.bid { fields.insert(.bid) }
        if old.ask != new.ask { fields.insert(.ask) }
        if old.last != new.last { fields.insert(.last) }
        if old.bidSize != new.bidSize { fields.insert(.bidSize) }
        if old.askSize != new.askSize { fields.insert(.askSize) }
        if old.lastSize != new.lastSize || (new.lastSize > 0 && old.volume != new.volume) {
            fields.insert(.lastSize)
        }
        if old.volume != new.volume { fields.insert(.volume) }
        if old.high != new.high { fields.insert(.high) }
        if old.low != new.low { fields.insert(.low) }
        if old.close != new.close { fields.insert(.close) }
        if old.open != new.open { fields.insert(.open) }
        return fields
    }
}
