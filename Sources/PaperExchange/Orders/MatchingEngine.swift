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
    public internal(set) var orders: [Int: PaperOrder]
    /// Every execution, oldest first.
    public private(set) var executions: [PaperExecution]
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
    public init(orders: [PaperOrder], executions: [PaperExecution], nextPermId: Int, nextExecutionSequence: Int) {
        self.orders = Dictionary(uniqueKeysWithValues: orders.map { ($0.orderId, $0) })
        self.executions = executions
        self.nextPermId = nextPermId
        self.nextExecutionSequence = nextExecutionSequence
        openOrderIds = Set(orders.filter(\.status.isWorking).map(\.orderId))
    }

    /// Open orders, by order id.
    public var openOrders: [PaperOrder] {
        openOrderIds.sorted().compactMap { orders[$0] }
    }

    /// The smallest order id above every id used so far (nextValidId).
    public var nextValidOrderId: Int {
        (orders.keys.max() ?? 0) + 1
    }

    mutating func place(
        _ request: OrderRequest, instrument: Instrument?, quote: TopOfBook?, at now: Timestamp,
        context: inout FillContext
    ) -> [OrderOutcome] {
        let existing = orders[request.orderId]
        if let rejection = OrderValidator.validate(
            request, instrument: instrument, existing: existing, accountId: context.account.accountId) {
            return [.rejected(rejectionWithOrder(rejection, request: request, instrument: instrument, now: now))]
        }
        guard let instrument else { return [] }
        var order: PaperOrder
        if var modified = existing {
            modified.request = request
            if request.orderType.needsStopPrice == false { modified.isTriggered = false }
            order = modified
        } else {
            order = PaperOrder(
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
        let immediate = request.tif.isImmediate && order.hold == nil && existing == nil
        if immediate, request.tif == .fillOrKill, quote.map({ !canFillWhole(order, quote: $0) }) ?? true {
            return outcomes + cancel(orderId: order.orderId, reason: "FOK: \(request.totalQuantity) could not fill at once; nothing was filled")
        }
        if let quote {
            // The group's parent may have been released by this child: work it, then this order.
            for id in group(of: order) where id != order.orderId && orders[id]?.hold == nil {
                outcomes += work(id, quote: quote, trade: nil, arrival: true, at: now, context: &context)
            }
            outcomes += work(order.orderId, quote: quote, trade: nil, arrival: true, at: now, context: &context)
        }
        if immediate, let left = orders[order.orderId], left.status.isWorking {
            outcomes += cancel(orderId: left.orderId, reason: "IOC: the unfilled \(left.remainingQuantity) were cancelled")
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
        copy.order = PaperOrder(
            orderId: request.orderId, permId: 0, request: request, instrument: instrument,
            account: request.account, status: .inactive, placedAt: now)
        return copy
    }

    // MARK: Working an order against one quote

    private mutating func work(
        _ id: Int, quote: TopOfBook, trade: Trade?, arrival: Bool, at now: Timestamp,
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
        if request.orderType.isTrailing, !order.isTriggered {
            let stop = Self.trailedStop(order, quote: quote)
            if stop != order.trailStop {
                order.trailStop = stop
                orders[id] = order
                outcomes.append(.statusChanged(order))
            }
            guard Self.stopReached(order, stop: stop, quote: quote) else { return outcomes }
            order.isTriggered = true
            order.status = .submitted
            orders[id] = order
            outcomes.append(.statusChanged(order))
            marketable = true
        }
        let limit: FixedDecimal?
        switch request.orderType {
        case .limit, .stopLimit: limit = request.lmtPrice
        case .trailLimit:
            let offset = request.limitPriceOffset ?? .zero
            limit = order.trailStop.map { request.action == .buy ? $0 + offset : $0 - offset }
        case .market, .stop, .trail: limit = nil
        }
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

    mutating func record(order: PaperOrder, execution: PaperExecution) {
        orders[order.orderId] = order
        if !order.status.isWorking { openOrderIds.remove(order.orderId) }
        executions.append(execution)
    }

    /// Whether the whole of `order` would fill against `quote` now (FOK): marketable at its
    /// limit and no larger than the displayed size at the touch.
    private func canFillWhole(_ order: PaperOrder, quote: TopOfBook) -> Bool {
        let buying = order.request.action == .buy
        let touch = buying ? quote.ask : quote.bid
        if order.request.orderType == .limit, let limit = order.request.lmtPrice, buying ? touch > limit : touch < limit {
            return false
        }
        let book = liquidity[quote.conId].flatMap { $0.quoteTime == quote.time ? $0 : nil } ?? DisplayedLiquidity(quote: quote)
        return (buying ? book.ask : book.bid) >= order.remainingQuantity
    }

    /// Where a trailing stop stands after `quote`: one trail (the amount, or the percentage of
    /// the price, on the tick grid) from the market, moved only in the order's favour, starting
    /// from `trailStopPrice` when the order gave one.
    private static func trailedStop(_ order: PaperOrder, quote: TopOfBook) -> FixedDecimal {
        let request = order.request
        let buying = request.action == .buy
        let reference: FixedDecimal
        if order.instrument.secType.printsTrades, let last = quote.last {
            reference = last
        } else {
            reference = buying ? quote.ask : quote.bid
        }
        let tick = order.instrument.minTick
        var trail = request.auxPrice ?? .zero
        if let percent = request.trailingPercent {
            let ticks = (reference * percent / 100 / tick).rounded(fractionDigits: 0)
            trail = FixedDecimal.max(tick, tick * Int(ticks.raw / FixedDecimal.scale))
        }
        let candidate = buying ? reference + trail : reference - trail
        guard let current = order.trailStop ?? request.trailStopPrice else { return candidate }
        return buying ? FixedDecimal.min(current, candidate) : FixedDecimal.max(current, candidate)
    }

    private static func stopReached(_ order: PaperOrder, stop: FixedDecimal, quote: TopOfBook) -> Bool {
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

    init(quote: TopOfBook) {
        quoteTime = quote.time
        bid = quote.bidSize
        ask = quote.askSize
    }
}
