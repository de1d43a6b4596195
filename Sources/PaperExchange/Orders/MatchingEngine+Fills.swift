import Vocabulary

extension MatchingEngine {
    /// Books one fill: updates the order, records the execution, charges commission (the
    /// increase of the order's cumulative commission) and books it in the account.
    mutating func fill(
        _ order: inout PaperOrder, quantity: Int, price: FixedDecimal, liquidity: Int, at now: Timestamp,
        context: inout FillContext
    ) -> OrderOutcome {
        let instrument = order.instrument
        let previous = order.filledQuantity
        let filled = previous + quantity
        order.averageFillPrice = (order.averageFillPrice * previous + price * quantity) / filled
        order.filledQuantity = filled
        order.lastFillPrice = price
        order.executionCount += 1
        let complete = filled == order.request.totalQuantity
        order.status = complete ? .filled : .submitted

        let execution = PaperExecution(
            execId: PaperExecution.makeID(sequence: nextExecutionSequence, time: now, fillNumber: order.executionCount),
            orderId: order.orderId, permId: order.permId, clientId: order.clientId,
            instrument: instrument, account: order.account,
            exchange: instrument.secType == .stock ? instrument.primaryExchange : instrument.exchange,
            action: order.request.action, shares: quantity, price: price, time: now,
            cumulativeQuantity: filled, averagePrice: order.averageFillPrice,
            orderRef: order.request.orderRef, lastLiquidity: liquidity)
        advanceExecutionSequence()

        let usdPerUnit = context.converter.toUSD(FixedDecimal(1), from: instrument.currency)
        let month = TimeText.month(now, utcOffsetSeconds: context.utcOffsetSeconds)
        let value = order.averageFillPrice * (filled * instrument.multiplier) * usdPerUnit
        let total = context.schedule.orderCommission(
            instrument: instrument, action: order.request.action, quantity: filled, value: value,
            monthlyShareVolume: context.account.shareVolume(inMonth: month))
        let commission = FixedDecimal.max(.zero, total - order.commissionCharged)
        order.commissionCharged += commission
        let realized = context.account.apply(
            execution, commission: commission, usdPerUnit: usdPerUnit, month: month)

        record(order: order, execution: execution)
        let fill = Fill(
            order: order, execution: execution,
            commission: PaperCommissionReport(
                execId: execution.execId, commission: commission, currency: "USD", realizedPNL: realized))
        return complete ? .filled(fill) : .partiallyFilled(fill)
    }
}
