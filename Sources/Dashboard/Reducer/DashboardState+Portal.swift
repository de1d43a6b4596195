import Vocabulary

/// The Client Portal failover: what the portal's reads change while the socket link is down.
extension DashboardState {
    mutating func portalEngaged(_ engaged: Bool) {
        guard var failover = portal, failover.isEngaged != engaged else { return }
        changed = true
        if engaged {
            failover.engagedAt = instant
            failover.readAt = [:]
            portal = failover
            note(.portalFailover, "Socket link down: reading from the Client Portal (REST)",
                 "Account values, positions and orders now come from the Client Portal at \(failover.portal), each shown with REST and the age of its last read. Quotes are polled snapshots, shown POLLED with their age: never live.",
                 action: "Nothing to do: the socket link is retried by itself, and the portal stands by again once it is back.")
        } else {
            failover.engagedAt = nil
            failover.readAt = [:]
            failover.failure = nil
            portal = failover
            note(.portalFailover, "Socket link back: the Client Portal stands by",
                 "Account values, positions, orders and quotes come from the socket link again; quotes turn live only when fresh ticks arrive.",
                 action: "Nothing to do.")
        }
    }

    /// Every position read over the portal: each listed one is applied, and one on screen the
    /// portal does not list is closed (the portal lists every open position).
    mutating func receivePortalPositions(_ updates: [PositionUpdate]) -> [DashboardEffect] {
        guard portal?.isEngaged == true else { return [] }
        let listed = Set(updates.map { Watchlist.normalize($0.symbol) })
        for (symbol, record) in positions where !listed.contains(symbol) && record.holding.quantity != .zero {
            _ = receivePosition(PositionUpdate(account: record.account, symbol: symbol, quantity: .zero, averageCost: 0))
        }
        for update in updates { _ = receivePosition(update) }
        portal?.readAt[.positions] = instant
        portal?.failure = nil
        changed = true
        return []
    }

    mutating func portalFailed(_ reason: String) {
        guard var failover = portal, failover.failure != reason else { return }
        failover.failure = reason
        portal = failover
        changed = true
        guard failover.isEngaged else { return }
        note(.portalFailover, "The Client Portal failed too: \(reason)",
             "With the socket link down, what the screen shows from REST is as old as its REST age says; nothing newer can be read until the portal or the socket link answers.",
             action: "Check that IB's Client Portal gateway (or ibterm engine's portal) runs and its session is authenticated.")
    }
}
