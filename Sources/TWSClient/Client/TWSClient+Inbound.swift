import Logging
import TWSSession
import TWSWire
import Vocabulary

/// Reading the socket: the batches of decoded frames, the handshake reply, routing.
extension IBClient {
    func transport(_ event: TransportEvent, connection: Int) {
        guard connection == generation else { return }
        switch event {
        case .frames(let frames, let receivedAt):
            // A feed's events of one read reach its reader as one array.
            for feed in quoteFeeds.values { feed.hold() }
            for frame in frames {
                guard connection == generation else { break }
                receive(frame, at: receivedAt)
            }
            for feed in quoteFeeds.values { feed.release() }
            // A book's rows of one read reach its reader as one whole book.
            router.flushDepth { key, delivery in deliver(delivery, to: key) }
        case .closed:
            logger.warning("the gateway closed the socket")
            perform(machine.handle(.socketClosed, now: clock.now()))
        case .failed(let description):
            perform(machine.handle(.socketError(.socketError(description)), now: clock.now()))
        case .brokenFraming(let description):
            protocolError(description)
        }
        rearmTimer()
    }

    /// One decoded frame of the current connection, read at `now`.
    private func receive(_ frame: InboundFrame, at now: SessionInstant) {
        keepalive?.received(now: now)
        switch frame {
        case .hello(let hello):
            handleHello(hello, now: now)
        case .message(.message(let message, let ignoredFieldCount)):
            // Fields after a message's known layout are read past, as IB's own clients do.
            logger.trace("received", metadata: ["tws.msg_id": "\(message.messageID)"])
            if ignoredFieldCount > 0 { noteExtraFields(message, count: ignoredFieldCount) }
            dispatch(message, now: now)
        case .message(.unreadable(let message)):
            // A message whose fields do not decode is skipped and reported (IBClient+Unreadable);
            // only broken framing drops the connection.
            skipUnreadable(message, now: now)
        }
    }

    private func protocolError(_ text: String) {
        logger.error("unreadable data from the gateway; dropping the connection", metadata: ["tws.error": "\(text)"])
        perform(machine.handle(.socketError(.protocolError(text)), now: clock.now()))
    }

    /// The first frame: the handshake reply.
    private func handleHello(_ hello: ServerHello, now: SessionInstant) {
        logger.info("handshake reply", metadata: [
            "tws.server_version": "\(hello.serverVersion)", "tws.connection_time": "\(hello.connectionTime)",
        ])
        serverVersion = hello.serverVersion
        perform(machine.handle(
            .handshakeReply(serverVersion: hello.serverVersion, connectionTime: hello.connectionTime), now: now
        ), now: now)
    }

    private func dispatch(_ message: ServerMessage, now: SessionInstant) {
        switch message {
        case .nextValidId(let m):
            orderIDs.receivedNextValidID(m.orderId)
            perform(machine.handle(.nextValidID(m.orderId), now: now), now: now)
            handleNextValidIDAnswer(m.orderId)
            if let next = orderIDs.nextID { nextOrderIDObservers.yield(next) }
        case .managedAccounts(let m):
            perform(machine.handle(.managedAccounts(m.accounts), now: now), now: now)
        default:
            perform(machine.handle(.messageReceived, now: now), now: now)
        }
        switch message {
        case .error(let m): handleError(m, now: now)
        case .orderStatus(let m):
            clearUnreadableFlag(.order(m.orderId))
            handleOrderStatus(m)
        case .openOrder(let m):
            clearUnreadableFlag(.order(m.order.orderId))
            handleOpenOrder(m)
        case .openOrderEnd:
            unreadable.openOrdersRerequested = false
            handleOpenOrderEnd()
        case .executionData(let m): handleExecution(m)
        case .executionDataEnd(let reqId): handleExecutionEnd(reqId)
        case .commissionReport(let m): handleCommission(m)
        case .completedOrder(let m): handleCompletedOrder(m)
        case .completedOrdersEnd: handleCompletedOrdersEnd()
        case .contractData(let m): pending.contracts[m.reqId]?.results.append(m.details)
        case .contractDataEnd(let reqId):
            if let lookup = pending.contracts.removeValue(forKey: reqId) {
                lookup.continuation.yield(lookup.results)
                lookup.continuation.finish()
            }
        case .historicalData(let m): handleBars(m)
        case .historicalDataEnd(let m): finishBars(m.reqId)
        case .symbolSamples(let m): finishSymbolSearch(m)
        default:
            router.route(message, table: table, now: now) { key, delivery in deliver(delivery, to: key) }
        }
    }

    // MARK: Delivering

    /// Yields what the router decided on the subscription's stream; a quote tick of market
    /// data also ends the quote's unreadable flag and tells the health monitor the feed ticks.
    private func deliver(_ delivery: StreamDelivery, to key: SubscriptionKey) {
        guard let target = sinks[key]?.target else { return }
        switch (delivery, target) {
        case (.quote(let event), .quote(let c)):
            if case .update(let quote) = event, quote.carried.carriesMarketData {
                clearUnreadableFlag(.quote(key))
                health.ticked(key)
            }
            c.yield(event)
        case (.quote(let event), .feed(let feed, let tag)):
            if case .update(let quote) = event, quote.carried.carriesMarketData {
                clearUnreadableFlag(.quote(key))
                health.ticked(key)
            }
            feed.yield(QuoteFeedEvent(tag: tag, event: event))
        case (.positions(let event), .positions(let c)): c.yield(event)
        case (.account(let event), .account(let c)): c.yield(event)
        case (.summary(let event), .summary(let c)): c.yield(event)
        case (.pnl(let event), .pnl(let c)): c.yield(event)
        case (.pnlSingle(let event), .pnlSingle(let c)): c.yield(event)
        case (.depth(let event), .depth(let c)): c.yield(event)
        case (.tickByTick(let event), .tickByTick(let c)): c.yield(event)
        default: break
        }
    }

    // MARK: Notices

    private func handleError(_ m: ErrorMessage, now: SessionInstant) {
        var notice = TWSNotice(
            id: m.id, code: m.code, message: m.message, advancedOrderRejectJson: m.advancedOrderRejectJson, receivedAt: now
        )
        let owner = NoticeOwner(noticeID: m.id, table: table, orders: orders)
        notice.context = requestContext(for: m.id, owner: owner)
        if case .connection = owner {
            let actions = health.notice(code: m.code, text: m.message, now: now, marketData: table.keys(of: .marketData))
            for action in actions {
                if case .farmChanged(let transition) = action { notice.farm = transition }
            }
            log(notice)
            noticeObservers.yield(notice)
            for action in actions { handleHealth(action) }
            // 326: this client id is taken; the gateway closes the socket next. The machine
            // moves to the pool's next id at once (or backs off for a pinned id).
            if notice.code == 326 { perform(machine.handle(.clientIDInUse, now: now), now: now) }
            return
        }
        log(notice)
        switch owner {
        case .connection: break
        case .subscription(let key):
            // 317: IB reset the book; the rows that follow build it again.
            if notice.code == 317 { router.resetDepth(key) }
            sinks[key]?.notice(notice)
        case .order: handleOrderNotice(notice)
        case .other(let id):
            if pending.contains(id), !notice.isInformational {
                pending.fail(id, with: TWSClientError(.requestFailed, m.message, notice: notice))
            }
        }
        noticeObservers.yield(notice)
    }

    /// What the notice's id stood for: a system notice (-1), a subscription (from the table),
    /// an order or one-shot request this client sent, or `nil` for an id it does not know.
    private func requestContext(for id: Int, owner: NoticeOwner) -> RequestContext? {
        switch owner {
        case .connection: return .system
        case .subscription:
            return table.subscription(forRequestID: id).map { RequestContext(subscription: $0.request, requestID: id) }
        case .order, .other: return requestContexts.context(for: id)
        }
    }

    private func log(_ notice: TWSNotice) {
        var metadata: Logger.Metadata = ["tws.code": "\(notice.code)", "tws.req_id": "\(notice.id)"]
        if let context = notice.context { metadata["tws.request"] = "\(context)" }
        if notice.isInformational {
            logger.info("notice: \(notice.message)", metadata: metadata)
        } else {
            logger.warning("error: \(notice.message)", metadata: metadata)
        }
    }

    /// Carries out what the market-data health monitor decided.
    func handleHealth(_ action: MarketDataHealthAction) {
        switch action {
        case .farmChanged(let transition):
            logger.info("farm \(transition.farm): \(transition.from.map { "\($0)" } ?? "unknown") -> \(transition.to)")
        case .markAllQuotesNotLive:
            logger.warning("the gateway lost IB's servers: quotes are not live")
            for key in table.keys(of: .marketData) {
                router.markNotLive(key)
                sinks[key]?.gap(.serverLinkDown(code: 1100))
            }
        case .resubscribeAllMarketData:
            logger.info("market data lost (1101): resubscribing every quote, book and tick-by-tick stream")
            for kind in [SubscriptionKind.marketData, .marketDepth, .tickByTick] {
                execute(table.resubscribe(kind: kind, ids: &requestIDs), gap: .marketDataLost)
            }
        case .watchingForSilentFeeds(let count, let until):
            logger.info("watching \(count) feeds for ticks", metadata: ["tws.until": "\(until)"])
        case .resubscribeSilent(let keys):
            logger.warning("\(keys.count) feeds stayed silent: resubscribing them")
            execute(table.resubscribe(keys, ids: &requestIDs), gap: .silentFeed)
        }
    }

    /// Sends a resubscription plan: cancel the old id, subscribe under the new one.
    func execute(_ plan: [Resubscription<SubscriptionRequest>], gap: StreamGap?) {
        for step in plan {
            if let old = step.cancelRequestID, !step.request.isShared { send(step.request.cancel(reqId: old)) }
            router.resetDepth(step.key)
            sendSubscription(step.request, reqId: step.requestID)
            if let gap { sinks[step.key]?.gap(gap) }
            sinks[step.key]?.resumed()
        }
    }

    /// Sends `request` under `reqId`; a request that needs another market data type than the
    /// connection's (delayed quotes) is wrapped in reqMarketDataType before and after, since IB
    /// applies the type to the requests that follow it.
    func sendSubscription(_ request: SubscriptionRequest, reqId: Int) {
        let connectionType = requestedMarketDataType ?? .live
        guard let type = request.marketDataType, type != connectionType else {
            send(request.subscribe(reqId: reqId))
            return
        }
        send(.requestMarketDataType(type.rawValue))
        send(request.subscribe(reqId: reqId))
        send(.requestMarketDataType(connectionType.rawValue))
    }

    /// Re-sends every subscription on a new connection (market data type first).
    func resubscribeAll() {
        if let type = requestedMarketDataType { send(.requestMarketDataType(type.rawValue)) }
        let plan = table.resubscribeAll(ids: &requestIDs)
        var sentShared: Set<SubscriptionRequest> = []
        for step in plan {
            // The gateway sends a resubscribed book whole again.
            router.resetDepth(step.key)
            if !step.request.isShared || sentShared.insert(step.request).inserted {
                sendSubscription(step.request, reqId: step.requestID)
            }
            sinks[step.key]?.resumed()
        }
        if !plan.isEmpty { logger.info("resubscribed \(plan.count) subscriptions") }
    }
}
