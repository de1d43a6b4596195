import Vocabulary

/// What a desk's bridge answers this screen's commands (`ibterm --source`): orders sent under
/// other ids than the screen chose, and commands it did not carry out.
extension DashboardState {
    /// Moves each order `from[i]` to `to[i]`: its row, its lifecycle (with a line saying why),
    /// its children's parent id and the ticket's sent id. If the gateway's report of the new id
    /// arrived first, that row stays and takes the order's history; nothing is left under the
    /// old id, which the gateway never knew.
    mutating func renumberOrders(
        from: [Int], to: [Int],
        why: String = "another screen of the desk had just taken the id; the bridge sent it as the next free one",
        by numberer: String = "the desk's bridge"
    ) -> [DashboardEffect] {
        let pairs = Array(zip(from, to)).filter { $0.0 != $0.1 }
        guard !pairs.isEmpty else { return [] }
        let mapping = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        for (old, new) in pairs {
            guard var order = orders.removeValue(forKey: old) else { continue }
            if var reported = orders[new] {
                reported.lifecycle = order.lifecycle + reported.lifecycle
                reported.placedHere = reported.placedHere || order.placedHere
                _ = reported.recordStatus(reported.status, note: "Numbered \(new) instead of \(old): \(why)", at: now)
                orders[new] = reported
            } else {
                order.orderID = new
                _ = order.recordStatus(order.status, note: "Numbered \(new) instead of \(old): \(why)", at: now)
                orders[new] = order
            }
        }
        for (id, order) in orders {
            if let parent = order.parentID, let moved = mapping[parent] { orders[id]?.parentID = moved }
        }
        if let sent = ticket?.sentOrderID, let moved = mapping[sent] { ticket?.sentOrderID = moved }
        if let next = nextOrderID, let highest = to.max(), highest >= next { nextOrderID = highest + 1 }
        let list = { (ids: [Int]) in ids.map(String.init).joined(separator: ", ") }
        note(.orderSent, "Order \(list(pairs.map(\.0))) sent as \(list(pairs.map(\.1)))",
             "\(why.prefix(1).uppercased())\(why.dropFirst()).", requestID: pairs[0].1)
        changed = true
        return pairs.compactMap { old, new in
            orders[new].map { order in
                .journal(.statusChange(orderID: new, status: order.status.rawValue, filled: order.filled, remaining: order.remaining,
                                       reason: "numbered \(new) instead of \(old) by \(numberer)", at: now))
            }
        }
    }

    /// The bridge did not carry out this screen's command: orders it never sent end Rejected
    /// (ibterm's own state: nothing counts them as working), a refused modification or cancel
    /// leaves the order as it is; the log says why either way.
    mutating func deskRefused(
        orderIDs: [Int], placement: Bool, what: String, reason: String, by refuser: String = "the desk's bridge"
    ) -> [DashboardEffect] {
        var effects: [DashboardEffect] = []
        for id in orderIDs {
            guard var order = orders[id] else { continue }
            if placement, order.status == .sent {
                order.rejectReason = "Not sent by \(refuser): \(reason)"
                _ = order.recordStatus(.rejected, note: order.rejectReason, at: now)
                effects.append(.journal(.statusChange(orderID: id, status: OrderProgress.rejected.rawValue, filled: order.filled,
                                                      remaining: order.remaining, reason: order.rejectReason, at: now)))
            } else {
                order.cancelRequested = false
                _ = order.recordStatus(order.status, note: "\(what) not carried out by \(refuser): \(reason)", at: now)
            }
            orders[id] = order
        }
        note(placement ? .orderRefused : .cancelRefused, "\(what) not carried out by \(refuser)", reason,
             requestID: orderIDs.first ?? Notice.noRequestID)
        changed = true
        return effects
    }

    /// The bridge has not answered: nothing is known, so the orders keep their state; the
    /// lifecycle and the log say the answer is missing and what that means.
    mutating func deskUnanswered(orderIDs: [Int], what: String, seconds: Int) -> [DashboardEffect] {
        let explanation = "No answer from the desk's bridge after \(seconds) s (is it running?). A bridge that takes it later refuses orders that waited over 10 s; its answer will show here."
        for id in orderIDs {
            guard var order = orders[id] else { continue }
            _ = order.recordStatus(order.status, note: "No answer from the desk's bridge after \(seconds) s", at: now)
            orders[id] = order
        }
        note(.commandFailed, "\(what): no answer yet", explanation, requestID: orderIDs.first ?? Notice.noRequestID)
        changed = true
        return []
    }
}
