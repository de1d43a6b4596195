import Vocabulary

/// One fault the gateway injects at a moment of a ``ScenarioTimeline``.
public enum Fault: Sendable, Hashable, Codable {
    /// Send error 354 for every market-data line of `symbol` and stop its ticks.
    case expireSubscription(symbol: String)
    /// Stop `symbol`'s ticks silently (no error).
    case stallSymbol(symbol: String)
    /// Resume `symbol`'s ticks after a stall.
    case resumeSymbol(symbol: String)
    /// Stop all ticks silently.
    case stallAllMarketData
    /// Resume all ticks after a global stall.
    case resumeAllMarketData
    /// Send 1100 (connectivity lost) to every client.
    case connectivityLost
    /// Send 1101 (restored, data lost) or 1102 (restored, data maintained).
    case connectivityRestored(dataMaintained: Bool)
    /// Close every client connection.
    case dropAllConnections
    /// Stop answering on every connection while keeping the sockets open; requests arriving
    /// meanwhile on an established connection are dropped (never carried out), a connection
    /// opened meanwhile is answered once the fault ends.
    case beginHalfOpen
    /// Answer again after a half-open period.
    case endHalfOpen
    /// Send error 100 (message rate exceeded).
    case exceedRate
    /// Send 2103 (market data farm broken) for `farm`.
    case dataFarmBroken(farm: String)
    /// Send 2104 (market data farm OK) for `farm`.
    case dataFarmRestored(farm: String)
    /// Reject every new order in `symbol` with 201 and `reason`, as an exchange does that takes
    /// no orders (what-if orders are still answered, since IB's what-if checks margin, not the
    /// exchange; working orders may still be modified and cancelled).
    case rejectOrders(symbol: String, reason: String)
    /// Take orders in `symbol` again.
    case acceptOrders(symbol: String)
    /// The socket API goes down: every connection is closed and new ones are refused (closed
    /// at once) until ``socketUp``, as when TWS or IB Gateway is gone.
    case socketDown
    /// The socket API takes connections again.
    case socketUp
    /// The Client Portal API stops listening (connections are refused) until ``portalUp``.
    case portalDown
    /// The Client Portal API listens again.
    case portalUp
    /// Every Client Portal answer is delayed by `milliseconds` (0: no delay).
    case portalSlow(milliseconds: Int)
    /// The Client Portal's brokerage session expires now, as after 5 idle minutes.
    case portalSessionExpired
    /// Another session takes the Client Portal's brokerage session (IB's "competing" state).
    case portalCompetingSession

    /// The reason a `reject-orders` fault gives when its scenario names none.
    public static let defaultRejectionReason = "The exchange is not accepting orders for this contract right now."

    /// The notice to send to clients with id −1, for faults that have one. ``expireSubscription(symbol:)``
    /// has 354, which goes to each affected ticker id instead.
    public var notice: Notice? {
        switch self {
        case .expireSubscription:
            Notice(code: 354, text: "Requested market data is not subscribed.")
        case .connectivityLost:
            Notice(code: 1100, text: "Connectivity between IB and Trader Workstation has been lost.")
        case .connectivityRestored(let maintained):
            maintained
                ? Notice(code: 1102, text: "Connectivity between IB and Trader Workstation has been restored - data maintained.")
                : Notice(code: 1101, text: "Connectivity between IB and Trader Workstation has been restored - data lost.")
        case .exceedRate:
            Notice(code: 100, text: "Max rate of messages per second has been exceeded.")
        case .dataFarmBroken(let farm):
            Notice(code: 2103, text: "Market data farm connection is broken:\(farm)")
        case .dataFarmRestored(let farm):
            Notice(code: 2104, text: "Market data farm connection is OK:\(farm)")
        case .stallSymbol, .resumeSymbol, .stallAllMarketData, .resumeAllMarketData,
             .dropAllConnections, .beginHalfOpen, .endHalfOpen, .rejectOrders, .acceptOrders,
             .socketDown, .socketUp, .portalDown, .portalUp, .portalSlow, .portalSessionExpired, .portalCompetingSession:
            nil
        }
    }
}
