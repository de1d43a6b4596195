import Vocabulary

extension OrderTicket {
    /// Checks every rule, in the order a trader would fix them: fields first, then the market,
    /// then the limits, then the connection and account.
    func validate(in context: TicketContext) throws(TicketRefusal) -> OrderReview {
        let symbol = Self.trimmed(self.symbol).uppercased()
        guard !symbol.isEmpty else {
            throw TicketRefusal(.symbolMissing, field: .symbol, "Symbol is missing.")
        }
        let quantity = try validQuantity(limits: context.limits)
        // A modification's total includes what filled; only the rest can still trade.
        let filled = amending?.filled ?? 0
        if let amending, quantity <= filled {
            throw TicketRefusal(.quantityNotAboveFilled, field: .quantity,
                "Order \(amending.orderID) has \(filled) filled; the new total quantity must be above \(filled).")
        }
        let working = quantity - filled
        let limitPrice = orderType.needsLimitPrice
            ? try validPrice(limitPriceText, field: .limitPrice, tick: context.minimumTick) : nil
        let stopPrice = orderType.needsStopPrice
            ? try validPrice(stopPriceText, field: .stopPrice, tick: context.minimumTick) : nil
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

        let fillPrice = try expectedFillPrice(limit: limitPrice, stop: stopPrice, quote: context.quote)
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

        let instruction = OrderInstruction(
            side: side, quantity: quantity, symbol: symbol, orderType: orderType,
            limitPrice: limitPrice, stopPrice: stopPrice, timeInForce: timeInForce)
        if let amending, amending.changes(to: instruction).isEmpty {
            throw TicketRefusal(.nothingChanged, field: .ticket,
                "Nothing changed in order \(amending.orderID); edit the quantity, a price or the TIF, or press Esc.")
        }
        let commission = TieredCommission(monthlyVolume: context.monthlyVolume)
            .estimate(quantity: working, price: fillPrice, side: side)
        // A modification replaces what is still working: the position moves by the new rest.
        var review = OrderReview(
            instruction: instruction, estimatedNotional: notional, estimatedCommission: commission,
            positionBefore: context.position,
            positionAfter: context.position + FixedDecimal(side.sign * working),
            quoteFreshness: freshness, quoteOverridden: !freshness.isLive, amendment: amending)
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
}
