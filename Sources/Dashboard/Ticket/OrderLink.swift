/// How a sent order is tied to others, in IB's fields: a child of a parent (`parentId`), held
/// until the last order of its group is sent (`transmit`), or one of a one-cancels-all group
/// (`ocaGroup`, `ocaType`). The reducer fills it in when it numbers a group's orders.
public struct OrderLink: Sendable, Hashable, Codable {
    /// The parent's order id (a bracket's take-profit and stop-loss), or `nil`.
    public var parentOrderID: Int?
    /// Whether the gateway acts on the order now; false holds it until a later order of the
    /// group is sent with `transmit` true (IB's rule for sending a bracket whole).
    public var transmit: Bool
    /// The one-cancels-all group's name, or `nil`.
    public var ocaGroup: String?
    /// IB's `ocaType`: 1 cancels the others on a fill, 3 reduces them by the quantity filled.
    public var ocaType: Int

    /// Creates a link.
    public init(parentOrderID: Int? = nil, transmit: Bool = true, ocaGroup: String? = nil, ocaType: Int = 0) {
        self.parentOrderID = parentOrderID
        self.transmit = transmit
        self.ocaGroup = ocaGroup
        self.ocaType = ocaType
    }
}
