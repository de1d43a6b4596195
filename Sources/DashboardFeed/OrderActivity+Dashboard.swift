import Dashboard
import TWSStreams
import TWSWire

extension DashboardEvent {
    /// The dashboard's events for one ``OrderActivity`` (an order no handle of this connection
    /// follows): the open order with its owner judged against `thisClientID`, its status, a
    /// fill, a commission. The reducer adds an order it has not seen from its OPEN_ORDER and
    /// keeps each execution id once, so an order also listed by a poll shows once.
    public static func events(for activity: OrderActivity, thisClientID: Int?) -> [DashboardEvent] {
        switch activity {
        case let .openOrder(report):
            return [.openOrder(OpenOrderSnapshot(report, thisClientID: thisClientID))]
        case let .status(update):
            return DashboardEvent(.status(update), orderID: update.orderId).map { [$0] } ?? []
        case let .execution(report):
            return events(for: report)
        case let .commission(report):
            return DashboardEvent(.commission(report), orderID: -1).map { [$0] } ?? []
        }
    }
}
