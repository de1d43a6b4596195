import PaperExchange
import TWSWire
import Vocabulary

extension PaperOrder {
    /// OPEN_ORDER for this order's current state.
    var openOrderMessage: ServerMessage {
        var order = TWSWire.Order(
            action: request.action.rawValue, totalQuantity: FixedDecimal(request.totalQuantity),
            orderType: request.orderType.rawValue, lmtPrice: request.lmtPrice?.doubleValue ?? 0,
            auxPrice: request.auxPrice?.doubleValue ?? 0, tif: request.tif.rawValue, account: account)
        order.orderId = orderId
        order.clientId = clientId
        order.permId = permId
        order.orderRef = request.orderRef
        order.openClose = ""
        if request.orderType.isTrailing {
            order.trailingPercent = request.trailingPercent?.doubleValue
            order.trailStopPrice = trailStop?.doubleValue
            order.trailParamsStopPrice = trailStop?.doubleValue
            order.lmtPriceOffset = request.limitPriceOffset?.doubleValue
        }
        if let attachment = request.attachment {
            order.parentId = attachment.parentId
            order.transmit = attachment.transmit
            order.ocaGroup = attachment.ocaGroup
            order.ocaType = attachment.ocaType
        }
        var state = OrderState(status: status.ibText)
        state.commissionAndFees = nil
        return .openOrder(OpenOrder(contract: instrument.wireContract, order: order, orderState: state))
    }

    /// ORDER_STATUS for this order's current state.
    var orderStatusMessage: ServerMessage {
        .orderStatus(OrderStatusMessage(
            orderId: orderId, status: status.ibText, filled: FixedDecimal(filledQuantity),
            remaining: FixedDecimal(remainingQuantity), avgFillPrice: averageFillPrice.doubleValue,
            permId: permId, parentId: request.attachment?.parentId ?? 0, lastFillPrice: lastFillPrice.doubleValue, clientId: clientId,
            whyHeld: "", mktCapPrice: 0))
    }
}

extension PaperExecution {
    /// EXECUTION_DATA for this fill: `reqId` −1 when unsolicited, the request's id when
    /// answering reqExecutions.
    func executionDataMessage(reqId: Int, utcOffsetSeconds: Int) -> ServerMessage {
        var wire = TWSWire.Execution()
        wire.orderId = orderId
        wire.execId = execId
        wire.time = TimeText.executionTime(time, utcOffsetSeconds: utcOffsetSeconds)
        wire.acctNumber = account
        wire.exchange = exchange
        wire.side = side
        wire.shares = FixedDecimal(shares)
        wire.price = price.doubleValue
        wire.permId = permId
        wire.clientId = clientId
        wire.liquidation = 0
        wire.cumQty = FixedDecimal(cumulativeQuantity)
        wire.avgPrice = averagePrice.doubleValue
        wire.orderRef = orderRef
        wire.lastLiquidity = lastLiquidity
        var contract = instrument.wireContract
        contract.exchange = exchange
        return .executionData(ExecutionData(reqId: reqId, contract: contract, execution: wire))
    }
}

extension PaperCommissionReport {
    /// COMMISSION_REPORT for this record; an opening fill's realized P&L is IB's unset double.
    var message: ServerMessage {
        .commissionReport(TWSWire.CommissionReport(
            execId: execId, commission: commission.doubleValue, currency: currency,
            realizedPNL: realizedPNL?.doubleValue, yield: nil, yieldRedemptionDate: nil))
    }
}
