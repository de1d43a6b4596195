import TWSWire
import Vocabulary

/// What each request id the client sent stood for (orders, what-ifs, one-shot requests), so
/// a notice IB sends for the id can carry a ``RequestContext``. Subscriptions need no entry:
/// the subscription table names them.
///
/// Bounded: it keeps the newest ``capacity`` ids and forgets the oldest, since a finished
/// request's id is not reused (request and order ids only grow) and a late notice for a long
/// finished request is rare.
package struct RequestContextBook: Sendable {
    /// How many ids it keeps.
    package let capacity: Int
    private var contexts: [Int: RequestContext] = [:]
    private var order: [Int] = []
    private var head = 0

    /// An empty book keeping at most `capacity` ids (at least 1).
    package init(capacity: Int = 512) {
        self.capacity = max(1, capacity)
    }

    /// Records what `context.requestID` stands for, forgetting the oldest id when full.
    package mutating func record(_ context: RequestContext) {
        if contexts.updateValue(context, forKey: context.requestID) == nil { order.append(context.requestID) }
        while contexts.count > capacity, head < order.count {
            contexts.removeValue(forKey: order[head])
            head += 1
        }
        if head > capacity {
            order.removeFirst(head)
            head = 0
        }
    }

    /// What `id` stood for, if recorded and not yet forgotten.
    package func context(for id: Int) -> RequestContext? {
        contexts[id]
    }

    /// How many ids it holds.
    package var count: Int { contexts.count }
}

extension RequestContext {
    /// An order's (or what-if's) context from the wire order and its contract.
    package init(order: Order, contract: Contract, whatIf: Bool = false) {
        let type = OrderType(rawValue: order.orderType)
        let trailing = order.trailingPercent.map { "\(FixedDecimal(rounding: $0))%" }
        self = .order(
            id: order.orderId, side: order.action.isEmpty ? nil : order.action, quantity: order.totalQuantity,
            symbol: contract.symbol.isEmpty ? nil : contract.symbol, type: type,
            limitPrice: type?.needsLimitPrice == true ? order.lmtPrice.map { FixedDecimal(rounding: $0) } : nil,
            stopPrice: (type?.needsStopPrice == true || (type?.isTrailing == true && order.trailingPercent == nil))
                ? order.auxPrice.map { FixedDecimal(rounding: $0) } : nil,
            detail: type?.isTrailing == true ? trailing : nil, whatIf: whatIf)
    }

    /// A subscription's context: its kind and symbol.
    package init(subscription request: SubscriptionRequest, requestID: Int) {
        switch request {
        case .marketData(let contract, _), .delayedMarketData(let contract, _):
            self.init(kind: .quote, requestID: requestID, symbol: contract.symbol)
        case .marketDepth(let contract, _, _):
            self.init(kind: .depth, requestID: requestID, symbol: contract.symbol)
        case .tickByTick(let contract, _):
            self.init(kind: .tickByTick, requestID: requestID, symbol: contract.symbol)
        case .profitAndLoss, .profitAndLossSingle:
            self.init(kind: .pnl, requestID: requestID)
        case .accountUpdates, .accountSummary, .positions:
            self.init(kind: .account, requestID: requestID)
        }
    }
}
