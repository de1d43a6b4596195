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
        case let .subscribeDelayedQuotes(symbol): subscribe(symbol, delayed: true)
        case let .searchSymbols(query): search(query)
        case let .followDetail(symbol): followDetail(symbol)
        case let .requestDetailBars(symbol, range): requestDetailBars(symbol, range: range)
        case .stopDetail: stopDetail()
        case let .qualifyInstrument(result): qualify(result)
        case let .unsubscribeQuotes(symbol): unsubscribe(symbol)
        case let .requestContractDetails(symbol): Task { await resolve(symbol) }
        case let .placeOrder(orderID, instruction): Task { await place(orderID: orderID, instruction) }
        case let .placeOrderGroup(group): Task { await place(group) }
        case let .modifyOrder(orderID, instruction): Task { await modify(orderID: orderID, instruction) }
        case let .requestWhatIf(serial, instruction): Task { await whatIf(serial: serial, instruction) }
        case let .cancelOrder(orderID): Task { await cancel(orderID: orderID) }
        case let .cancelOrderAsOwner(orderID, owner): cancelAsOwner(orderID: orderID, ownerClientID: owner)
        case .cancelAllOrders: Task { await cancelAll() }
        case .retryConnection: Task { await client.retryNow() }
        case .loadTheme, .journal, .quit, .saveCommandHistory, .saveWatchlists, .ringBell, .saveAlerts, .runAlertCommand, .dumpTrace, .controlReplay: break
        // The Client Portal's effects go to the failover (EffectRouter).
        case .placeOrderOnPortal, .cancelOrderOnPortal, .answerPortalQuestion: break
        }
    }

    /// The contract a symbol stands for: resolved details when known, else a US stock on SMART.
    func contract(for symbol: String) -> Contract {
        stateContract(symbol) ?? Self.guessedContract(symbol)
    }

    private func subscribe(_ symbol: String, delayed: Bool = false) {
        let contract = contract(for: symbol)
        let id = quoteID(for: symbol)
        store.send(.quoteRequested(symbol: symbol, requestID: id, instrumentClass: .stock))
        let tag = beginQuoteSubscription(symbol, requestID: id)
        Task { [self] in
            let key = await client.subscribeQuotes(contract, feed: quotes, tag: tag, delayed: delayed)
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
            let details = try await client.contractDetails(contract(for: symbol))
            guard let first = details.first else {
                store.send(.contractResolved(symbol: symbol, contract: nil))
                return
            }
            rememberContract(first.contract, for: symbol)
            askSessionBars(symbol)
            var summary = ContractSummary(
                symbol: symbol, contractID: first.contract.conId, instrumentClass: InstrumentClass(securityType: first.contract.secType),
                minimumTick: first.minTick,
                primaryExchange: first.contract.primaryExchange, currency: first.contract.currency, longName: first.longName)
            summary.regularHours = first.liquidHours
            summary.timeZoneID = first.timeZoneId
            store.send(.contractResolved(symbol: symbol, contract: summary))
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
            auxPrice: (instruction.stopPrice ?? instruction.trailingAmount)?.doubleValue,
            tif: instruction.timeInForce.rawValue)
        order.orderRef = "ibterm"
        order.trailingPercent = instruction.trailingPercent?.doubleValue
        order.lmtPriceOffset = instruction.limitOffset?.doubleValue
        if let link = instruction.link {
            order.parentId = link.parentOrderID ?? 0
            order.transmit = link.transmit
            order.ocaGroup = link.ocaGroup ?? ""
            order.ocaType = link.ocaGroup == nil ? 0 : link.ocaType
        }
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

    /// Asks the gateway's what-if for a reviewed order and hands the answer to the review.
    /// The what-if takes an order id from the client: the dashboard hears the next free one
    /// before the answer, so the send that follows uses an id nobody used.
    private func whatIf(serial: Int, _ instruction: OrderInstruction) async {
        let status = await whatIfStatus(instruction)
        if let next = await client.nextOrderID { store.send(.nextValidOrderID(next)) }
        store.send(.whatIf(serial: serial, status))
    }

    /// The gateway's what-if answer for `instruction`, or why there is none.
    func whatIfStatus(_ instruction: OrderInstruction) async -> WhatIfStatus {
        do {
            let answer = try await client.whatIf(contract(for: instruction.symbol), Self.wireOrder(instruction))
            return .answered(WhatIfReport(answer))
        } catch {
            logger.info("what-if for \(instruction.summary) not answered: \(error)")
            return Self.whatIfStatus(error)
        }
    }

    /// What a failed what-if means for the review: IB's refusal of the order, in the
    /// catalog's plain words with IB's own text, or no answer (timed out, not connected).
    static func whatIfStatus(_ error: TWSClientError) -> WhatIfStatus {
        guard let notice = error.notice else { return .unanswered(error.message) }
        let entry = MessageCatalog.entryOrUnknown(for: notice.code, ibText: notice.message)
        return .refused(entry.isKnown ? "\(entry.title) (\(notice.code)): \(notice.message)" : "\(notice.message) (\(notice.code))")
    }

    private func place(orderID: Int, _ instruction: OrderInstruction) async {
        await place([NumberedOrder(orderID: orderID, instruction: instruction)])
    }

    /// Places the orders one after the other (a group's last order transmits the ones before
    /// it, so they go out in order on the one connection), then follows each order's events.
    private func place(_ group: [NumberedOrder]) async {
        let (followed, failures) = await send(group)
        for (orderID, error) in failures {
            store.send(.notice(Notice(requestID: orderID, code: error.notice?.code ?? 201, text: error.description)))
        }
        await follow(followed)
    }

    /// Sends the orders one after the other once the connection takes orders (waiting up to
    /// 5 s for it); returns the handles of those sent and the failures of the others.
    func send(_ group: [NumberedOrder]) async -> (followed: [(Int, OrderHandle)], failures: [(Int, TWSClientError)]) {
        // The dashboard counts the link as up from the handshake; the client takes orders once
        // it has resubscribed and reconciled, a fraction of a second later.
        for _ in 0..<100 where !state.withLock({ $0.isUsable }) {
            try? await Task.sleep(for: .milliseconds(50))
        }
        var followed: [(Int, OrderHandle)] = []
        var failures: [(Int, TWSClientError)] = []
        for numbered in group {
            let orderID = numbered.orderID
            state.withLock { _ = $0.placedOrders.insert(orderID) }
            do {
                let handle = try await client.placeOrder(contract(for: numbered.instruction.symbol), Self.wireOrder(numbered.instruction), orderId: orderID)
                followed.append((orderID, handle))
            } catch {
                logger.warning("order \(orderID) not sent: \(error)")
                failures.append((orderID, error))
            }
        }
        return (followed, failures)
    }

    /// Forwards each placed order's events to the store until its stream ends; `heard` is
    /// called with an order's id after its first event (the gateway's answer to it).
    func follow(_ followed: [(Int, OrderHandle)], heard: (@Sendable (Int) -> Void)? = nil) async {
        await withTaskGroup(of: Void.self) { tasks in
            for (orderID, handle) in followed {
                tasks.addTask { [store] in
                    var first = true
                    for await event in handle.events {
                        if let event = DashboardEvent(event, orderID: orderID) { store.send(event) }
                        if first { heard?(orderID) }
                        first = false
                    }
                }
            }
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
