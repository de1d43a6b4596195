import Vocabulary

/// The paper exchange: instrument universe, simulated market, order book and paper account
/// behind one value type. The SwiftNIO server owns one, calls ``advance(to:)`` on a timer and
/// the order methods on client requests, passing the current time each time, and turns the
/// returned ``MarketEvent``s and ``OrderOutcome``s into TWS messages.
///
/// ```swift
/// var exchange = PaperMarket(universe: universe, configuration: .init(seed: 42), start: now)
/// let aapl = ContractQuery(symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD")
/// var outcomes = exchange.place(
///     OrderRequest(orderId: 1, clientId: 7, contract: aapl, action: .buy, totalQuantity: 100,
///                  orderType: .market), at: now)
/// let step = exchange.advance(to: now.adding(milliseconds: 250))
/// outcomes += step.orderOutcomes   // later fills of a larger order, triggered stops …
/// ```
public struct PaperMarket: Sendable {
    /// The instruments traded.
    public let universe: InstrumentUniverse
    /// The settings.
    public let configuration: PaperExchangeConfiguration
    /// The simulated market.
    public private(set) var market: MarketSimulator
    /// The order book.
    public private(set) var engine: MatchingEngine
    /// The account ledger.
    public private(set) var account: PaperAccount
    /// The current trading day (days since the epoch in the session time zone).
    public private(set) var sessionDay: Int64

    /// A fresh exchange and account at `start`.
    public init(universe: InstrumentUniverse, configuration: PaperExchangeConfiguration, start: Timestamp) {
        self.universe = universe
        self.configuration = configuration
        market = MarketSimulator(universe: universe, configuration: configuration.market, start: start)
        engine = MatchingEngine()
        account = PaperAccount(accountId: configuration.accountId, cash: configuration.initialCash)
        sessionDay = CivilTime.dayNumber(of: start, utcOffsetSeconds: configuration.sessionUTCOffsetSeconds)
    }

    /// An exchange restored from `snapshot` at `start`: the ledger, orders (GTC ones keep
    /// working) and counters come back; the market restarts from the seed. When `start` falls
    /// on a later trading day than the snapshot, the next ``advance(to:)`` rolls the session.
    public init(
        universe: InstrumentUniverse, configuration: PaperExchangeConfiguration,
        restoring snapshot: PaperExchangeSnapshot, start: Timestamp
    ) {
        self.init(universe: universe, configuration: configuration, start: start)
        account = snapshot.account
        engine = MatchingEngine(
            orders: snapshot.orders, executions: snapshot.executions, nextPermId: snapshot.nextPermId,
            nextExecutionSequence: snapshot.nextExecutionSequence)
        sessionDay = snapshot.sessionDay
    }

    /// Runs the market up to `now` and works open orders against every quote change. Crossing
    /// local midnight starts a new session (DAY orders expire, daily figures reset) first.
    public mutating func advance(to now: Timestamp) -> ExchangeStep {
        var step = ExchangeStep()
        let offset = configuration.sessionUTCOffsetSeconds
        let today = CivilTime.dayNumber(of: now, utcOffsetSeconds: offset)
        if today > sessionDay {
            let midnight = Timestamp(secondsSinceEpoch: today * 86_400 - Int64(offset))
            if midnight > market.now { run(&step, until: midnight.adding(milliseconds: -1)) }
            let roll = beginSession(at: Swift.max(midnight, market.now), day: today)
            step.marketEvents += roll.marketEvents
            step.orderOutcomes += roll.orderOutcomes
            step.sessionStarted = true
        }
        run(&step, until: now)
        return step
    }

    /// Places a new order or modifies the open order with the same id, against the current quote.
    public mutating func place(_ request: OrderRequest, at now: Timestamp) -> [OrderOutcome] {
        let instrument = universe.resolve(request.contract)
        let quote = instrument.flatMap { market.quote(conId: $0.conId) }
        var context = fillContext()
        let outcomes = engine.place(request, instrument: instrument, quote: quote, at: now, context: &context)
        account = context.account
        return outcomes
    }

    /// Cancels an open order (IB: cancelOrder): `.cancelled`, or `.rejected` with 10147/10148.
    public mutating func cancel(orderId: Int, at now: Timestamp) -> [OrderOutcome] {
        engine.cancel(orderId: orderId)
    }

    /// Cancels every open order (IB: reqGlobalCancel).
    public mutating func cancelAll(at now: Timestamp) -> [OrderOutcome] {
        engine.cancelAll()
    }

    /// Starts a new session now, as at local midnight: DAY orders expire, the close becomes the
    /// last price, daily P&L restarts from the current NetLiquidation.
    public mutating func beginSession(at now: Timestamp) -> ExchangeStep {
        beginSession(at: now, day: max(sessionDay + 1,
            CivilTime.dayNumber(of: now, utcOffsetSeconds: configuration.sessionUTCOffsetSeconds)))
    }

    /// The current quote of an instrument.
    public func quote(conId: Int) -> TopOfBook? {
        market.quote(conId: conId)
    }

    /// The current mark of every instrument (conId → price).
    public var marks: [Int: FixedDecimal] {
        Dictionary(uniqueKeysWithValues: market.quotes.map { ($0.conId, $0.markPrice) })
    }

    /// The account's figures at the current marks.
    public func summary() -> PaperAccountSummary {
        PaperAccountSummary(account: account, marks: marks, converter: converter, margin: configuration.margin)
    }

    /// Open positions valued at the current marks, by conId.
    public func portfolio() -> [PortfolioItem] {
        let marks = marks
        let converter = converter
        return account.openPositions.map {
            PortfolioItem(position: $0, mark: marks[$0.instrument.conId] ?? $0.averagePrice, converter: converter)
        }
    }

    /// Open orders, by order id.
    public var openOrders: [PaperOrder] { engine.openOrders }

    /// The next order id a client may use (nextValidId).
    public var nextValidOrderId: Int { engine.nextValidOrderId }

    /// The persistable state.
    public func snapshot() -> PaperExchangeSnapshot {
        PaperExchangeSnapshot(
            account: account, orders: engine.orders.values.sorted { $0.orderId < $1.orderId },
            executions: engine.executions, nextValidOrderId: engine.nextValidOrderId,
            nextPermId: engine.nextPermId, nextExecutionSequence: engine.nextExecutionSequence,
            sessionDay: sessionDay)
    }

    private var converter: CurrencyConverter {
        CurrencyConverter(instruments: universe.instruments, marks: marks)
    }

    private func fillContext() -> FillContext {
        FillContext(
            account: account, schedule: configuration.commissions, converter: converter,
            utcOffsetSeconds: configuration.sessionUTCOffsetSeconds)
    }

    private mutating func run(_ step: inout ExchangeStep, until now: Timestamp) {
        let events = market.advance(to: now)
        guard !events.isEmpty else { return }
        var context = fillContext()
        for event in events {
            step.orderOutcomes += engine.handle(event, context: &context)
        }
        account = context.account
        step.marketEvents += events
    }

    private mutating func beginSession(at time: Timestamp, day: Int64) -> ExchangeStep {
        let expired = engine.expireDayOrders()
        let events = market.beginSession(at: time)
        let netLiquidation = summary().netLiquidation
        account.beginSession(marks: marks, netLiquidation: netLiquidation)
        sessionDay = day
        return ExchangeStep(marketEvents: events, orderOutcomes: expired, sessionStarted: true)
    }
}
