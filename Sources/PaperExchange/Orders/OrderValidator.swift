/// The checks a new order or a modification must pass before it reaches the book, in the
/// order IB applies them; the first failure wins.
///
/// Rules beyond IB's published codes (documented simulator choices): a negative quantity,
/// a missing or non-positive price, and a stop-limit whose limit is on the wrong side of its
/// stop (a BUY with `lmtPrice < auxPrice`, a SELL with `lmtPrice > auxPrice`) get code 201.
enum OrderValidator {
    static func validate(
        _ request: OrderRequest, instrument: Instrument?, existing: PaperOrder?, accountId: String
    ) -> OrderRejection? {
        let id = request.orderId
        if let existing {
            if existing.status == .filled { return .cannotModifyFilledOrder(id) }
            if !existing.status.isWorking { return .duplicateOrderId(id) }
            if existing.clientId != request.clientId { return .duplicateOrderId(id) }
        }
        guard let instrument else { return .noSecurityDefinition(id) }
        if let existing, existing.instrument.conId != instrument.conId || existing.request.action != request.action {
            return .modificationDoesNotMatch(id)
        }
        if !request.account.isEmpty, request.account != accountId {
            return .rejected(id, reason: "The account \(request.account) is not known to this gateway.")
        }
        if request.totalQuantity == 0 { return .zeroSize(id) }
        if request.totalQuantity < 0 { return .rejected(id, reason: "The order quantity must be positive.") }
        if let existing, request.totalQuantity <= existing.filledQuantity {
            return .rejected(id, reason: "The new quantity must exceed the quantity already filled.")
        }
        let type = request.orderType
        if type.needsLimitPrice {
            guard let limit = request.lmtPrice, limit > .zero else {
                return .rejected(id, reason: "A positive limit price (lmtPrice) is required for \(type.rawValue) orders.")
            }
            if !limit.isMultiple(of: instrument.minTick) { return .priceVariation(id) }
        }
        if type.needsStopPrice {
            guard let stop = request.auxPrice, stop > .zero else {
                return .rejected(id, reason: "A positive stop price (auxPrice) is required for \(type.rawValue) orders.")
            }
            if !stop.isMultiple(of: instrument.minTick) { return .priceVariation(id) }
        }
        if type.isTrailing {
            let amount = request.auxPrice.map { $0 > .zero } ?? false
            let percent = request.trailingPercent.map { $0 > .zero && $0 < 100 } ?? false
            guard amount != percent else {
                return .rejected(id, reason: "A \(type.rawValue) order needs a trailing amount (auxPrice) or a trailing percent between 0 and 100, not both.")
            }
            if amount, let trail = request.auxPrice, !trail.isMultiple(of: instrument.minTick) { return .priceVariation(id) }
            if type == .trailLimit {
                guard let offset = request.limitPriceOffset, offset >= .zero else {
                    return .rejected(id, reason: "A TRAIL LIMIT order needs a limit price offset (lmtPriceOffset) of zero or more.")
                }
                if !offset.isMultiple(of: instrument.minTick) { return .priceVariation(id) }
            }
        }
        if request.tif.isImmediate, type != .market, type != .limit {
            return .rejected(id, reason: "\(request.tif.rawValue) is accepted for MKT and LMT orders only.")
        }
        if type == .stopLimit, let limit = request.lmtPrice, let stop = request.auxPrice {
            if request.action == .buy, limit < stop {
                return .rejected(id, reason: "The limit price of a BUY stop-limit order must be at or above its stop price.")
            }
            if request.action == .sell, limit > stop {
                return .rejected(id, reason: "The limit price of a SELL stop-limit order must be at or below its stop price.")
            }
        }
        return nil
    }
}
