import PaperExchange
import TWSWire
import Vocabulary

extension PlaceOrder {
    /// The exchange request for this PLACE_ORDER, or IB's rejection when a field cannot be
    /// represented (unknown action, order type or time in force, fractional or missing size).
    func orderRequest(clientId: Int) -> Result<OrderRequest, OrderRejection> {
        let id = order.orderId
        guard let action = OrderAction(rawValue: order.action.uppercased()) else {
            return .failure(.rejected(id, reason: "Invalid action \(order.action)"))
        }
        guard let type = OrderType(rawValue: order.orderType.uppercased()) else {
            return .failure(.rejected(id, reason: "Unsupported order type \(order.orderType)"))
        }
        let tifText = order.tif.isEmpty ? "DAY" : order.tif.uppercased()
        guard let tif = TimeInForce(rawValue: tifText) else {
            return .failure(.rejected(id, reason: "Unsupported time in force \(order.tif)"))
        }
        guard let quantity = order.totalQuantity else {
            return .failure(.zeroSize(id))
        }
        guard let whole = quantity.wholeValue else {
            return .failure(.rejected(id, reason: "Fractional quantities are not supported"))
        }
        return .success(OrderRequest(
            orderId: id, clientId: clientId, contract: contract.query, action: action,
            totalQuantity: whole, orderType: type, lmtPrice: Self.price(order.lmtPrice),
            auxPrice: Self.price(order.auxPrice), tif: tif, account: order.account,
            orderRef: order.orderRef,
            attachment: OrderAttachment(
                parentId: order.parentId, transmit: order.transmit, ocaGroup: order.ocaGroup, ocaType: order.ocaType),
            trailingPercent: Self.price(order.trailingPercent), trailStopPrice: Self.price(order.trailStopPrice),
            limitPriceOffset: Self.price(order.lmtPriceOffset)))
    }

    /// A wire price as an exact decimal; `nil` when unset or not finite.
    private static func price(_ value: Double?) -> FixedDecimal? {
        guard let value, value.isFinite, abs(value) < 1e9 else { return nil }
        return FixedDecimal(rounding: value)
    }
}
