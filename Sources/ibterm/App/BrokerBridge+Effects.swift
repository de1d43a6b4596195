import Dashboard
import DashboardFeed
import Foundation
import TWSClient
import TWSWire
import Vocabulary

/// The reducer's effects, carried out against the client.
extension BrokerBridge {
    /// Carries out effects that need the connection; returns the others untouched.
    func perform(_ effect: DashboardEffect) {
        switch effect {
        case let .subscribeQuotes(symbol): subscribe(symbol)
        case let .unsubscribeQuotes(symbol): unsubscribe(symbol)
        case let .requestContractDetails(symbol): Task { await resolve(symbol) }
        case let .placeOrder(orderID, instruction): Task { await place(orderID: orderID, instruction) }
        case let .modifyOrder(orderID, instruction): Task { await modify(orderID: orderID, instruction) }
        case let .cancelOrder(orderID): Task { await cancel(orderID: orderID) }
        case let .cancelOrderAsOwner(orderID, owner): cancelAsOwner(orderID: orderID, ownerClientID: owner)
        case .cancelAllOrders: Task { await cancelAll() }
        case .retryConnection: Task { await client.retryNow() }
        case .loadTheme, .journal, .quit: break
        }
    }

    /// The contract a symbol stands for: resolved details when known, else a US stock on SMART.
    func contract(for symbol: String) -> Contract {
        stateContract(symbol) ?? Contract(symbol: symbol, secType: "STK", exchange: "SMART", currency: "USD")
    }

    private func subscribe(_ symbol: String) {
        let contract = contract(for: symbol)
        let id = quoteID(for: symbol)
        store.send(.quoteRequested(symbol: symbol, requestID: id, instrumentClass: .stock))
        let tag = beginQuoteSubscription(symbol, requestID: id)
        Task { [self] in
            let key = await client.subscribeQuotes(contract, feed: quotes, tag: tag)
            if !quoteSubscriptionMade(tag, key: key) { await client.cancelQuotes(key) }
        }
    }

    private func unsubscribe(_ symbol: String) {
        endQuoteSubscription(symbol)
    }

    /// Looks `symbol` up once the connection is usable; only IB's "no such contract" (200)
    /// reports it as unknown, any other failure retries after the next reconnect.
    func resolve(_ symbol: String) async {
        let waiting = state.withLock { state -> Bool in
            if state.isUsable { return false }
            state.unresolved.insert(symbol)
            return true
        }
        guard !waiting else { return }
        do {
            let details = try await client.contractDetails(Contract(symbol: symbol, secType: "STK", exchange: "SMART", currency: "USD"))
            guard let first = details.first else {
                store.send(.contractResolved(symbol: symbol, contract: nil))
                return
            }
            rememberContract(first.contract, for: symbol)
            store.send(.contractResolved(symbol: symbol, contract: ContractSummary(
                symbol: symbol, contractID: first.contract.conId, instrumentClass: .stock, minimumTick: first.minTick,
                primaryExchange: first.contract.primaryExchange, currency: first.contract.currency, longName: first.longName)))
        } catch {
            if let notice = error.notice, notice.code == 200 {
                store.send(.contractResolved(symbol: symbol, contract: nil))
            } else {
                logger.info("contract lookup for \(symbol) failed (\(error)); retrying when connected")
                state.withLock { _ = $0.unresolved.insert(symbol) }
            }
        }
    }

    /// The wire order for an instruction.
    static func wireOrder(_ instruction: OrderInstruction) -> TWSWire.Order {
        var order = TWSWire.Order(
            action: instruction.side.rawValue, totalQuantity: FixedDecimal(instruction.quantity), orderType: instruction.orderType.rawValue,
            lmtPrice: instruction.limitPrice?.doubleValue,
            auxPrice: instruction.stopPrice?.doubleValue,
            tif: instruction.timeInForce.rawValue)
        order.orderRef = "ibterm"
        return order
    }

    /// Sends a modification; the order's own stream (or the account follower) reports what
    /// IB made of it, and a refusal reaches the log for the order.
    private func modify(orderID: Int, _ instruction: OrderInstruction) async {
        do {
            try await client.modifyOrder(contract(for: instruction.symbol), Self.wireOrder(instruction), orderId: orderID)
        } catch {
            logger.warning("modification of order \(orderID) not sent: \(error)")
            store.send(.notice(Notice(requestID: orderID, code: error.notice?.code ?? 201, text: "modification not sent: \(error.description)")))
            return
        }
        await refreshAccountOrders()
    }

    private func place(orderID: Int, _ instruction: OrderInstruction) async {
        let order = Self.wireOrder(instruction)
        // The dashboard counts the link as up from the handshake; the client takes orders once
        // it has resubscribed and reconciled, a fraction of a second later.
        for _ in 0..<100 where !state.withLock({ $0.isUsable }) {
            try? await Task.sleep(for: .milliseconds(50))
        }
        state.withLock { _ = $0.placedOrders.insert(orderID) }
        do {
            let handle = try await client.placeOrder(contract(for: instruction.symbol), order, orderId: orderID)
            for await event in handle.events {
                if let event = DashboardEvent(event, orderID: orderID) { store.send(event) }
            }
        } catch {
            logger.warning("order \(orderID) not sent: \(error)")
            store.send(.notice(Notice(requestID: orderID, code: error.notice?.code ?? 201, text: error.description)))
        }
    }

    private func cancel(orderID: Int) async {
        do {
            try await client.cancelOrder(orderID)
        } catch {
            store.send(.notice(Notice(requestID: orderID, code: 10147, text: error.description)))
        }
    }

    private func cancelAll() async {
        do {
            try await client.cancelAllOrders()
        } catch {
            logger.warning("cancel all not sent: \(error)")
        }
    }
}
