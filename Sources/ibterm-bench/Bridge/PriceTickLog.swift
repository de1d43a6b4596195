import PaperGateway
import Synchronization
import TWSWire

/// The paper gateway's side of `bridge`: when each bid, ask and last price was handed to the
/// socket of each connection. Installed as ``GatewayConfiguration/writeObserver``; it stamps
/// the write first, then files its price ticks by client id and ticker id in wire order.
final class PriceTickLog: Sendable {
    /// The watchlist columns a price tick sets.
    enum Field: Int, Sendable, CaseIterable {
        case bid, ask, last

        /// The column's header on the dashboard's watchlist.
        var header: String {
            switch self {
            case .bid: "Bid"
            case .ask: "Ask"
            case .last: "Last"
            }
        }
    }

    /// One price as written.
    struct Written: Sendable, Equatable {
        var at: ContinuousClock.Instant
        var field: Field
        var price: Double
    }

    /// Per client id: per ticker id, the prices in wire order, and the ticker ids in the order
    /// of their first message (the order of subscription).
    struct Connection: Sendable {
        var byRequest: [Int: [Written]] = [:]
        var requestOrder: [Int] = []
        /// Every quote message written (prices, sizes, strings, generic ticks), so far.
        var quoteMessages = 0
    }

    private let connections = Mutex<[Int: Connection]>([:])

    /// Files one write's price ticks; the stamp is taken before anything else.
    func observe(_ write: GatewayWrite) {
        let now = ContinuousClock.now
        guard let clientId = write.clientId else { return }
        connections.withLock { connections in
            for message in write.messages {
                let reqId: Int, field: Field?, price: Double?
                switch message {
                case let .tickPrice(tick):
                    reqId = tick.reqId
                    switch tick.tickType.live {
                    case .bid: field = .bid
                    case .ask: field = .ask
                    case .last: field = .last
                    default: field = nil
                    }
                    price = tick.price
                case let .marketDataType(type):
                    (reqId, field, price) = (type.reqId, nil, nil)
                case .tickSize, .tickString, .tickGeneric:
                    connections[clientId, default: Connection()].quoteMessages += 1
                    continue
                default:
                    continue
                }
                connections[clientId, default: Connection()].quoteMessages += 1
                if connections[clientId]?.byRequest[reqId] == nil {
                    connections[clientId, default: Connection()].requestOrder.append(reqId)
                    connections[clientId, default: Connection()].byRequest[reqId] = []
                }
                if let field, let price, price > 0 {
                    connections[clientId, default: Connection()].byRequest[reqId, default: []].append(Written(at: now, field: field, price: price))
                }
            }
        }
    }

    /// Quote messages written to the connection of `clientId` so far.
    func quoteMessages(_ clientId: Int) -> Int {
        connections.withLock { $0[clientId]?.quoteMessages ?? 0 }
    }

    /// What was written to the connection of `clientId`.
    func connection(_ clientId: Int) -> Connection {
        connections.withLock { $0[clientId] ?? Connection() }
    }
}
