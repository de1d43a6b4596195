/// Attached and linked orders as TWS runs them: `transmit` false holds an order until its
/// group is sent, a child waits for its parent's fill and dies with it, and one-cancels-all
/// groups cancel or reduce the others when one fills.
extension MatchingEngine {
    /// The hold a newly accepted order starts with.
    func initialHold(for request: OrderRequest) -> OrderHold? {
        guard let attachment = request.attachment else { return nil }
        if !attachment.transmit { return .untransmitted }
        if attachment.parentId > 0, let parent = orders[attachment.parentId], parent.status != .filled {
            return .awaitingParent
        }
        return nil
    }

    /// The order ids of `order`'s group: its parent (or itself) and every child of it.
    func group(of order: PaperOrder) -> [Int] {
        let root = order.request.attachment.map { $0.parentId > 0 ? $0.parentId : order.orderId } ?? order.orderId
        let children = orders.values.filter { $0.request.attachment?.parentId == root }.map(\.orderId)
        return ([root] + children).sorted()
    }

    /// An order of the group was sent with `transmit` true: every untransmitted order of the
    /// group is sent too. The parent starts working; a child waits for the parent's fill.
    mutating func transmitGroup(of order: PaperOrder) -> [OrderOutcome] {
        var outcomes: [OrderOutcome] = []
        for id in group(of: order) where id != order.orderId {
            guard var held = orders[id], held.status.isWorking, held.hold == .untransmitted else { continue }
            let parentId = held.request.attachment?.parentId ?? 0
            let parentFilled = parentId > 0 ? orders[parentId]?.status == .filled : true
            held.hold = parentId > 0 && !parentFilled ? .awaitingParent : nil
            orders[id] = held
            outcomes.append(.statusChanged(held))
        }
        return outcomes
    }

    /// What follows a fill of `order` (already recorded): its children start working once it
    /// has filled completely, and its one-cancels-all siblings are cancelled or reduced.
    mutating func afterFill(of order: PaperOrder, quantity: Int) -> [OrderOutcome] {
        var outcomes: [OrderOutcome] = []
        if order.status == .filled {
            for child in orders.values.sorted(by: { $0.orderId < $1.orderId })
            where child.request.attachment?.parentId == order.orderId && child.hold == .awaitingParent && child.status.isWorking {
                var active = child
                active.hold = nil
                orders[child.orderId] = active
                outcomes.append(.statusChanged(active))
            }
        }
        for sibling in ocaSiblings(of: order) {
            guard var other = orders[sibling], other.status.isWorking else { continue }
            let cancelAll = order.request.attachment?.ocaType == 1 && !(order.request.attachment?.ocaGroup.isEmpty ?? true)
            let remaining = other.request.totalQuantity - other.filledQuantity - quantity
            if cancelAll || remaining <= 0 {
                outcomes += cancel(orderId: sibling, reason: "its one-cancels-all partner \(order.orderId) filled")
            } else {
                other.request.totalQuantity -= quantity
                orders[sibling] = other
                outcomes.append(.statusChanged(other))
            }
        }
        return outcomes
    }

    /// The other open orders of `order`'s one-cancels-all group: the same `ocaGroup`, or, for a
    /// child, the other children of its parent (a bracket's take-profit and stop-loss).
    func ocaSiblings(of order: PaperOrder) -> [Int] {
        guard let attachment = order.request.attachment else { return [] }
        return orders.values.filter { other in
            guard other.orderId != order.orderId, other.status.isWorking, let theirs = other.request.attachment else { return false }
            if !attachment.ocaGroup.isEmpty, theirs.ocaGroup == attachment.ocaGroup { return true }
            return attachment.parentId > 0 && theirs.parentId == attachment.parentId
        }.map(\.orderId).sorted()
    }

    /// Cancels the open children of a cancelled parent.
    mutating func cancelChildren(of parentId: Int) -> [OrderOutcome] {
        let children = orders.values.filter { $0.request.attachment?.parentId == parentId && $0.status.isWorking }
            .map(\.orderId).sorted()
        return children.flatMap { cancel(orderId: $0, reason: "its parent order \(parentId) was cancelled") }
    }
}
