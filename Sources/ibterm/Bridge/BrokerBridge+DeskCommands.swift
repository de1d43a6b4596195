import Dashboard
import Synchronization
import DeskBus
import TWSClient
import Vocabulary

/// The desk bridge's side of screens' commands: carrying one out on the gateway connection
/// and saying how it ended, and looking orders up for a command left in doubt by a crash.
extension BrokerBridge {
    /// How long a desk order waits for the gateway's first answer before its command is
    /// reported as carried out anyway.
    static let answerWait: Duration = .seconds(5)

    /// The gateway's next free order id as the connection knows it (`nil` before the first
    /// `nextValidId`).
    var nextFreeOrderID: Int? {
        get async { await client.nextOrderID }
    }

    /// Whether the connection takes orders now.
    var takesOrders: Bool { state.withLock { $0.isUsable } }

    /// Carries out `action` and says how it ended: accepted once the gateway has it (the
    /// order's fate then arrives as order events, which the bridge publishes to every screen),
    /// refused in words otherwise.
    func carryOut(_ action: BusCommandAction) async -> BusCommandResult {
        switch action {
        case let .placeOrder(orderID, instruction):
            return await placeForDesk([NumberedOrder(orderID: orderID, instruction: instruction)])
        case let .placeOrderGroup(group):
            return await placeForDesk(group)
        case let .modifyOrder(orderID, instruction):
            do {
                try await client.modifyOrder(contract(for: instruction.symbol), Self.wireOrder(instruction), orderId: orderID)
            } catch {
                return .refused(reason: "the modification of order \(orderID) was not sent: \(error.description)")
            }
            Task { await refreshAccountOrders() }
            return .accepted(orderIDs: [orderID])
        case let .cancel(orderID):
            do {
                try await client.cancelOrder(orderID)
            } catch {
                return .refused(reason: "the cancel of order \(orderID) was not sent: \(error.description)")
            }
            return .accepted(orderIDs: [orderID])
        case .cancelAll:
            do {
                try await client.cancelAllOrders()
            } catch {
                return .refused(reason: "cancel all was not sent: \(error.description)")
            }
            return .accepted(orderIDs: [])
        case let .whatIf(_, instruction):
            return .whatIf(await whatIfStatus(instruction))
        case let .subscribeQuotes(symbol):
            // Every screen asks for its watchlist at start: a symbol already streamed is left
            // alone (subscribing again would restart its quotes for every screen).
            if !isStreaming(symbol) { perform(.subscribeQuotes(symbol: symbol)) }
            return .accepted(orderIDs: [])
        }
    }

    private func isStreaming(_ symbol: String) -> Bool {
        state.withLock { $0.quoteTags[symbol] != nil }
    }

    private func placeForDesk(_ group: [NumberedOrder]) async -> BusCommandResult {
        let (followed, failures) = await send(group)
        // The order handle reports statuses and fills, not the order itself: every screen of
        // the desk learns of it here, as handed to the gateway (IB's PendingSubmit), before
        // the first status, so an order another screen placed is never out of sight.
        let owner = await client.clientID
        for (orderID, _) in followed {
            guard let instruction = group.first(where: { $0.orderID == orderID })?.instruction else { continue }
            var snapshot = OpenOrderSnapshot(
                orderID: orderID, symbol: instruction.symbol, side: instruction.side, quantity: FixedDecimal(instruction.quantity),
                orderType: instruction.orderType, limitPrice: instruction.limitPrice, stopPrice: instruction.stopPrice,
                timeInForce: instruction.timeInForce, status: .pendingSubmit, ownerClientID: owner, isThisClient: true)
            snapshot.parentID = instruction.link?.parentOrderID
            snapshot.ocaGroup = instruction.link?.ocaGroup
            store.send(.openOrder(snapshot))
        }
        // Accepted once the gateway answered each order (its first status or refusal), not
        // when the bytes were handed to the socket: a bridge that dies before the answer
        // leaves the command in doubt, and its next run asks the gateway.
        let heard = Mutex<Set<Int>>([])
        Task { await follow(followed) { id in heard.withLock { _ = $0.insert(id) } } }
        let deadline = ContinuousClock.now + Self.answerWait
        while heard.withLock({ $0.count }) < followed.count, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        let unanswered = followed.map(\.0).filter { id in !heard.withLock { $0.contains(id) } }
        if !unanswered.isEmpty {
            logger.warning("desk: the gateway has not answered orders \(unanswered) within \(Self.answerWait); reported as sent, their fate shows as order events")
        }
        guard failures.isEmpty else {
            let reasons = failures.map { "order \($0.0): \($0.1.description)" }.joined(separator: "; ")
            let sent = followed.map { String($0.0) }
            return .refused(reason: sent.isEmpty
                ? "not sent: \(reasons)"
                : "only orders \(sent.joined(separator: ", ")) were sent; \(reasons)")
        }
        return .accepted(orderIDs: group.map(\.orderID))
    }

    /// What the gateway reports of `orderIDs` now: open orders with their status, orders with
    /// executions as filled when not listed open, and completed orders that carry an id; `nil`
    /// when the gateway cannot be asked.
    func gatewayStatuses(of orderIDs: [Int]) async -> [Int: OrderStatus]? {
        let wanted = Set(orderIDs)
        var statuses: [Int: OrderStatus] = [:]
        do {
            for report in try await client.allOpenOrders() where wanted.contains(report.order.orderId) {
                statuses[report.order.orderId] = OrderStatus(ibText: report.orderState.status)
            }
            for order in try await client.completedOrders() where wanted.contains(order.order.orderId) && statuses[order.order.orderId] == nil {
                statuses[order.order.orderId] = OrderStatus(ibText: order.orderState.status)
            }
            for fill in try await client.executions() where wanted.contains(fill.execution.orderId) && statuses[fill.execution.orderId] == nil {
                statuses[fill.execution.orderId] = .filled
            }
        } catch {
            logger.warning("in-doubt lookup of orders \(orderIDs) failed: \(error)")
            return nil
        }
        return statuses
    }
}
