import Vocabulary

extension OrderTicket {
    /// Checks every rule, in the order a trader would fix them: fields first, then the market,
    /// then the limits, then the connection and account.
    func validate(in context: TicketContext) throws(TicketRefusal) -> OrderReview {
        let symbol = Self.trimmed(self.symbol).uppercased()
        guard !symbol.isEmpty else {
            throw TicketRefusal(.symbolMissing, field: .symbol, "Symbol is missing.")
        }
        let exitPair = attachment == .ocaExit
        // `$5000` sizes the order by money once its price is known; else whole shares.
        let money = try moneyToSpend()
        if money != nil, amending != nil {
            throw TicketRefusal(.quantityNotNumeric, field: .quantity,
                "A modification gives the new total in shares, not money.")
        }
        var quantity = money == nil ? try validQuantity(limits: context.limits) : 0
        let type = exitPair ? OrderType.limit : orderType
        let limitPrice = !exitPair && orderType.needsLimitPrice
            ? try validPrice(limitPriceText, field: .limitPrice, tick: context.minimumTick) : nil
        let stopPrice = !exitPair && orderType.needsStopPrice
            ? try validPrice(stopPriceText, field: .stopPrice, tick: context.minimumTick) : nil
        let trail = !exitPair && orderType.isTrailing ? try validTrail(tick: context.minimumTick) : nil
        let limitOffset = !exitPair && orderType == .trailLimit
            ? try validPrice(limitOffsetText, field: .limitOffset, tick: context.minimumTick) : nil
        try checkTimeInForce(type: type)
        try checkStopConsistency(limit: limitPrice, stop: stopPrice, quote: context.quote)

        let freshness = context.quoteFreshness
        if !freshness.isLive && !quoteOverrideAcknowledged {
            throw TicketRefusal(.quoteNotLive, field: .referenceQuote,
                "Reference quote for \(symbol) is \(freshness.badge), not LIVE; override explicitly to continue.")
        }
        let reference = context.quote?.referencePrice.flatMap(FixedDecimal.init(checkedRounding:))
        if let band = context.limits.priceBand, let limitPrice, let reference, reference > 0 {
            let distance = (limitPrice - reference).magnitude / reference
            if distance > band {
                throw TicketRefusal(.outsidePriceBand, field: .limitPrice,
                    "Limit price \(limitPrice.formatted(fractionDigits: 2)) is \((distance * 100).formatted(fractionDigits: 1)) % from the reference \(reference.formatted(fractionDigits: 2)); the band is \((band * 100).formatted(fractionDigits: 1)) %.")
            }
        }

        // An exit pair has no entry: its prices are measured from the market.
        let fillPrice = exitPair
            ? try marketReference(context.quote)
            : try expectedFillPrice(limit: limitPrice, stop: stopPrice, quote: context.quote)
        if let money {
            quantity = try shares(for: money, at: fillPrice, limits: context.limits)
        }
        // A modification's total includes what filled; only the rest can still trade.
        let filled = amending?.filled ?? 0
        if let amending, quantity <= filled {
            throw TicketRefusal(.quantityNotAboveFilled, field: .quantity,
                "Order \(amending.orderID) has \(filled) filled; the new total quantity must be above \(filled).")
        }
        let working = quantity - filled
        let notional = fillPrice * working
        if notional > context.limits.maxNotional {
            throw TicketRefusal(.notionalAboveMaximum, field: .notional,
                "Notional ≈ \(notional.formatted(fractionDigits: 2)) is above the maximum \(context.limits.maxNotional.formatted(fractionDigits: 2)).")
        }
        if let share = context.limits.maxShareOfNetLiquidation {
            guard let netLiquidation = context.netLiquidation else {
                throw TicketRefusal(.netLiquidationUnknown, field: .notional,
                    "Net liquidation is not known yet, so the notional cannot be checked against \((share * 100).formatted(fractionDigits: 0)) % of it.")
            }
            if notional > netLiquidation * share {
                throw TicketRefusal(.notionalAboveShareOfNetLiquidation, field: .notional,
                    "Notional ≈ \(notional.formatted(fractionDigits: 2)) is above \((share * 100).formatted(fractionDigits: 0)) % of net liquidation (\(netLiquidation.formatted(fractionDigits: 2))).")
            }
        }

        guard context.connection.isUsable else {
            throw TicketRefusal(.connectionNotUsable, field: .connection,
                "Connection is \(context.connection.rawValue); orders cannot be sent.")
        }
        if context.accountKind == .live && !context.allowLive {
            throw TicketRefusal(.liveAccountNotAllowed, field: .account,
                "Account is live and allow_live is off in the configuration.")
        }

        let entry = OrderInstruction(
            side: side, quantity: quantity, symbol: symbol, orderType: type,
            limitPrice: limitPrice, stopPrice: stopPrice, timeInForce: timeInForce,
            trailingAmount: trail?.amount, trailingPercent: trail?.percent, limitOffset: limitOffset)
        let legs = try attachedLegs(entry: entry, from: fillPrice, tick: context.minimumTick)
        let instruction = legs[0].instruction
        if let amending, amending.changes(to: instruction).isEmpty {
            throw TicketRefusal(.nothingChanged, field: .ticket,
                "Nothing changed in order \(amending.orderID); edit the quantity, a price or the TIF, or press Esc.")
        }
        let commission = TieredCommission(monthlyVolume: context.monthlyVolume)
            .estimate(quantity: working, price: fillPrice, side: instruction.side)
        // A modification replaces what is still working: the position moves by the new rest.
        var review = OrderReview(
            instruction: instruction, estimatedNotional: notional, estimatedCommission: commission,
            positionBefore: context.position,
            positionAfter: context.position + FixedDecimal(instruction.side.sign * working),
            quoteFreshness: freshness, quoteOverridden: !freshness.isLive, amendment: amending)
        review.legs = legs
        review.sizedByMoney = money
        review.sizingPrice = money == nil ? nil : fillPrice
        review.otherWorkingOrders = context.otherWorkingOrders
        return review
    }

    private func validQuantity(limits: TicketLimits) throws(TicketRefusal) -> Int {
        let text = Self.trimmed(quantityText)
        let value: FixedDecimal
        do {
            value = try FixedDecimal(parsing: text, exponent: false)
        } catch {
            switch error {
            case .notANumber:
                throw TicketRefusal(.quantityNotNumeric, field: .quantity,
                    text.isEmpty ? "Quantity is missing." : "Quantity '\(text)' is not a number.")
            case .tooManyDecimals:
                throw TicketRefusal(.quantityNotWhole, field: .quantity, "Quantity must be a whole number of shares.")
            case .outOfRange:
                throw TicketRefusal(.quantityAboveMaximum, field: .quantity,
                    "Quantity \(text) is above the maximum \(limits.maxQuantity).")
            }
        }
        guard value > 0 else {
            throw TicketRefusal(.quantityNotPositive, field: .quantity, "Quantity must be above zero.")
        }
        guard let whole = value.wholeValue else {
            throw TicketRefusal(.quantityNotWhole, field: .quantity, "Quantity must be a whole number of shares.")
        }
        guard whole <= limits.maxQuantity else {
            throw TicketRefusal(.quantityAboveMaximum, field: .quantity,
                "Quantity \(whole) is above the maximum \(limits.maxQuantity).")
        }
        return whole
    }

    private func validPrice(_ text: String, field: TicketField, tick: FixedDecimal) throws(TicketRefusal) -> FixedDecimal {
        let name = field.rawValue.prefix(1).uppercased() + field.rawValue.dropFirst()
        let trimmed = Self.trimmed(text)
        guard !trimmed.isEmpty else {
            throw TicketRefusal(.priceMissing, field: field, "\(name) is missing for a \(orderType.rawValue) order.")
        }
        let price: FixedDecimal
        do {
            price = try FixedDecimal(parsing: trimmed, exponent: false)
        } catch {
            switch error {
            case .notANumber:
                throw TicketRefusal(.priceNotNumeric, field: field, "\(name) '\(trimmed)' is not a number.")
            case .tooManyDecimals:
                throw TicketRefusal(.priceOffTick, field: field,
                    "\(name) \(trimmed) has more than \(FixedDecimal.fractionDigits) decimals; the minimum tick is \(tick).")
            case .outOfRange:
                throw TicketRefusal(.priceNotNumeric, field: field, "\(name) \(trimmed) is out of range.")
            }
        }
        guard price > 0 else {
            throw TicketRefusal(.priceNotPositive, field: field, "\(name) must be above zero.")
        }
        guard tick <= 0 || price.isMultiple(of: tick) else {
            throw TicketRefusal(.priceOffTick, field: field,
                "\(name) \(trimmed) is not a multiple of the minimum tick \(tick).")
        }
        return price
    }

    /// `text` without leading and trailing spaces and tabs.
    static func trimmed(_ text: String) -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isBlank($0) }), let last = text.lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(text[first...last])
    }

    private func checkStopConsistency(limit: FixedDecimal?, stop: FixedDecimal?, quote: WatchedQuote?) throws(TicketRefusal) {
        guard let stop else { return }
        if let limit, orderType == .stopLimit {
            if side == .buy && limit < stop {
                throw TicketRefusal(.stopLimitInconsistent, field: .limitPrice,
                    "Limit price \(limit) is below the stop price \(stop); a buy stop-limit needs limit ≥ stop.")
            }
            if side == .sell && limit > stop {
                throw TicketRefusal(.stopLimitInconsistent, field: .limitPrice,
                    "Limit price \(limit) is above the stop price \(stop); a sell stop-limit needs limit ≤ stop.")
            }
        }
        guard let market = (quote?.last ?? quote?.midpoint).flatMap(FixedDecimal.init(checkedRounding:)) else { return }
        if side == .buy && stop <= market {
            throw TicketRefusal(.stopOnWrongSideOfMarket, field: .stopPrice,
                "Stop price \(stop) is at or below the market \(market.formatted(fractionDigits: 2)); a buy stop must be above it.")
        }
        if side == .sell && stop >= market {
            throw TicketRefusal(.stopOnWrongSideOfMarket, field: .stopPrice,
                "Stop price \(stop) is at or above the market \(market.formatted(fractionDigits: 2)); a sell stop must be below it.")
        }
    }

    private func expectedFillPrice(limit: FixedDecimal?, stop: FixedDecimal?, quote: WatchedQuote?) throws(TicketRefusal) -> FixedDecimal {
        if let limit { return limit }
        if let stop { return stop }
        let quoted = side == .buy ? (quote?.ask ?? quote?.last) : (quote?.bid ?? quote?.last)
        guard let quoted, quoted > 0, let price = FixedDecimal(checkedRounding: quoted) else {
            throw TicketRefusal(.noReferencePrice, field: .referenceQuote,
                "No quote to estimate the market order's notional; use a limit order.")
        }
        return price
    }

    // MARK: Sizing, trailing, time in force, attached orders

    /// The money the quantity field asks to spend (`$5000`, `$5,000.50`), or `nil` for shares.
    private func moneyToSpend() throws(TicketRefusal) -> FixedDecimal? {
        let text = Self.trimmed(quantityText)
        guard text.hasPrefix("$") else { return nil }
        let amount = String(text.dropFirst()).replacingOccurrences(of: ",", with: "")
        guard let value = try? FixedDecimal(parsing: amount, exponent: false), value > 0 else {
            throw TicketRefusal(.quantityNotNumeric, field: .quantity,
                "'\(text)' is not an amount of money; write e.g. $5000 to buy as many whole shares as $5,000 pays for.")
        }
        return value
    }

    /// The whole shares `money` pays for at `price`, within the quantity limit.
    private func shares(for money: FixedDecimal, at price: FixedDecimal, limits: TicketLimits) throws(TicketRefusal) -> Int {
        guard price > 0, let whole = (money / price).rounded(fractionDigits: 0, rule: .towardZero).wholeValue, whole > 0 else {
            throw TicketRefusal(.quantityNotPositive, field: .quantity,
                "$\(money.formatted(fractionDigits: 2, groupingThousands: true)) does not buy one whole share at \(price.formatted(fractionDigits: 2)).")
        }
        guard whole <= limits.maxQuantity else {
            throw TicketRefusal(.quantityAboveMaximum, field: .quantity,
                "$\(money.formatted(fractionDigits: 2, groupingThousands: true)) is \(whole) shares at \(price.formatted(fractionDigits: 2)), above the maximum \(limits.maxQuantity).")
        }
        return whole
    }

    /// A trailing stop's distance: an amount on the tick grid, or a percentage below 100.
    private func validTrail(tick: FixedDecimal) throws(TicketRefusal) -> (amount: FixedDecimal?, percent: FixedDecimal?) {
        let text = Self.trimmed(trailText)
        if text.hasSuffix("%") {
            let number = Self.trimmed(String(text.dropLast()))
            guard let percent = try? FixedDecimal(parsing: number, exponent: false), percent > 0, percent < 100 else {
                throw TicketRefusal(.priceNotNumeric, field: .trail,
                    "Trail '\(text)' is not a percentage between 0 and 100 (e.g. 1.5%).")
            }
            return (nil, percent)
        }
        return (try validPrice(trailText, field: .trail, tick: tick), nil)
    }

    /// IOC and FOK are for orders that trade at once: market and limit orders, never an
    /// exit pair that waits.
    private func checkTimeInForce(type: OrderType) throws(TicketRefusal) {
        guard timeInForce.isImmediate else { return }
        if attachment == .ocaExit || !(type == .market || type == .limit) {
            let what = attachment == .ocaExit ? "an exit pair, which waits for its prices" : "a \(type.rawValue) order"
            throw TicketRefusal(.timeInForceNotAllowed, field: .timeInForce,
                "\(timeInForce.rawValue) trades at once or not at all; it does not apply to \(what). Press g for DAY or GTC.")
        }
    }

    /// The market price an exit pair is measured from: the last trade, else the midpoint.
    private func marketReference(_ quote: WatchedQuote?) throws(TicketRefusal) -> FixedDecimal {
        guard let price = (quote?.last ?? quote?.midpoint).flatMap(FixedDecimal.init(checkedRounding:)), price > 0 else {
            throw TicketRefusal(.noReferencePrice, field: .referenceQuote,
                "No market price to place the exit pair's take profit and stop loss against.")
        }
        return price
    }

    /// The orders the ticket sends: the entry alone; the entry with a bracket's take-profit
    /// and stop-loss (the other side, waiting for the entry); or an exit pair (the ticket's
    /// side, no entry). Take-profit and stop-loss are prices or offsets from `basis` (the
    /// entry's expected price, or the market for an exit pair), each on its side of it.
    private func attachedLegs(entry: OrderInstruction, from basis: FixedDecimal, tick: FixedDecimal) throws(TicketRefusal) -> [OrderLeg] {
        guard attachment != .none else { return [OrderLeg(.entry, entry)] }
        let takeProfit = try level(takeProfitText, field: .takeProfit, from: basis, tick: tick)
        let stopLoss = try level(stopLossText, field: .stopLoss, from: basis, tick: tick)
        // The exit's side: the other side of a bracket's entry, the ticket's own for a pair.
        let exitSide = attachment == .bracket ? (side == .buy ? OrderSide.sell : .buy) : side
        let sellsToExit = exitSide == .sell
        let what = attachment == .bracket ? "the entry" : "the market"
        if sellsToExit ? takeProfit <= basis : takeProfit >= basis {
            throw TicketRefusal(.attachedPriceOnWrongSide, field: .takeProfit,
                "Take profit \(takeProfit.formatted(fractionDigits: 2)) must be \(sellsToExit ? "above" : "below") \(what) \(basis.formatted(fractionDigits: 2)).")
        }
        if sellsToExit ? stopLoss >= basis : stopLoss <= basis {
            throw TicketRefusal(.attachedPriceOnWrongSide, field: .stopLoss,
                "Stop loss \(stopLoss.formatted(fractionDigits: 2)) must be \(sellsToExit ? "below" : "above") \(what) \(basis.formatted(fractionDigits: 2)).")
        }
        // Children wait after the entry; an immediate entry's children rest for the day.
        let exitTIF: TimeInForce = entry.timeInForce.isImmediate ? .day : entry.timeInForce
        let profit = OrderInstruction(side: exitSide, quantity: entry.quantity, symbol: entry.symbol, orderType: .limit,
                                      limitPrice: takeProfit, timeInForce: exitTIF)
        let loss = OrderInstruction(side: exitSide, quantity: entry.quantity, symbol: entry.symbol, orderType: .stop,
                                    stopPrice: stopLoss, timeInForce: exitTIF)
        if attachment == .bracket {
            return [OrderLeg(.entry, entry), OrderLeg(.takeProfit, profit), OrderLeg(.stopLoss, loss)]
        }
        return [OrderLeg(.takeProfit, profit), OrderLeg(.stopLoss, loss)]
    }

    /// A take-profit or stop-loss: a price, or a signed offset from `basis` (`+2.00`, `-1.5`).
    private func level(_ text: String, field: TicketField, from basis: FixedDecimal, tick: FixedDecimal) throws(TicketRefusal) -> FixedDecimal {
        let trimmed = Self.trimmed(text)
        guard let sign = trimmed.first, sign == "+" || sign == "-" else {
            return try validPrice(text, field: field, tick: tick)
        }
        let offset = try validPrice(String(trimmed.dropFirst()), field: field, tick: tick)
        let price = sign == "+" ? basis + offset : basis - offset
        let name = field.rawValue.prefix(1).uppercased() + field.rawValue.dropFirst()
        guard price > 0 else {
            throw TicketRefusal(.priceNotPositive, field: field, "\(name) \(trimmed) from \(basis.formatted(fractionDigits: 2)) is not above zero.")
        }
        guard tick <= 0 || price.isMultiple(of: tick) else {
            throw TicketRefusal(.priceOffTick, field: field,
                "\(name) \(trimmed) from \(basis) gives \(price), not a multiple of the minimum tick \(tick).")
        }
        return price
    }
}
