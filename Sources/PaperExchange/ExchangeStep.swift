/// What one ``PaperMarket/advance(to:)`` produced, in time order within each list.
public struct ExchangeStep: Sendable, Hashable {
    /// Quote changes, for TICK_PRICE / TICK_SIZE to subscribed clients.
    public var marketEvents: [MarketEvent]
    /// Order state changes and fills caused by those quotes (and by a session roll).
    public var orderOutcomes: [OrderOutcome]
    /// Whether a new trading session began during the step.
    public var sessionStarted: Bool

    /// Creates a step.
    public init(marketEvents: [MarketEvent] = [], orderOutcomes: [OrderOutcome] = [], sessionStarted: Bool = false) {
        self.marketEvents = marketEvents
        self.orderOutcomes = orderOutcomes
        self.sessionStarted = sessionStarted
    }
}
