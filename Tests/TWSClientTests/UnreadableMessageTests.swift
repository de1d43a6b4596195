import TWSWireSamples
import Testing
import TWSClient
import TWSSession
import TWSWire
import Vocabulary

/// One unreadable message never costs the link: it is skipped, counted, logged and reported to
/// what it belonged to; extra trailing fields are read past. Only broken framing drops the
/// connection (ReconnectTests covers that).
@Suite(.timeLimit(.minutes(1))) struct UnreadableMessageTests {
    /// A connected client with a live AAPL quote, and the quote's request id.
    private struct Setup {
        var server: ScriptedServer
        var client: IBClient
        var logs: LogCapture
        var quotes: Recorder<QuoteEvent>
        var quotesTask: Task<Void, Never>
        var notices: Recorder<TWSNotice>
        var noticesTask: Task<Void, Never>
        var reqId: Int

        func finish() async {
            await client.disconnect()
            quotesTask.cancel()
            noticesTask.cancel()
            await server.stop()
        }

        /// Sends a readable last-price tick and waits until the quote shows it.
        func goodTick(_ price: Double, after what: String) async throws {
            server.send(.tickPrice(TickPrice(reqId: reqId, tickType: .last, price: price, size: FixedDecimal(1))))
            try await waitUntil("the readable tick after \(what)") {
                quotes.events.contains { if case .update(let q) = $0 { q.last == price && q.isLive } else { false } }
            }
        }
    }

    private static func setUp() async throws -> Setup {
        let server = try await ScriptedServer.start { $0.quotes["AAPL"] = (bid: 1, ask: 2, last: 1.5, volume: 10) }
        let logs = LogCapture()
        let client = try await connectedClient(server, logs: logs)
        let (notices, noticesTask) = Recorder.record(await client.notices())
        let (quotes, quotesTask) = Recorder.record(await client.subscribeQuotes(aapl))
        try await waitUntil("first ticks") { quotes.events.contains { if case .update(let q) = $0 { q.last == 1.5 } else { false } } }
        let reqId = try #require(server.messages(on: 0).compactMap(\.marketDataRequestID).first)
        return Setup(
            server: server, client: client, logs: logs, quotes: quotes, quotesTask: quotesTask,
            notices: notices, noticesTask: noticesTask, reqId: reqId
        )
    }

    private static func unreadableNotices(_ events: [QuoteEvent]) -> [TWSNotice] {
        events.compactMap { if case .notice(let n) = $0, n.unreadable != nil { n } else { nil } }
    }

    @Test func everyKnownMessageWithOneFieldTooManyIsReadPastAndTheLinkStays() async throws {
        let s = try await Self.setUp()
        let samples = EveryServerMessage.samples()
        #expect(samples.map(\.messageID) == ServerMessageDirectory.knownIDs)
        for (index, message) in samples.enumerated() {
            s.server.sendRaw(EveryServerMessage.withExtraField(message))
            try await s.goodTick(100 + Double(index), after: "\(message.messageID) with one field too many")
        }
        #expect(await s.client.skippedMessageCount == 0, "every message was read, its extra field read past")
        #expect(s.server.connectionCount == 1)
        #expect(await s.client.connectionStatus.isUsable)
        let noted = s.logs.all.filter { $0.contains("read past them") }
        #expect(noted.count == samples.count, "noted once per message id: \(noted.count)")
        #expect(noted.contains { $0.hasSuffix("tws.msg_id=1") && $0.contains("tws.extra_fields=1") }, "\(noted)")
        // Once per message id: the same extra field again is not logged again.
        s.server.sendRaw(EveryServerMessage.withExtraField(samples[0]))
        try await s.goodTick(999, after: "a second TICK_PRICE with an extra field")
        #expect(s.logs.all.filter { $0.contains("read past them") }.count == samples.count)
        #expect(Self.unreadableNotices(s.quotes.events).isEmpty)
        await s.finish()
    }

    @Test func everyKnownMessageWithOneFieldTooFewIsSkippedCountedAndReportedAndTheLinkStays() async throws {
        let s = try await Self.setUp()
        let openOrderRequestsBefore = s.server.messages(on: 0).filter { $0 == .requestOpenOrders }.count
        var skipped = 0
        var ids: [Int] = []
        for (index, message) in EveryServerMessage.samples().enumerated() {
            guard let frame = EveryServerMessage.withoutLastField(message) else { continue }
            s.server.sendRaw(frame)
            skipped += 1
            ids.append(message.messageID)
            try await s.goodTick(200 + Double(index), after: "\(message.messageID) with one field too few")
            #expect(await s.client.skippedMessageCount == skipped, "\(message.messageID) was skipped and counted")
        }
        #expect(ids.count == ServerMessageDirectory.knownIDs.count - 1, "all but COMPLETED_ORDERS_END, which has no field to drop")
        #expect(s.server.connectionCount == 1)
        #expect(await s.client.connectionStatus.isUsable)
        let counts = await s.client.skippedMessageCounts
        #expect(Set(counts.keys) == Set(ids))
        // Reported once per message, each with its id, on the client's notice stream.
        let skippedIDs = Set(ids)
        try await waitUntil("a 508 notice per message id") {
            Set(s.notices.events.compactMap(\.unreadable?.messageID)) == skippedIDs
        }
        let reports = s.notices.events.filter { $0.unreadable != nil }
        #expect(reports.allSatisfy { $0.code == 508 && $0.message.hasPrefix("IB sent ") && $0.message.contains("ibterm could not read") })
        #expect(reports.count == ids.count, "one report per message id: \(reports.map { $0.unreadable?.messageID ?? 0 })")
        let orderStatus = try #require(reports.first { $0.unreadable?.messageID == 3 })
        #expect(orderStatus.unreadable?.subject == .order(9002))
        #expect(orderStatus.message.contains("order 9002"))
        let tick = try #require(reports.first { $0.unreadable?.messageID == 1 })
        #expect(tick.unreadable?.subject == .request(9001))
        #expect(tick.message.hasPrefix("IB sent a market-data message (TICK_PRICE) that ibterm could not read"))
        // Logged with its id and raw fields.
        #expect(s.logs.all.contains { $0.contains("skipped a message ibterm could not read") && $0.contains("tws.msg_id=1 ") && $0.contains("tws.fields=1|6|9001|") })
        // The unreadable order messages asked for the open orders again.
        try await waitUntil("open orders requested again") {
            s.server.messages(on: 0).filter { $0 == .requestOpenOrders }.count > openOrderRequestsBefore
        }
        // The test's own quote saw none of it.
        #expect(Self.unreadableNotices(s.quotes.events).isEmpty)
        await s.finish()
    }

    @Test func anUnreadableTickFlagsItsQuoteOnceUntilAReadableTickArrives() async throws {
        let s = try await Self.setUp()
        let badTick = FrameEncoder.frame(Array("1\u{0}6\u{0}\(s.reqId)\u{0}4\u{0}231.5\u{0}".utf8))   // no size, no attrMask
        s.server.sendRaw(badTick)
        try await waitUntil("the quote is flagged") { !Self.unreadableNotices(s.quotes.events).isEmpty }
        let flag = try #require(Self.unreadableNotices(s.quotes.events).first)
        #expect(flag.code == TWSNotice.unreadableMessageCode)
        #expect(flag.id == s.reqId)
        #expect(flag.unreadable?.messageID == 1)
        #expect(flag.unreadable?.subject == .request(s.reqId))
        #expect(flag.message == "IB sent a market-data message (TICK_PRICE) that ibterm could not read; AAPL's quote may be incomplete until its next readable tick")
        #expect(s.notices.events.contains(flag), "also on the client's notice stream")

        // Flagged once: a second unreadable tick is counted, not reported again.
        s.server.sendRaw(badTick)
        try await s.goodTick(300, after: "two unreadable ticks")
        #expect(Self.unreadableNotices(s.quotes.events).count == 1)
        #expect(await s.client.skippedMessageCount == 2)

        // The readable tick cleared the flag; the next unreadable one raises it again.
        s.server.sendRaw(badTick)
        try await waitUntil("flagged again") { Self.unreadableNotices(s.quotes.events).count == 2 }
        let events = s.quotes.events
        let firstFlag = try #require(events.firstIndex { if case .notice(let n) = $0 { n.unreadable != nil } else { false } })
        #expect(events[(firstFlag + 1)...].contains { if case .update(let q) = $0 { q.last == 300 } else { false } })
        #expect(s.server.connectionCount == 1)
        #expect(await s.client.connectionStatus.isUsable)
        await s.finish()
    }

    @Test func aTickWithAFieldTooManyStillUpdatesTheQuote() async throws {
        let s = try await Self.setUp()
        let tick = ServerMessage.tickPrice(TickPrice(reqId: s.reqId, tickType: .bid, price: 231.25, size: FixedDecimal(100)))
        s.server.sendRaw(EveryServerMessage.withExtraField(tick, "20251124"))
        try await waitUntil("the bid from the longer TICK_PRICE") {
            s.quotes.events.contains { if case .update(let q) = $0 { q.bid == 231.25 } else { false } }
        }
        #expect(await s.client.skippedMessageCount == 0)
        #expect(s.server.connectionCount == 1)
        await s.finish()
    }

    @Test func anUnreadableOrderStatusFlagsTheOrderAndRequestsOpenOrdersAgain() async throws {
        let s = try await Self.setUp()
        let handle = try await s.client.placeOrder(aapl, Order.limit("BUY", 1, at: 1))
        let (orderEvents, orderTask) = Recorder.record(handle.events)
        try await waitUntil("submitted") {
            orderEvents.events.contains { if case .status(let u) = $0 { u.status == .submitted } else { false } }
        }
        let before = s.server.messages(on: 0).filter { $0 == .requestOpenOrders }.count
        // ORDER_STATUS with a filled quantity that does not parse.
        s.server.sendRaw(FrameEncoder.frame(Array("3\u{0}\(handle.orderId)\u{0}Submitted\u{0}lots\u{0}".utf8)))
        try await waitUntil("the order is flagged") {
            orderEvents.events.contains { if case .notice(let n) = $0 { n.unreadable?.subject == .order(handle.orderId) } else { false } }
        }
        try await waitUntil("open orders requested again") {
            s.server.messages(on: 0).filter { $0 == .requestOpenOrders }.count == before + 1
        }
        let notice = try #require(orderEvents.events.compactMap { if case .notice(let n) = $0 { n } else { nil } }.first)
        #expect(notice.message == "IB sent an order message (ORDER_STATUS) that ibterm could not read; order \(handle.orderId) may be out of date; ibterm asked IB for the open orders again")
        try await s.goodTick(400, after: "the unreadable ORDER_STATUS")
        #expect(await s.client.skippedMessageCount == 1)
        #expect(s.server.connectionCount == 1)
        orderTask.cancel()
        await s.finish()
    }

    @Test func unreadableAnswersToTheRerequestDoNotLoop() async throws {
        let s = try await Self.setUp()
        let handle = try await s.client.placeOrder(aapl, Order.limit("BUY", 1, at: 1))
        let (orderEvents, orderTask) = Recorder.record(handle.events)
        try await waitUntil("submitted") {
            orderEvents.events.contains { if case .status(let u) = $0 { u.status == .submitted } else { false } }
        }
        s.server.update { $0.unreadableOpenOrders = true }
        let before = s.server.messages(on: 0).filter { $0 == .requestOpenOrders }.count
        let badStatus = FrameEncoder.frame(Array("3\u{0}\(handle.orderId)\u{0}Submitted\u{0}lots\u{0}".utf8))
        s.server.sendRaw(badStatus)
        try await waitUntil("open orders requested again") {
            s.server.messages(on: 0).filter { $0 == .requestOpenOrders }.count == before + 1
        }
        // The answer (an unreadable OPEN_ORDER and ORDER_STATUS, then OPEN_ORDER_END) is
        // skipped without asking again.
        try await waitUntil("the answer was read") { await s.client.skippedMessageCount == 3 }
        try await s.goodTick(500, after: "the unreadable answer")
        #expect(s.server.messages(on: 0).filter { $0 == .requestOpenOrders }.count == before + 1)
        // A later unreadable status asks once more.
        s.server.sendRaw(badStatus)
        try await waitUntil("asked once more") {
            s.server.messages(on: 0).filter { $0 == .requestOpenOrders }.count == before + 2
        }
        try await waitUntil("its answer was read") { await s.client.skippedMessageCount == 6 }
        try await s.goodTick(501, after: "the second unreadable answer")
        #expect(s.server.messages(on: 0).filter { $0 == .requestOpenOrders }.count == before + 2)
        let flags = orderEvents.events.filter { if case .notice(let n) = $0 { n.unreadable != nil } else { false } }
        #expect(flags.count == 1, "the order is flagged once until a readable status arrives")
        #expect(s.server.connectionCount == 1)
        orderTask.cancel()
        await s.finish()
    }

    @Test func anUnreadableErrorAboutAQuoteFlagsThatQuote() async throws {
        let s = try await Self.setUp()
        // ERR_MSG at server version 200 without advancedOrderRejectJson and errorTime.
        s.server.sendRaw(FrameEncoder.frame(Array("4\u{0}\(s.reqId)\u{0}354\u{0}Requested market data is not subscribed.\u{0}".utf8)))
        try await waitUntil("the quote is flagged") { !Self.unreadableNotices(s.quotes.events).isEmpty }
        let flag = try #require(Self.unreadableNotices(s.quotes.events).first)
        #expect(flag.unreadable?.subject == .noticeTarget(s.reqId))
        #expect(flag.message == "IB sent a notice message (ERR_MSG) that ibterm could not read; AAPL's quote may be incomplete until its next readable tick")
        try await s.goodTick(600, after: "the unreadable ERR_MSG")
        #expect(await s.client.skippedMessageCount == 1)
        #expect(s.server.connectionCount == 1)
        await s.finish()
    }
}
