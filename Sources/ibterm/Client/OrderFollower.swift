import Dashboard
import DashboardFeed
import Synchronization
import TWSClient
import TWSWire
import Vocabulary

/// Follows one order `ibterm order` sent: prints its events as they come and decides when the
/// command is done, so that it never waits on after the gateway has said no.
///
/// - Without `--wait`: done once the gateway works the order (or it filled at once), within
///   the time limit.
/// - With `--wait`: done when the order is filled, cancelled or rejected, however long that
///   takes.
/// - Either way: an error IB reports for the order that ends it (rejected: the dashboard's
///   rule, an error the message catalog marks as ending the request) or a lost connection ends
///   the command at once, and SIGINT or SIGTERM ends it with the order still working.
struct OrderFollower {
    /// How following ended.
    enum Outcome: Equatable {
        /// The gateway works the order (without `--wait`).
        case working(OrderStatusUpdate)
        /// Completely filled.
        case filled(OrderStatusUpdate?)
        /// Cancelled (by IB or someone), with IB's reason.
        case cancelled(String?)
        /// IB refused the order: its message in words.
        case rejected(String)
        /// The connection to the gateway was lost while following.
        case connectionLost(String)
        /// No answer from the gateway within the time limit (without `--wait`).
        case noAnswer
        /// SIGINT or SIGTERM arrived; the last status known.
        case interrupted(signal: String, last: OrderStatusUpdate?)
    }

    let orderId: Int
    let symbol: String
    let wait: Bool
    let timeLimit: Duration
    let output: CommandOutput

    /// How long a filled order's commissions are waited for before the command ends anyway.
    static let commissionWait: Duration = .seconds(2)

    /// Follows `handle` until the outcome; `signals` was made before the order was sent.
    func follow(_ handle: OrderHandle, signals: TerminationWatch) async -> Outcome {
        let last = LastStatus()
        let (filled, filledNow) = AsyncStream.makeStream(of: Void.self)
        return await withTaskGroup(of: Outcome?.self) { group in
            group.addTask { await read(handle.events, last: last, filled: filledNow) }
            group.addTask {
                guard let name = await signals.next() else { return nil }
                return .interrupted(signal: name, last: last.value.withLock { $0 })
            }
            // Filled: the stream ends once the fills' commissions are in, or soon after anyway.
            group.addTask {
                for await _ in filled {
                    do { try await Task.sleep(for: Self.commissionWait) } catch { return nil }
                    return .filled(last.value.withLock { $0 })
                }
                return nil
            }
            if !wait {
                group.addTask {
                    do { try await Task.sleep(for: timeLimit) } catch { return nil }
                    return .noAnswer
                }
            }
            var outcome: Outcome = .noAnswer
            while let next = await group.next() {
                if let next { outcome = next; break }
            }
            group.cancelAll()
            return outcome
        }
    }

    private func read(_ events: AsyncStream<OrderEvent>, last: LastStatus, filled: AsyncStream<Void>.Continuation) async -> Outcome {
        for await event in events {
            switch event {
            case .status(let status):
                last.value.withLock { $0 = status }
                report(status)
                switch status.status {
                case .filled:
                    // The stream ends once the fills' commissions are in: print them first.
                    filled.yield()
                    continue
                case .cancelled, .apiCancelled:
                    return .cancelled(status.reason)
                case .inactive:
                    return .rejected(status.reason ?? "the gateway made the order inactive without a reason")
                default:
                    if !wait && status.status.isWorking { return .working(status) }
                }
            case let .execution(execution, _):
                output.say("order \(orderId): fill \(execution.shares) @ \(formatPrice(execution.price)) on \(execution.exchange.isEmpty ? "?" : execution.exchange) (exec \(execution.execId))")
                output.record(OrderEventLine(event: "fill", orderId: orderId, shares: execution.shares.description, price: execution.price, message: "exec \(execution.execId) on \(execution.exchange)"))
            case let .commission(commission):
                output.say("order \(orderId): commission \(formatPrice(commission.commission)) \(commission.currency)")
                output.record(OrderEventLine(event: "commission", orderId: orderId, commission: commission.commission, currency: commission.currency))
            case let .notice(notice):
                let explained = MessageCatalog.explain(Notice(notice, requestID: orderId), context: MessageContext(symbol: symbol))
                let words = "IB \(notice.code): \(explained.title): \(notice.message)"
                output.say("order \(orderId): \(words)")
                output.record(OrderEventLine(event: "notice", orderId: orderId, code: notice.code, message: words))
                if notice.code == 202 { return .cancelled(notice.message) }
                if explained.severity == .error && explained.requestIsDead {
                    return .rejected("\(words). \(explained.action)")
                }
            case let .gap(gap):
                let reason = QuoteWatcher.describe(gap)
                output.record(OrderEventLine(event: "gap", orderId: orderId, message: reason))
                return .connectionLost(reason)
            case .resumed:
                continue
            }
        }
        // The stream ends after the final status (and a fill's commissions).
        let final = last.value.withLock { $0 }
        if final?.status == .filled { return .filled(final) }
        return .connectionLost("the client stopped reporting the order")
    }

    private func report(_ status: OrderStatusUpdate) {
        var line = "order \(orderId): \(status.status)  filled \(status.filled)  remaining \(status.remaining)"
        if status.filled > .zero { line += "  avg \(formatPrice(status.avgFillPrice))" }
        if let reason = status.reason, status.status.isFinal, status.status != .filled { line += "  (\(reason))" }
        output.say(line)
        output.record(OrderEventLine(
            event: "status", orderId: orderId, status: status.status.description, filled: status.filled.description,
            remaining: status.remaining.description, avgPrice: status.filled > .zero ? status.avgFillPrice : nil,
            message: status.reason))
    }

    /// The last status seen, shared by the reader and the signal watcher.
    final class LastStatus: Sendable {
        let value = Mutex<OrderStatusUpdate?>(nil)
    }
}
