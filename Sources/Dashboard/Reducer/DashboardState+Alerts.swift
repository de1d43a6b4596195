import Vocabulary

/// A fill's alerts: the terminal bell and a moment's highlight of its rows.
extension DashboardState {
    /// How long a fill's rows stay highlighted.
    public static let fillFlashDuration: Duration = .seconds(2)

    /// The alerts for a fill just recorded, of an order seen working in this session (placed
    /// here, or reported working): a flash of its rows and, when `[alerts] bell_on_fill` is on,
    /// the bell. A fill read back at start or after a reconnect of an order never seen working
    /// (`reqExecutions`, completed orders) is history, not news: no alert.
    mutating func alertFill(_ report: FillReport) -> [DashboardEffect] {
        guard let order = orders[report.orderID], order.lifecycle.contains(where: { $0.status.isWorking }) else {
            return []
        }
        recentFills.append(RecentFill(executionID: report.executionID, orderID: report.orderID, at: eventTime.instant))
        if recentFills.count > Self.recentFillLimit { recentFills.removeFirst(recentFills.count - Self.recentFillLimit) }
        changed = true
        return config.bellOnFill ? [.ringBell] : []
    }

    /// The most fills remembered for flashing.
    static let recentFillLimit = 32

    /// Whether the execution `executionID` is flashing at `instant` (a frame's).
    public func isFlashing(executionID: String, at instant: SessionInstant) -> Bool {
        recentFills.contains { $0.executionID == executionID && instant < $0.at + Self.fillFlashDuration }
    }

    /// Whether order `orderID` had a fill that is flashing at `instant`.
    public func isFlashing(orderID: Int, at instant: SessionInstant) -> Bool {
        recentFills.contains { $0.orderID == orderID && instant < $0.at + Self.fillFlashDuration }
    }
}

/// A fill that alerted, for the flash of its rows.
public struct RecentFill: Sendable, Hashable {
    /// IB's execution id.
    public var executionID: String
    /// The order it filled.
    public var orderID: Int
    /// When it arrived.
    public var at: SessionInstant
}
