import Foundation
import PaperExchange
import PaperGateway
import PortalAPI
import PortalServer
import Testing
import Vocabulary

/// The paper gateway's Client Portal over real HTTPS: IB's answers, its habits (pre-flight,
/// questions, limits, the session), and one market and ledger with the socket side.
@Suite("Client Portal server")
struct PortalServerTests {
    static let aapl = 265598

    @Test("The certificate is made at the first start and kept beside the ledger")
    func certificateKeptBesideLedger() async throws {
        let ledger = PortalHTTPFixture.temporaryPath("paper.sqlite")
        let first = try await PortalHTTPFixture.make(ledgerPath: ledger)
        let pem = first.portal.certificate.certificatePEM
        #expect(first.portal.certificateCreated)
        #expect(try await first.get("/iserver/auth/status").status == 200)
        await first.stop()
        let second = try await PortalHTTPFixture.make(ledgerPath: ledger)
        defer { Task { await second.stop() } }
        #expect(!second.portal.certificateCreated)
        #expect(second.portal.certificate.certificatePEM == pem)
        let attributes = try FileManager.default.attributesOfItem(atPath: PortalCertificate.paths(ledgerPath: ledger).key)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        // The client trusting the kept certificate still verifies the second run.
        #expect(try await second.get("/iserver/auth/status").decode(AuthStatus.self).authenticated)
    }

    @Test("The first snapshot of a conid answers without prices; the next ones carry the fields asked")
    func snapshotPreflight() async throws {
        let fixture = try await PortalHTTPFixture.make()
        defer { Task { await fixture.stop() } }
        let first = try await fixture.get("/iserver/marketdata/snapshot?conids=\(Self.aapl)&fields=31,84,86,6509").decode([MarketDataSnapshot].self)
        #expect(first.count == 1)
        #expect(first[0].isPreflight)
        #expect(first[0].conid == Self.aapl)
        let second = try await fixture.get("/iserver/marketdata/snapshot?conids=\(Self.aapl)&fields=31,84,86,6509").decode([MarketDataSnapshot].self)
        #expect(second[0][PortalMarketFields.bid] != nil)
        #expect(second[0][PortalMarketFields.ask] != nil)
        #expect(second[0][PortalMarketFields.availability] == "Rp")
        #expect(second[0].fields.keys.allSatisfy { ["31", "84", "86", "6509"].contains($0) })
        #expect(second[0].updated == PortalHTTPFixture.start.millisecondsSinceEpoch)
        let bad = try await fixture.get("/iserver/marketdata/snapshot?conids=abc")
        #expect(bad.status == 400)
        #expect(bad.text.contains("conid abc is not a number"))
    }

    @Test("An order far from the market is asked about (o163); confirmed, it works on the exchange the socket clients trade")
    func orderThroughReplyFlow() async throws {
        let fixture = try await PortalHTTPFixture.make()
        defer { Task { await fixture.stop() } }
        let account = "DU0000001"
        let asked = try await fixture.post(
            "/iserver/account/\(account)/orders",
            #"{"orders":[{"conid":265598,"orderType":"LMT","price":1,"side":"BUY","tif":"DAY","quantity":10,"cOID":"far-1"}]}"#)
        #expect(asked.status == 200)
        let questions = try asked.decode([OrderReplyQuestion].self)
        #expect(questions.first?.messageIds == ["o163"])
        #expect(try await fixture.gateway.snapshot().orders.isEmpty)
        let id = try #require(questions.first?.id)
        let placed = try await fixture.post("/iserver/reply/\(id)", #"{"confirmed":true}"#).decode([OrderAcknowledgement].self)
        let orderIdText = try #require(placed.first?.order_id)
        let orderId = try #require(Int(orderIdText))
        // The same order, on the exchange the socket side reads: client id 0, the cOID as its reference.
        let order = try #require(try await fixture.gateway.snapshot().orders.first { $0.orderId == orderId })
        #expect(order.clientId == PortalBackend.clientId)
        #expect(order.request.orderRef == "far-1")
        #expect(order.status.isWorking)
        // A reply id is good once.
        let again = try await fixture.post("/iserver/reply/\(id)", #"{"confirmed":true}"#)
        #expect(again.status == 400)
        let live = try await fixture.get("/iserver/account/orders").decode(LiveOrders.self)
        #expect(live.orders.map(\.orderId) == [orderId])
        #expect(live.orders.first?.status == "Submitted")
        #expect(live.orders.first?.orderType == "Limit")
        let cancelled = try await fixture.request(.DELETE, "/iserver/account/DU0000001/order/\(orderId)").decode(PortalCancelAnswer.self)
        #expect(cancelled.order_id == orderId)
        #expect(try await fixture.gateway.snapshot().orders.first { $0.orderId == orderId }?.status == .cancelled)
        let unknown = try await fixture.request(.DELETE, "/iserver/account/DU0000001/order/999")
        #expect(unknown.status == 404)
    }

    @Test("Declining a question drops the order; a market order fills into positions, trades and the ledger's account")
    func declinedAndFilled() async throws {
        let fixture = try await PortalHTTPFixture.make()
        defer { Task { await fixture.stop() } }
        let asked = try await fixture.post(
            "/iserver/account/DU0000001/orders", #"{"orders":[{"conid":265598,"orderType":"MKT","side":"BUY","tif":"DAY","quantity":600}]}"#)
        let question = try #require(try asked.decode([OrderReplyQuestion].self).first)
        #expect(question.messageIds == ["o383"])
        let declined = try await fixture.post("/iserver/reply/\(question.id)", #"{"confirmed":false}"#)
        #expect(declined.text.contains("not placed"))
        #expect(try await fixture.gateway.snapshot().orders.isEmpty)
        let placed = try await fixture.post(
            "/iserver/account/DU0000001/orders", #"{"orders":[{"conid":265598,"orderType":"MKT","side":"BUY","tif":"DAY","quantity":5}]}"#)
        let ack = try #require(try placed.decode([OrderAcknowledgement].self).first)
        #expect(ack.order_status == "Filled")
        let positions = try await fixture.get("/portfolio/DU0000001/positions/0").decode([PortalPosition].self)
        #expect(positions.map(\.conid) == [Self.aapl])
        #expect(positions.first?.position == 5)
        let trades = try await fixture.get("/iserver/account/trades").decode([PortalTrade].self)
        #expect(trades.map(\.size) == [5])
        #expect(trades.first?.side == "B")
        let held = try await fixture.gateway.snapshot().account.positions[Self.aapl]?.quantity
        #expect(held == 5)
        let summary = try await fixture.get("/portfolio/DU0000001/summary").decode(PortalAccountSummary.self)
        #expect(summary[AccountSummaryKey.grossPositionValue]?.amount ?? 0 > 0)
    }

    @Test("A modification is asked the same questions as a new order, then changes the working order")
    func modifyThroughReplyFlow() async throws {
        let fixture = try await PortalHTTPFixture.make()
        defer { Task { await fixture.stop() } }
        let market = try #require(try await fixture.gateway.portalBackend.marketPrice(conid: Self.aapl))
        let near = (market * 0.99 * 100).rounded() / 100
        let placed = try await fixture.post(
            "/iserver/account/DU0000001/orders",
            #"{"orders":[{"conid":265598,"orderType":"LMT","price":\#(near),"side":"BUY","tif":"DAY","quantity":10}]}"#)
        let orderIdText = try #require(try placed.decode([OrderAcknowledgement].self).first?.order_id)
        let orderId = try #require(Int(orderIdText))
        // Far from the market: o163, as for a new order; nothing changes until it is confirmed.
        let asked = try await fixture.post(
            "/iserver/account/DU0000001/order/\(orderId)",
            #"{"conid":265598,"orderType":"LMT","price":1,"side":"BUY","tif":"DAY","quantity":10}"#)
        let question = try #require(try asked.decode([OrderReplyQuestion].self).first)
        #expect(question.messageIds == ["o163"])
        #expect(try await fixture.gateway.snapshot().orders.first { $0.orderId == orderId }?.request.lmtPrice == FixedDecimal(rounding: near))
        let modified = try await fixture.post("/iserver/reply/\(question.id)", #"{"confirmed":true}"#).decode([OrderAcknowledgement].self)
        #expect(modified.first?.order_id == orderIdText)
        let order = try #require(try await fixture.gateway.snapshot().orders.first { $0.orderId == orderId })
        #expect(order.request.lmtPrice == FixedDecimal(1))
        #expect(order.status.isWorking)
        // A modification of an order that no longer works is refused in words.
        _ = try await fixture.request(.DELETE, "/iserver/account/DU0000001/order/\(orderId)")
        let late = try await fixture.post(
            "/iserver/account/DU0000001/order/\(orderId)",
            #"{"conid":265598,"orderType":"LMT","price":2,"side":"BUY","tif":"DAY","quantity":10}"#)
        #expect(late.status == 404)
        #expect(late.text.contains("no longer works"))
    }

    @Test("Bad tickets get IB-like words, not a crash", arguments: [
        (#"{"orders":[{"conid":1,"orderType":"MKT","side":"BUY","tif":"DAY","quantity":1}]}"#, "No contract with conid 1"),
        (#"{"orders":[{"conid":265598,"orderType":"LMT","side":"BUY","tif":"DAY","quantity":1}]}"#, "needs a positive price"),
        (#"{"orders":[{"conid":265598,"orderType":"MKT","side":"HOLD","tif":"DAY","quantity":1}]}"#, "side HOLD"),
        (#"{"orders":[{"conid":265598,"orderType":"MKT","side":"BUY","tif":"DAY","quantity":1.5}]}"#, "Fractional"),
        (#"{"orders":[]}"#, "orders is empty"),
        (#"not json"#, "not valid JSON"),
    ])
    func badTickets(body: String, words: String) async throws {
        let fixture = try await PortalHTTPFixture.make()
        defer { Task { await fixture.stop() } }
        let answer = try await fixture.post("/iserver/account/DU0000001/orders", body)
        #expect(answer.status == 400)
        #expect(answer.text.contains(words), "\(answer.text)")
        let other = try await fixture.post("/iserver/account/U999/orders", body)
        #expect(other.status == 404)
    }

    @Test("IB's rate limits: a second /iserver/account/orders within 5 s is answered 429 with Retry-After")
    func rateLimited() async throws {
        let fixture = try await PortalHTTPFixture.make(limits: PortalRateLimiter())
        defer { Task { await fixture.stop() } }
        #expect(try await fixture.get("/iserver/account/orders").status == 200)
        let refused = try await fixture.get("/iserver/account/orders")
        #expect(refused.status == 429)
        let retry = try #require(refused.headers.first(name: "Retry-After").flatMap(Int.init))
        #expect((1...5).contains(retry))
        #expect(refused.text.contains("Too many requests"))
        // Other endpoints are still served.
        #expect(try await fixture.get("/iserver/accounts").status == 200)
    }

    @Test("A session that expires answers 401 in words until reauthenticated; a competing session likewise")
    func sessionExpiresAndCompetes() async throws {
        let fixture = try await PortalHTTPFixture.make()
        defer { Task { await fixture.stop() } }
        #expect(try await fixture.get("/iserver/accounts").status == 200)
        try await fixture.gateway.inject(.portalSessionExpired)
        try await waitUntil { try await fixture.get("/iserver/auth/status").decode(AuthStatus.self).authenticated == false }
        let status = try await fixture.get("/iserver/auth/status").decode(AuthStatus.self)
        #expect(status.connected)
        let refused = try await fixture.get("/iserver/accounts")
        #expect(refused.status == 401)
        #expect(refused.text.contains("reauthenticate"))
        #expect(try await fixture.post("/iserver/reauthenticate").status == 200)
        #expect(try await fixture.get("/iserver/accounts").status == 200)

        try await fixture.gateway.inject(.portalCompetingSession)
        try await waitUntil { try await fixture.get("/iserver/auth/status").decode(AuthStatus.self).competing }
        let competing = try await fixture.get("/iserver/accounts")
        #expect(competing.status == 401)
        #expect(competing.text.contains("competing"))
        // Portfolio reads stay open to a competing session (read-only), as IB's.
        #expect(try await fixture.get("/portfolio/accounts").status == 200)
        #expect(try await fixture.post("/iserver/reauthenticate").status == 200)
        #expect(try await fixture.get("/iserver/accounts").status == 200)

        #expect(try await fixture.post("/logout").status == 200)
        #expect(try await fixture.get("/portfolio/accounts").status == 401)
        #expect(try await fixture.post("/iserver/auth/ssodh/init").status == 200)
        #expect(try await fixture.get("/portfolio/accounts").status == 200)
    }

    @Test("Portal down refuses connections until up; portal slow delays answers but loses none")
    func portalDownAndUp() async throws {
        let fixture = try await PortalHTTPFixture.make()
        defer { Task { await fixture.stop() } }
        try await fixture.gateway.inject(.portalDown)
        // The listener closes: a new connection is refused (AsyncHTTPClient would retry a
        // refused connection until its connect timeout, so the socket is tried directly).
        try await waitUntil { await !fixture.accepts() }
        try await fixture.gateway.inject(.portalUp)
        try await waitUntil { await fixture.accepts() }
        try await waitUntil { (try? await fixture.get("/iserver/auth/status"))?.status == 200 }
        try await fixture.gateway.inject(.portalSlow(milliseconds: 200))
        try await fixture.gateway.inject(.portalSlow(milliseconds: 0))
        #expect(try await fixture.get("/iserver/accounts").status == 200)
    }

    @Test("History answers bars of the bar size asked over the period asked")
    func history() async throws {
        let fixture = try await PortalHTTPFixture.make()
        defer { Task { await fixture.stop() } }
        let bars = try await fixture.get("/iserver/marketdata/history?conid=265598&period=2d&bar=1h").decode(PortalHistory.self)
        #expect(!bars.data.isEmpty)
        #expect(bars.barLength == 3600)
        #expect(bars.symbol == "AAPL")
        #expect(zip(bars.data, bars.data.dropFirst()).allSatisfy { $0.t < $1.t })
        let bad = try await fixture.get("/iserver/marketdata/history?conid=265598&period=9x&bar=1h")
        #expect(bad.status == 400)
        #expect(bad.text.contains("period 9x"))
    }

    /// Polls `condition` until it holds, for at most 30 s.
    private func waitUntil(_ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("condition not met within 30 s")
    }
}
