import Dashboard
import TWSStreams
import TWSSession
import TWSWire
import Vocabulary

extension DashboardEvent {
    /// The dashboard event for one event on `symbol`'s quote stream, whose notices the
    /// dashboard files under `requestID`; `nil` for gaps and resumptions (the connection's
    /// own events report those).
    public init?(_ event: QuoteEvent, symbol: String, requestID: Int) {
        switch event {
        case let .update(quote): self = .quote(QuoteUpdate(quote, symbol: symbol))
        case let .notice(notice): self = .notice(Notice(notice, requestID: requestID))
        case .gap, .resumed: return nil
        }
    }

    /// The dashboard event for one event on order `orderID`'s stream: status, execution,
    /// commission or notice; `nil` for gaps and resumptions. A fill keeps IB's time when
    /// `Timestamp(ibDateTime:)` reads it.
    public init?(_ event: OrderEvent, orderID: Int) {
        switch event {
        case let .status(update):
            self = .orderStatus(OrderStatusReport(
                orderID: update.orderId, status: update.status, filled: update.filled,
                remaining: update.remaining, averageFillPrice: update.avgFillPrice == 0 ? nil : update.avgFillPrice,
                whyHeld: update.whyHeld.isEmpty ? nil : update.whyHeld, permID: update.permId == 0 ? nil : update.permId))
        case let .execution(execution, contract):
            self = .execution(FillReport(
                executionID: execution.execId, orderID: execution.orderId, symbol: contract.symbol,
                side: execution.side == "SLD" ? .sell : .buy, shares: execution.shares, price: execution.price,
                time: Timestamp(ibDateTime: execution.time)))
        case let .commission(report):
            self = .commission(executionID: report.execId, commission: report.commission, realizedPnL: report.realizedPNL)
        case let .notice(notice):
            self = .notice(Notice(notice, requestID: orderID))
        case .gap, .resumed:
            return nil
        }
    }
}

extension QuoteEvent {
    /// The monotonic instant the message behind this event was read, when it has one: the
    /// dashboard stamps the event with it, so a tick's age and the connection it belongs to are
    /// judged from when its bytes arrived, not from when the event was applied.
    public var observedAt: SessionInstant? {
        switch self {
        case let .update(quote): quote.receivedAt
        case let .notice(notice): notice.receivedAt
        case .gap, .resumed: nil
        }
    }
}
