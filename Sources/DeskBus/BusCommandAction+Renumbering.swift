import Dashboard

extension BusCommandAction {
    /// The same action numbered from `next` (the gateway's next free order id, as the bridge's
    /// connection knows it), or `nil` when its ids are free already (at or above `next`) or it
    /// places nothing (a modification, a cancel and a subscription keep their ids).
    ///
    /// Two screens of a desk choose ids from the same `nextValidId`; the one whose command the
    /// bridge takes second would be refused as a duplicate (IB 103). The bridge numbers it
    /// afresh instead: a group's ids keep their order and spacing, a child's parent id and a
    /// one-cancels-all group named after the first id (`ibterm-<id>`) follow.
    public func renumbered(from next: Int) -> (action: BusCommandAction, mapping: [Int: Int])? {
        switch self {
        case let .placeOrder(orderID, instruction):
            guard orderID < next else { return nil }
            return (.placeOrder(orderID: next, instruction), [orderID: next])
        case let .placeOrderGroup(orders):
            guard let first = orders.map(\.orderID).min(), first < next else { return nil }
            let shift = next - first
            var mapping: [Int: Int] = [:]
            for order in orders { mapping[order.orderID] = order.orderID + shift }
            let moved = orders.map { order -> NumberedOrder in
                var instruction = order.instruction
                if var link = instruction.link {
                    if let parent = link.parentOrderID, let moved = mapping[parent] { link.parentOrderID = moved }
                    if link.ocaGroup == "ibterm-\(first)" { link.ocaGroup = "ibterm-\(next)" }
                    instruction.link = link
                }
                return NumberedOrder(orderID: order.orderID + shift, instruction: instruction)
            }
            return (.placeOrderGroup(moved), mapping)
        case .modifyOrder, .cancel, .cancelAll, .subscribeQuotes, .whatIf:
            return nil
        }
    }

    /// Whether the action places, modifies or cancels something a trader decided on a price
    /// seen at the time: such a command is refused when it waited too long for the bridge
    /// (``CommandLedger/expiry(of:waited:)``). A subscription and a cancel are not: a late
    /// cancel still does what was asked.
    public var expires: Bool {
        switch self {
        case .placeOrder, .placeOrderGroup, .modifyOrder: true
        case .cancel, .cancelAll, .subscribeQuotes, .whatIf: false
        }
    }
}
