import Vocabulary

/// The order book of the paper exchange: validates, rests, triggers and fills orders against
/// the simulated quotes, and cancels and expires them.
///
/// ### Matching rules
/// - A marketable order (MKT, or LMT at or through the touch) fills at the touch: a BUY at the
///   ask, a SELL at the bid, at most the displayed size; the rest works and fills on later
///   quotes, so an order larger than the displayed size fills over several ticks.
/// - A resting limit fills at its limit when the market crosses it: the ask falls to or below a
///   BUY limit (the bid rises to or above a SELL limit), up to the displayed size, or a trade
///   prints through the limit, up to the trade's size.
/// - A stop triggers when the last trade reaches it (BUY: last ≥ stop; SELL: last ≤ stop), or
///   for FX, which has no trades, when the touch does (ask ≥ stop, bid ≤ stop). It then goes
///   from PreSubmitted to Submitted and works as MKT (STP) or as LMT at `lmtPrice` (STP LMT).
/// - Displayed size taken by one order is not available to the next until the quote changes.
public struct MatchingEngine: Sendable {
    /// Every order the exchange has accepted, by order id.
    public internal(set) var orders: [Int: Order]
    /// Every execution, oldest first.
    public private(set) var executions: [Execution]
    /// The permId the next accepted order gets.
    public private(set) var nextPermId: Int
    /// The sequence number of the next execution (first part of the execId).
    public private(set) var nextExecutionSequence: Int
    private var openOrderIds: Set<Int>
    private var liquidity: [Int: DisplayedLiquidity] = [:]

    /// Creates an empty book.
    public init(nextPermId: Int = 1_000_001, nextExecutionSequence: Int = 1) {
        orders = [:]
        executions = []
        self.nextPermId = nextPermId
        self.nextExecutionSequence = nextExecutionSequence
        openOrderIds = []
    }

    /// Restores a book from persisted orders and executions.
    public init(orders: [Order], executions: [Execution], nextPermId: Int, nextExecutionSequence: Int) {
        self.orders = Dictionary(uniqueKeysWithValues: orders.map { ($0.orderId, $0) })
        self.executions = executions
        self.nextPermId = nextPermId
        self.nextExecutionSequence = nextExecutionSequence
        openOrderIds = Set(orders.filter(\.status.isWorking).map(\.orderId))
    }

    /// Open orders, by order id.
    public var openOrders: [Order] {
        openOrderIds.sorted().compactMap { orders[$0] }
    }

    /// The smallest order id above every id used so far (nextValidId).
    public var nextValidOrderId: Int {
        (orders.keys.max() ?? 0) + 1
    }

    mutating func place(
        _ request: OrderRequest, instrument: Instrument?, quote: Quote?, at now: Timestamp,
        context: inout FillContext
    ) -> [OrderOutcome] {
        let existing = orders[request.orderId]
        if let rejection = OrderValidator.validate(
            request, instrument: instrument, existing: existing, accountId: context.account.accountId) {
            return [.rejected(rejectionWithOrder(rejection, request: request, instrument: instrument, now: now))]
        }
        guard let instrument else { return [] }
        var order: Order
        if var modified = existing {
            modified.request = request
            if request.orderType.needsStopPrice == false { modified.isTriggered = false }
            order = modified
        } else {
            order = Order(
                orderId: request.orderId, permId: nextPermId, request: request, instrument: instrument,
                account: context.account.accountId, status: .preSubmitted, placedAt: now)
            order.hold = initialHold(for: request)
            nextPermId += 1
            openOrderIds.insert(order.orderId)
        }
        if existing?.hold == .untransmitted, request.attachment?.transmit ?? true {
            order.hold = initialHold(for: request)
        }
        orders[order.orderId] = order
        var outcomes: [OrderOutcome] = [.statusChanged(order)]
        if request.attachment?.transmit ?? true {
            outcomes += transmitGroup(of: order)
        }
        if let quote {
            // The group's parent may have been released by this child: work it, then this order.
            for id in group(of: order) where id != order.orderId && orders[id]?.hold == nil {
                outcomes += work(id, quote: quote, trade: nil, arrival: true, at: now, context: &context)
            }
            outcomes += work(order.orderId, quote: quote, trade: nil, arrival: true, at: now, context: &context)
        }
        return outcomes
    }

    mutating func cancel(orderId: Int, reason: String = "") -> [OrderOutcome] {
        guard var order = orders[orderId] else { return [.rejected(.cancelNotFound(orderId))] }
        guard order.status.isWorking else { return [.rejected(.cannotCancel(orderId, state: order.status))] }
        order.status = .cancelled
        orders[orderId] = order
        openOrderIds.remove(orderId)
        return [.cancelled(order, reason: reason)] + cancelChildren(of: orderId)
    }

    mutating func cancelAll() -> [OrderOutcome] {
        openOrderIds.sorted().flatMap { cancel(orderId: $0) }
    }

    /// Cancels every open DAY order (the session ended); GTC orders keep working.
    mutating func expireDayOrders() -> [OrderOutcome] {
        openOrders.filter { $0.request.tif == .day }.flatMap {
            cancel(orderId: $0.orderId, reason: "DAY order expired at the end of the session")
        }
    }

    mutating func handle(_ event: MarketEvent, context: inout FillContext) -> [OrderOutcome] {
        let ids = openOrderIds.filter { orders[$0]?.instrument.conId == event.conId }.sorted()
        return ids.flatMap {
            work($0, quote: event.quote, trade: event.trade, arrival: false, at: event.time, context: &context)
        }
    }

    private func rejectionWithOrder(
        _ rejection: OrderRejection, request: OrderRequest, instrument: Instrument?, now: Timestamp
    ) -> OrderRejection {
        guard orders[request.orderId] == nil, let instrument, rejection.code != 103 else { return rejection }
        var copy = rejection
        copy.order = Order(
            orderId: request.orderId, permId: 0, request: request, instrument: instrument,
            account: request.account, status: .inactive, placedAt: now)
        return copy
    }

    // MARK: Working an order against one quote

    private mutating func work(
        _ id: Int, quote: Quote, trade: Trade?, arrival: Bool, at now: Timestamp,
        context: inout FillContext
    ) -> [OrderOutcome] {
        guard var order = orders[id], order.status.isWorking, order.hold == nil else { return [] }
        var outcomes: [OrderOutcome] = []
        var marketable = arrival
        let request = order.request
        if request.orderType.needsStopPrice, !order.isTriggered {
            guard let stop = request.auxPrice, Self.stopReached(order, stop: stop, quote: quote) else { return [] }
            order.isTriggered = true
            order.status = .submitted
            orders[id] = order
            outcomes.append(.statusChanged(order))
            marketable = true
        }
        let limit = request.orderType.needsLimitPrice ? request.lmtPrice : nil
        var book = liquidity[quote.conId].flatMap { $0.quoteTime == quote.time ? $0 : nil }
            ?? DisplayedLiquidity(quote: quote)
        let buying = request.action == .buy
        let touch = buying ? quote.ask : quote.bid
        let displayed = buying ? book.ask : book.bid
        var fillPrice: FixedDecimal?
        var fillQuantity = 0
        var liquidityCode = 2
        if limit == nil || (buying ? touch <= limit! : touch >= limit!) {
            fillPrice = marketable || limit == nil ? touch : limit
            fillQuantity = min(order.remainingQuantity, displayed)
            liquidityCode = marketable || limit == nil ? 2 : 1
            if buying { book.ask -= fillQuantity } else { book.bid -= fillQuantity }
        } else if let limit, let trade, buying ? trade.price < limit : trade.price > limit {
            fillPrice = limit
            fillQuantity = min(order.remainingQuantity, trade.size)
            liquidityCode = 1
        }
        liquidity[quote.conId] = book
        if let fillPrice, fillQuantity > 0 {
            outcomes.append(fill(&order, quantity: fillQuantity, price: fillPrice,
                                 liquidity: liquidityCode, at: now, context: &context))
            outcomes += afterFill(of: order, quantity: fillQuantity)
        } else if order.status == .preSubmitted {
            order.status = .submitted
            orders[id] = order
            outcomes.append(.statusChanged(order))
        }
        return outcomes
    }

    mutating func advanceExecutionSequence() {
        nextExecutionSequence += 1
    }

    mutating func record(order: Order, execution: Execution) {
        orders[order.orderId] = order
        if !order.status.isWorking { openOrderIds.remove(order.orderId) }
        executions.append(execution)
    }

    private static func stopReached(_ order: Order, stop: FixedDecimal, quote: Quote) -> Bool {
        let buying = order.request.action == .buy
        if order.instrument.secType.printsTrades, let last = quote.last {
            return buying ? last >= stop : last <= stop
        }
        return buying ? quote.ask >= stop : quote.bid <= stop
    }
}

/// Displayed size still available at the current quote of one instrument.
private struct DisplayedLiquidity {
    var quoteTime: Timestamp
    var bid: Int
    var ask: Int

    init(quote: Quote) {
        quoteTime = quote.time
        bid = quote.bidSize
        ask = quote.askSize
    }
}
