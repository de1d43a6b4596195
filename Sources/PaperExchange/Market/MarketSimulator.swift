import Vocabulary

/// The paper market: every instrument's quote moving as a seeded random walk on its tick grid.
///
/// Pure and deterministic: it never reads a clock. The caller passes the current time to
/// ``advance(to:)``, which runs every update due up to then and returns them in time order.
/// The tape depends only on the seed and the instruments, not on how often `advance` is called.
///
/// ```swift
/// var market = MarketSimulator(universe: universe, configuration: .init(seed: 42), start: t0)
/// for event in market.advance(to: now) where event.changed.contains(.bid) { send(event) }
/// ```
public struct MarketSimulator: Sendable {
    /// The settings the simulator was created with.
    public let configuration: MarketSimulatorConfiguration
    private var books: [SimulatedBook]
    private let indexByConId: [Int: Int]
    /// The latest time passed to ``advance(to:)`` (or the start).
    public private(set) var now: Timestamp

    /// Creates the market at `start`, every instrument at its reference price.
    public init(universe: InstrumentUniverse, configuration: MarketSimulatorConfiguration, start: Timestamp) {
        self.configuration = configuration
        books = universe.instruments.map {
            SimulatedBook(instrument: $0, configuration: configuration, start: start)
        }
        indexByConId = Dictionary(
            uniqueKeysWithValues: universe.instruments.enumerated().map { ($1.conId, $0) })
        now = start
    }

    /// Runs every update due at or before `now` and returns them ordered by time, then by the
    /// universe's instrument order. A `now` earlier than the previous one returns nothing.
    public mutating func advance(to now: Timestamp) -> [MarketEvent] {
        guard now >= self.now else { return [] }
        self.now = now
        var events: [(event: MarketEvent, index: Int)] = []
        for index in books.indices {
            while books[index].nextUpdate <= now {
                events.append((books[index].step(configuration: configuration), index))
            }
        }
        events.sort { a, b in
            a.event.time != b.event.time ? a.event.time < b.event.time : a.index < b.index
        }
        return events.map(\.event)
    }

    /// The current quote of the instrument with contract id `conId`.
    public func quote(conId: Int) -> TopOfBook? {
        indexByConId[conId].map { books[$0].quote }
    }

    /// Every current quote, in universe order.
    public var quotes: [TopOfBook] { books.map(\.quote) }

    /// Starts a new trading session at `time`: each close becomes the last price (the midpoint
    /// for FX) and open, high, low and volume reset. Returns one event per instrument.
    public mutating func beginSession(at time: Timestamp) -> [MarketEvent] {
        books.indices.map { index in
            let changed = books[index].beginSession()
            let quote = books[index].quote
            return MarketEvent(conId: quote.conId, time: time, changed: changed, quote: quote, trade: nil)
        }
    }
}
