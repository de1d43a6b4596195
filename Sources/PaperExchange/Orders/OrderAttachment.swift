/// How an order is tied to others, in IB's fields: a child of a parent (`parentId`), held until a
/// later order of its group is sent (`transmit` false), or one of a one-cancels-all group
/// (`ocaGroup`, `ocaType`). `nil` on a request means a plain order.
public struct OrderAttachment: Sendable, Hashable, Codable {
    /// The parent's order id; 0 for none. A child works only once its parent has filled, and is
    /// cancelled with it. Children of one parent are one-cancels-all among themselves (reduce on
    /// fill), as TWS runs a bracket's take-profit and stop-loss.
    public var parentId: Int
    /// Whether the order is sent; false holds it until an order of the same group (its parent,
    /// or a child of it) is sent with `transmit` true.
    public var transmit: Bool
    /// The one-cancels-all group's name; empty for none.
    public var ocaGroup: String
    /// 1: cancel the others when one fills (any quantity); 2 and 3: reduce the others by the
    /// quantity filled (2 "with block", 3 without; the paper exchange runs both alike).
    public var ocaType: Int

    /// Creates an attachment.
    public init(parentId: Int = 0, transmit: Bool = true, ocaGroup: String = "", ocaType: Int = 0) {
        self.parentId = parentId
        self.transmit = transmit
        self.ocaGroup = ocaGroup
        self.ocaType = ocaType
    }

    /// Whether the fields describe a plain order (nothing attached).
    public var isPlain: Bool { parentId == 0 && transmit && ocaGroup.isEmpty }
}

/// Why an accepted order is not working.
public enum OrderHold: String, Sendable, Hashable, Codable {
    /// Placed with `transmit` false: waits for an order of its group to be sent.
    case untransmitted
    /// A child whose parent has not filled.
    case awaitingParent
}
