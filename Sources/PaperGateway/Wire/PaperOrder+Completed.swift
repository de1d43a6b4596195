import PaperExchange
import TWSWire
import Vocabulary

extension PaperOrder {
    /// COMPLETED_ORDER for this finished order: as TWS sends it, without order id or client id
    /// (the layout has neither), with the final status, the time it completed (`completedTime`,
    /// `yyyyMMdd HH:mm:ss` in the session's zone, as EXECUTION_DATA's time) and IB's
    /// `completedStatus` words.
    func completedOrderMessage(completedTime: String) -> ServerMessage {
        var order = TWSWire.Order(
            action: request.action.rawValue, totalQuantity: FixedDecimal(request.totalQuantity),
            orderType: request.orderType.rawValue, lmtPrice: request.lmtPrice?.doubleValue ?? 0,
            auxPrice: request.auxPrice?.doubleValue ?? 0, tif: request.tif.rawValue, account: account)
        order.permId = permId
        order.orderRef = request.orderRef
        order.openClose = ""
        order.filledQuantity = FixedDecimal(filledQuantity)
        var state = OrderState(status: status.ibText)
        state.commissionAndFees = nil
        state.completedTime = completedTime
        state.completedStatus = completedStatusText
        return .completedOrder(CompletedOrder(contract: instrument.wireContract, order: order, orderState: state))
    }

    /// IB's `completedStatus`: `Filled Size: 100`, `Cancelled by Trader`, `Rejected`.
    var completedStatusText: String {
        switch status {
        case .filled: "Filled Size: \(filledQuantity)"
        case .cancelled, .apiCancelled: "Cancelled by Trader"
        default: "Rejected"
        }
    }
}
