import Foundation

extension OrderTicket {
    /// Checks every rule, in the order a trader would fix them: fields first, then the market,
    /// then the limits, then the connection and account.
    func validate(in context: TicketContext) throws(TicketRefusal) -> OrderReview {
        let symbol = self.symbol.trimmingCharacters(in: .whitespaces).uppercased()
        guard !symbol.isEmpty else {
            throw TicketRefusal(.symbolMissing, field: .symbol, "Symbol is missing.")
        }
        let quantity = try validQuantity(limits: context.limits)
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
        let reference = context.quote?.referencePrice.map { Decimal($0) }
        if let band = context.limits.priceBand, let limitPrice, let reference, reference > 0 {
            let distance = abs(limitPrice - reference) / reference
            if distance > band {
                throw TicketRefusal(.outsidePriceBand, field: .limitPrice,
                    "Limit price \(DecimalMath.format(limitPrice)) is \(DecimalMath.format(distance * 100, scale: 1)) % from the reference \(DecimalMath.format(reference)); the band is \(DecimalMath.format(band * 100, scale: 1)) %.")
            }
        }

        let fillPrice = try expectedFillPrice(limit: limitPrice, stop: stopPrice, quote: context.quote)
        let notional = Decimal(quantity) * fillPrice
        if notional > context.limits.maxNotional {
            throw TicketRefusal(.notionalAboveMaximum, field: .notional,
                "Notional ≈ \(DecimalMath.format(notional)) is above the maximum \(DecimalMath.format(context.limits.maxNotional)).")
        }
        if let share = context.limits.maxShareOfNetLiquidation {
            guard let netLiquidation = context.netLiquidation else {
                throw TicketRefusal(.netLiquidationUnknown, field: .notional,
                    "Net liquidation is not known yet, so the notional cannot be checked against \(DecimalMath.format(share * 100, scale: 0)) % of it.")
            }
            if notional > netLiquidation * share {
                throw TicketRefusal(.notionalAboveShareOfNetLiquidation, field: .notional,
                    "Notional ≈ \(DecimalMath.format(notional)) is above \(DecimalMath.format(share * 100, scale: 0)) % of net liquidation (\(DecimalMath.format(netLiquidation)).")
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
        let commission = TieredCommission(monthlyVolume: context.monthlyVolume)
            .estimate(quantity: quantity, price: fillPrice, side: side)
        return OrderReview(
            instruction: instruction, estimatedNotional: notional, estimatedCommission: commission,
            positionBefore: context.position,
            positionAfter: context.position + Decimal(side.sign * quantity),
            quoteFreshness: freshness, quoteOverridden: !freshness.isLive)
    }

    private func validQuantity(limits: TicketLimits) throws(TicketRefusal) -> Int {
        let text = quantityText.trimmingCharacters(in: .whitespaces)
        guard let value = DecimalMath.parse(text) else {
            throw TicketRefusal(.quantityNotNumeric, field: .quantity,
                text.isEmpty ? "Quantity is missing." : "Quantity '\(text)' is not a number.")
        }
        guard value > 0 else {
            throw TicketRefusal(.quantityNotPositive, field: .quantity, "Quantity must be above zero.")
        }
        guard DecimalMath.isMultiple(value, of: 1), let whole = Int(text.trimmingPrefix("+")) else {
            throw TicketRefusal(.quantityNotWhole, field: .quantity, "Quantity must be a whole number of shares.")
        }
        guard whole <= limits.maxQuantity else {
            throw TicketRefusal(.quantityAboveMaximum, field: .quantity,
                "Quantity \(whole) is above the maximum \(limits.maxQuantity).")
        }
        return whole
    }

    private func validPrice(_ text: String, field: TicketField, tick: Decimal) throws(TicketRefusal) -> Decimal {
        let name = field.rawValue.prefix(1).uppercased() + field.rawValue.dropFirst()
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw TicketRefusal(.priceMissing, field: field, "\(name) is missing for a \(orderType.rawValue) order.")
        }
        guard let price = DecimalMath.parse(trimmed) else {
            throw TicketRefusal(.priceNotNumeric, field: field, "\(name) '\(trimmed)' is not a number.")
        }
        guard price > 0 else {
            throw TicketRefusal(.priceNotPositive, field: field, "\(name) must be above zero.")
        }
        guard DecimalMath.isMultiple(price, of: tick) else {
            throw TicketRefusal(.priceOffTick, field: field,
                "\(name) \(trimmed) is not a multiple of the minimum tick \(tick).")
        }
        return price
    }

    private func checkStopConsistency(limit: Decimal?, stop: Decimal?, quote: WatchedQuote?) throws(TicketRefusal) {
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
        guard let market = (quote?.last ?? quote?.midpoint).map({ Decimal($0) }) else { return }
        if side == .buy && stop <= market {
            throw TicketRefusal(.stopOnWrongSideOfMarket, field: .stopPrice,
                "Stop price \(stop) is at or below the market \(DecimalMath.format(market)); a buy stop must be above it.")
        }
        if side == .sell && stop >= market {
            throw TicketRefusal(.stopOnWrongSideOfMarket, field: .stopPrice,
                "Stop price \(stop) is at or above the market \(DecimalMath.format(market)); a sell stop must be below it.")
        }
    }

    private func expectedFillPrice(limit: Decimal?, stop: Decimal?, quote: WatchedQuote?) throws(TicketRefusal) -> Decimal {
        if let limit { return limit }
        if let stop { return stop }
        let quoted = side == .buy ? (quote?.ask ?? quote?.last) : (quote?.bid ?? quote?.last)
        guard let quoted, quoted > 0 else {
            throw TicketRefusal(.noReferencePrice, field: .referenceQuote,
                "No quote to estimate the market order's notional; use a limit order.")
        }
        return Decimal(quoted)
    }
}
