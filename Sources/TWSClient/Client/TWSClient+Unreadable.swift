import Logging
import TWSSession
import TWSWire

/// Messages the client could not read: skipped, counted, logged, and reported once to whoever
/// they belonged to. An unreadable message never costs the connection; only broken framing does.
extension IBClient {
    /// The number of messages skipped because they could not be read, since the client was
    /// created.
    public var skippedMessageCount: Int { unreadable.skippedCount }

    /// The number of messages skipped because they could not be read, per message id.
    public var skippedMessageCounts: [Int: Int] { unreadable.skippedByMessageID }

    /// Logs, once per message id, that a message carried fields after the layout ibterm knows
    /// (a newer or older TWS build); they were read past, as IB's own clients do.
    func noteExtraFields(_ message: ServerMessage, count: Int) {
        guard unreadable.shouldLogExtraFields(message.messageID) else { return }
        logger.notice("the gateway sent fields after those ibterm knows; read past them (logged once per message id)", metadata: [
            "tws.msg_id": "\(message.messageID)", "tws.extra_fields": "\(count)",
        ])
    }

    /// Skips a message that could not be read and flags what it belonged to.
    func skipUnreadable(_ message: UnreadableMessage, now: SessionInstant) {
        unreadable.enter(connection: generation)
        if unreadable.skipped(message.messageID) {
            logger.warning("skipped a message ibterm could not read", metadata: [
                "tws.msg_id": "\(message.messageID)", "tws.msg": "\(message.messageName)",
                "tws.subject": "\(message.subject.id.map(String.init) ?? "-")", "tws.error": "\(message.error)",
                "tws.fields": "\(message.rawText)", "tws.skipped": "\(unreadable.skippedCount)",
            ])
        }
        perform(machine.handle(.messageReceived, now: now), now: now)
        if message.messageID == 53 { unreadable.openOrdersRerequested = false }
        switch message.subject {
        case .request(let id):
            unreadableForRequest(id, message, now: now)
        case .order(let id):
            unreadableForOrder(id, message, now: now)
        case .noticeTarget(let id):
            switch NoticeOwner(noticeID: id, table: table, orders: orders) {
            case .subscription: unreadableForRequest(id, message, now: now)
            case .order: unreadableForOrder(id, message, now: now)
            case .connection, .other: unreadableOfNoOne(message, now: now)
            }
        case .none:
            unreadableOfNoOne(message, now: now)
        }
    }

    /// A message that names no subscription or order the client follows: an order's state is
    /// asked for again; it is reported once per message id.
    private func unreadableOfNoOne(_ message: UnreadableMessage, now: SessionInstant) {
        if Self.orderStateMessageIDs.contains(message.messageID) { rerequestOpenOrders() }
        unreadableWithoutOwner(message, now: now)
    }

    /// The messages that carry an order's state, re-read with REQ_OPEN_ORDERS when one of
    /// them cannot be read: ORDER_STATUS, OPEN_ORDER, EXECUTION_DATA (a fill shows in the
    /// order's status).
    static var orderStateMessageIDs: Set<Int> { [3, 5, 11] }

    /// A quote's readable tick (or an order's readable status) ends its flag.
    func clearUnreadableFlag(_ key: UnreadableMessageBook.ReportKey) {
        guard unreadable.hasReports else { return }
        unreadable.clear(key)
    }

    // MARK: Owners

    private func unreadableForRequest(_ id: Int, _ message: UnreadableMessage, now: SessionInstant) {
        if let key = table.subscription(forRequestID: id)?.key, let sink = sinks[key] {
            if sink.isQuote {
                router.markNotLive(key)
                guard unreadable.shouldReport(.quote(key)) else { return }
                let symbol = router.quotes[key]?.contract.symbol ?? ""
                let whose = symbol.isEmpty ? "the quote" : "\(symbol)'s quote"
                report(message, id: id, "\(whose) may be incomplete until its next readable tick", now: now) { sink.notice($0) }
            } else {
                guard unreadable.shouldReport(.subscription(key)) else { return }
                report(message, id: id, "this subscription's data may be incomplete", now: now) { sink.notice($0) }
            }
        } else if pending.contains(id) {
            let notice = unreadableNotice(message, id: id, "the answer to request \(id) is incomplete", now: now)
            logger.warning("error: \(notice.message)", metadata: ["tws.code": "\(notice.code)", "tws.req_id": "\(id)"])
            pending.fail(id, with: TWSClientError(.requestFailed, notice.message, notice: notice))
            guard unreadable.shouldReport(.message(message.messageID)) else { return }
            noticeObservers.yield(notice)
        } else {
            unreadableWithoutOwner(message, now: now)
        }
    }

    private func unreadableForOrder(_ id: Int, _ message: UnreadableMessage, now: SessionInstant) {
        if message.messageID == 5 {
            // The gateway did list the order as open, even if ibterm cannot read the rest.
            orders.listedOpen(id)
        }
        let rerequested = Self.orderStateMessageIDs.contains(message.messageID) && rerequestOpenOrders()
        let consequence = "order \(id) may be out of date" + (rerequested ? "; ibterm asked IB for the open orders again" : "")
        if let continuation = orderStreams[id] {
            guard unreadable.shouldReport(.order(id)) else { return }
            report(message, id: id, consequence, now: now) { continuation.yield(.notice($0)) }
        } else {
            guard unreadable.shouldReport(.message(message.messageID)) else { return }
            report(message, id: id, consequence, now: now) { _ in }
        }
    }

    private func unreadableWithoutOwner(_ message: UnreadableMessage, now: SessionInstant) {
        guard unreadable.shouldReport(.message(message.messageID)) else { return }
        report(message, id: message.subject.id ?? -1, "it was skipped", now: now) { _ in }
    }

    /// Asks for the open orders again (REQ_OPEN_ORDERS, as reconciliation does), unless a
    /// request for them is already unanswered (the unreadable message may be part of its
    /// answer; asking again would loop); returns whether it asked.
    @discardableResult
    private func rerequestOpenOrders() -> Bool {
        if orders.reconciliation != nil || pending.openOrders != nil || unreadable.openOrdersRerequested { return false }
        guard machine.state.isUsable else { return false }
        unreadable.openOrdersRerequested = true
        logger.info("requesting open orders again after an unreadable order message")
        send(.requestOpenOrders)
        return true
    }

    // MARK: Notices

    private func report(
        _ message: UnreadableMessage, id: Int, _ consequence: String, now: SessionInstant, to owner: (TWSNotice) -> Void
    ) {
        let notice = unreadableNotice(message, id: id, consequence, now: now)
        logger.warning("error: \(notice.message)", metadata: ["tws.code": "\(notice.code)", "tws.req_id": "\(id)"])
        owner(notice)
        noticeObservers.yield(notice)
    }

    private func unreadableNotice(_ message: UnreadableMessage, id: Int, _ consequence: String, now: SessionInstant) -> TWSNotice {
        let area = message.area.description
        let article = area.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        return TWSNotice(
            id: id, code: TWSNotice.unreadableMessageCode,
            message: "IB sent \(article) \(area) message (\(message.messageName)) that ibterm could not read; \(consequence)",
            receivedAt: now, unreadable: message
        )
    }
}
