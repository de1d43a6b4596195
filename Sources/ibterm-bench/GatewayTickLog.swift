import PaperGateway
import Synchronization

/// The paper gateway's side of `tick-to-screen`: when each quote tick was handed to the
/// socket. Installed as ``GatewayConfiguration/writeObserver``; it stamps the write first,
/// then files the write's ticks by ticker id in wire order.
final class GatewayTickLog: Sendable {
    /// One tick as written.
    struct Written: Sendable {
        var at: ContinuousClock.Instant
        var tick: QuoteTick
    }

    private struct Ticks {
        var byRequest: [Int: [Written]] = [:]
        /// Ticker ids in the order their first tick was written (the order of subscription).
        var requestOrder: [Int] = []
    }

    private let ticks = Mutex(Ticks())

    /// Files one write's quote ticks; the stamp is taken before anything else.
    func observe(_ write: GatewayWrite) {
        let now = ContinuousClock.now
        ticks.withLock { ticks in
            for message in write.messages {
                guard let (reqId, tick) = QuoteTick.from(message) else { continue }
                if ticks.byRequest[reqId] == nil {
                    ticks.requestOrder.append(reqId)
                    ticks.byRequest[reqId] = []
                    ticks.byRequest[reqId]?.reserveCapacity(4096)
                }
                ticks.byRequest[reqId, default: []].append(Written(at: now, tick: tick))
            }
        }
    }

    /// Every ticker id in subscription order with its ticks.
    func written() -> [(reqId: Int, ticks: [Written])] {
        ticks.withLock { ticks in ticks.requestOrder.map { ($0, ticks.byRequest[$0] ?? []) } }
    }
}
