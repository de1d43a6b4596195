import Vocabulary

/// A refused order, modification or cancel, with IB's error code and text: the server sends it
/// as ERR_MSG(orderId, code, text), plus an ORDER_STATUS when ``order`` is present.
public struct OrderRejection: Error, Sendable, Hashable, Codable {
    /// The order id the error refers to.
    public var orderId: Int
    /// IB's error code (103, 104, 105, 110, 200, 201, 434, 10147, 10148).
    public var code: Int
    /// IB's error text.
    public var text: String
    /// The order as it now stands (`Inactive` for a refused new order), or `nil` when the
    /// refusal leaves no order to report (duplicate id, cancel of an unknown order).
    public var order: PaperOrder?

    /// Creates a rejection.
    public init(orderId: Int, code: Int, text: String, order: PaperOrder? = nil) {
        self.orderId = orderId
        self.code = code
        self.text = text
        self.order = order
    }

    /// 103: the order id was used before by an order that is no longer open.
    public static func duplicateOrderId(_ id: Int) -> OrderRejection {
        OrderRejection(orderId: id, code: 103, text: "Duplicate order id")
    }

    /// 104: a modification of a filled order.
    public static func cannotModifyFilledOrder(_ id: Int) -> OrderRejection {
        OrderRejection(orderId: id, code: 104, text: "Can't modify a filled order.")
    }

    /// 105: a modification that changes the contract or the action.
    public static func modificationDoesNotMatch(_ id: Int) -> OrderRejection {
        OrderRejection(orderId: id, code: 105, text: "Order being modified does not match original order.")
    }

    /// 110: a price off the instrument's minimum tick.
    public static func priceVariation(_ id: Int) -> OrderRejection {
        OrderRejection(
            orderId: id, code: 110,
            text: "The price does not conform to the minimum price variation for this contract.")
    }

    /// 200: the contract resolves to no instrument (or to several).
    public static func noSecurityDefinition(_ id: Int) -> OrderRejection {
        OrderRejection(orderId: id, code: 200, text: "No security definition has been found for the request")
    }

    /// 201: IB's generic order rejection, with a reason.
    public static func rejected(_ id: Int, reason: String) -> OrderRejection {
        OrderRejection(orderId: id, code: 201, text: "Order rejected - reason:" + reason)
    }

    /// 434: a zero quantity.
    public static func zeroSize(_ id: Int) -> OrderRejection {
        OrderRejection(orderId: id, code: 434, text: "The order size cannot be zero.")
    }

    /// 10147: a cancel for an order id the exchange does not know.
    public static func cancelNotFound(_ id: Int) -> OrderRejection {
        OrderRejection(orderId: id, code: 10147, text: "OrderId \(id) that needs to be cancelled is not found.")
    }

    /// 10148: a cancel for an order that is no longer open.
    public static func cannotCancel(_ id: Int, state: OrderStatus) -> OrderRejection {
        OrderRejection(
            orderId: id, code: 10148,
            text: "OrderId \(id) that needs to be cancelled cannot be cancelled, state: \(state.ibText).")
    }
}
