import Foundation
import PaperGateway
import PortalAPI
import PortalClient
import PortalServer
import Synchronization
import Testing

/// ``PortalClient`` against the paper gateway's Client Portal server: the session, accounts,
/// positions, snapshots through pre-flight, orders through IB's reply flow, and the failures a
/// trader meets (429, 401, a portal that is down, an untrusted host).
@Suite("PortalClient against the paper gateway's portal")
struct PortalClientTests {
    @Test("session and accounts: authenticated, the paper account, its summary and ledger")
    func sessionAndAccounts() async throws {
        let fixture = try await PortalClientFixture.make()
        defer { Task { await fixture.stop() } }
        let client = fixture.client

        let status = try await client.authStatus()
        #expect(status.authenticated && status.connected && !status.competing)
        let tickle = try await client.tickle()
        #expect(tickle.iserver.authStatus.authenticated)

        let iserver = try await client.iserverAccounts()
        #expect(iserver.selectedAccount == fixture.account)
        #expect(iserver.accounts == [fixture.account])
        let accounts = try await client.accounts()
        #expect(accounts.map(\.accountId) == [fixture.account])

        let summary = try await client.summary(account: fixture.account)
        let netLiquidation = try #require(summary[AccountSummaryKey.netLiquidation])
        #expect(netLiquidation.amount > 0)
        let ledger = try await client.ledger(account: fixture.account)
        #expect(ledger["USD"]?.cashbalance ?? 0 > 0)
    }

    @Test("a market order fills and its position is listed, with the trade")
    func positionsAfterAFill() async throws {
        let fixture = try await PortalClientFixture.make()
        defer { Task { await fixture.stop() } }
        let client = fixture.client
        let conid = try await fixture.conid("AAPL")
        #expect(try await client.positions(account: fixture.account).isEmpty)

        let outcome = try await client.place(
            [PortalOrderTicket(conid: conid, cOID: "fill-1", orderType: "MKT", side: "BUY", tif: "DAY", quantity: 10)],
            account: fixture.account, answer: { _ in true })
        guard case let .placed(acknowledgements, _) = outcome else { Issue.record("not placed: \(outcome)"); return }
        #expect(acknowledgements.count == 1)
        try await fixture.tick()

        let positions = try await client.positions(account: fixture.account)
        let aapl = try #require(positions.first { $0.conid == conid })
        #expect(aapl.position == 10)
        #expect(aapl.avgPrice > 0)
        let trades = try await client.trades()
        #expect(trades.contains { $0.conid == conid && $0.size == 10 && $0.side == "B" })
    }

    @Test("a snapshot goes through IB's pre-flight: the first answer has no prices, the client asks again")
    func snapshotThroughPreflight() async throws {
        let fixture = try await PortalClientFixture.make()
        defer { Task { await fixture.stop() } }
        let client = fixture.client
        let msft = try await fixture.conid("MSFT")
        let aapl = try await fixture.conid("AAPL")

        // One request only: the pre-flight answer, without fields.
        let preflight = try await client.snapshot(conids: [msft], attempts: 1)
        #expect(preflight.map(\.conid) == [msft])
        #expect(preflight[0].isPreflight)

        // The client asks again until the fields stream.
        let snapshots = try await client.snapshot(conids: [aapl, msft], fields: [PortalMarketFields.bid, PortalMarketFields.ask, PortalMarketFields.availability])
        #expect(snapshots.map(\.conid) == [aapl, msft])
        for snapshot in snapshots {
            #expect(!snapshot.isPreflight)
            let bid = try #require(snapshot[PortalMarketFields.bid].flatMap(Double.init))
            let ask = try #require(snapshot[PortalMarketFields.ask].flatMap(Double.init))
            #expect(bid > 0 && ask >= bid)
            #expect(snapshot[PortalMarketFields.availability]?.hasPrefix("R") == true)
        }
        let info = try await client.contractInfo(conid: aapl)
        #expect(info.symbol == "AAPL" && info.con_id == aapl)
        let bars = try await client.history(conid: aapl, period: "1d", bar: "1h")
        #expect(!bars.data.isEmpty)
    }

    @Test("an order through a question: confirmed it is placed, then cancelled; declined it is dropped")
    func orderThroughAQuestion() async throws {
        let fixture = try await PortalClientFixture.make()
        defer { Task { await fixture.stop() } }
        let client = fixture.client
        let conid = try await fixture.conid("AAPL")
        let market = try #require(try await client.snapshot(conids: [conid]).first?[PortalMarketFields.ask].flatMap(Double.init))
        // A limit 10 % under the market: IB's o163 (price more than 3 % from the market).
        let price = (market * 0.9 * 100).rounded() / 100
        let ticket = PortalOrderTicket(conid: conid, cOID: "question-1", orderType: "LMT", price: price, side: "BUY", tif: "DAY", quantity: 5)

        let asked = Mutex<[OrderReplyQuestion]>([])
        let confirmed = try await client.place([ticket], account: fixture.account) { question in
            asked.withLock { $0.append(question) }
            return true
        }
        guard case let .placed(acknowledgements, answered) = confirmed else { Issue.record("not placed: \(confirmed)"); return }
        #expect(answered.flatMap(\.messageIds).contains("o163"))
        #expect(asked.withLock { $0 } == answered)
        let orderId = try #require(acknowledgements.first.flatMap { Int($0.order_id) })

        _ = try await client.iserverAccounts()
        let working = try await client.liveOrders()
        let order = try #require(working.orders.first { $0.orderId == orderId })
        #expect(order.side == "BUY" && order.totalSize == 5 && order.status != "Cancelled")

        let cancel = try await client.cancel(orderId: orderId, account: fixture.account)
        #expect(cancel.order_id == orderId && cancel.conid == conid)
        fixture.waitOutRateLimits()
        let after = try await client.liveOrders()
        #expect(after.orders.first { $0.orderId == orderId }?.status == "Cancelled")

        var second = ticket
        second.cOID = "question-2"
        let declined = try await client.place([second], account: fixture.account) { _ in false }
        guard case let .declined(question) = declined else { Issue.record("placed although declined: \(declined)"); return }
        #expect(question.messageIds.contains("o163"))
        fixture.waitOutRateLimits()
        let finally = try await client.liveOrders()
        #expect(finally.orders.count == after.orders.count)
    }

    @Test("a second /iserver/account/orders within 5 s is answered 429: rateLimited with Retry-After")
    func rateLimited() async throws {
        let fixture = try await PortalClientFixture.make()
        defer { Task { await fixture.stop() } }
        _ = try await fixture.client.liveOrders()
        let failure = await Self.failure { () async throws(PortalClientError) in _ = try await fixture.client.liveOrders() }
        guard case let .rateLimited(retryAfter, message) = failure else { Issue.record("not rate limited: \(String(describing: failure))"); return }
        #expect(retryAfter > .zero && retryAfter <= .seconds(5))
        #expect(message.contains("Too many requests"))
        fixture.waitOutRateLimits()
        _ = try await fixture.client.liveOrders()
    }

    @Test("an expired session answers 401 with IB's words until reauthenticated")
    func unauthorizedAfterExpiry() async throws {
        let fixture = try await PortalClientFixture.make()
        defer { Task { await fixture.stop() } }
        await fixture.portal.apply(.sessionExpired)
        let failure = await Self.failure { () async throws(PortalClientError) in _ = try await fixture.client.iserverAccounts() }
        guard case let .unauthorized(message) = failure else { Issue.record("not a 401: \(String(describing: failure))"); return }
        #expect(message.contains("reauthenticate"))
        #expect(try await fixture.client.authStatus().authenticated == false)
        _ = try await fixture.client.reauthenticate()
        #expect(try await fixture.client.iserverAccounts().selectedAccount == fixture.account)
    }

    @Test("a portal that is down is unreachable, named with its address")
    func unreachableWhenDown() async throws {
        let fixture = try await PortalClientFixture.make()
        defer { Task { await fixture.stop() } }
        _ = try await fixture.client.authStatus()
        await fixture.portal.apply(.down)
        let fresh = try PortalClient(address: fixture.client.address, timeout: .seconds(5))
        defer { Task { await fresh.shutdown() } }
        let failure = await Self.failure { () async throws(PortalClientError) in _ = try await fresh.authStatus() }
        guard case let .unreachable(url, reason) = failure else { Issue.record("not unreachable: \(String(describing: failure))"); return }
        #expect(url == "https://127.0.0.1:\(fixture.portal.port)")
        #expect(reason == "connection refused")
        #expect(failure?.description.contains("is not answering (connection refused)") == true)
    }

    @Test("trust: the gateway's certificate file is trusted, another is not, a remote host needs one")
    func trust() async throws {
        let fixture = try await PortalClientFixture.make()
        defer { Task { await fixture.stop() } }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-portal-client-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let right = directory.appendingPathComponent("right.pem").path
        try fixture.portal.certificate.certificatePEM.write(toFile: right, atomically: true, encoding: .utf8)
        for host in ["localhost", "127.0.0.1"] {
            let trusting = try PortalClient(address: PortalAddress(host: host, port: fixture.portal.port), certificatePath: right)
            let status = await Self.failure { () async throws(PortalClientError) in _ = try await trusting.authStatus() }
            #expect(status == nil, "\(host): \(String(describing: status))")
            await trusting.shutdown()
        }

        let (other, _) = try PortalCertificate.loadOrCreate(ledgerPath: nil)
        let wrong = directory.appendingPathComponent("wrong.pem").path
        try other.certificatePEM.write(toFile: wrong, atomically: true, encoding: .utf8)
        let doubting = try PortalClient(address: PortalAddress(host: "127.0.0.1", port: fixture.portal.port), certificatePath: wrong)
        let refused = await Self.failure { () async throws(PortalClientError) in _ = try await doubting.authStatus() }
        await doubting.shutdown()
        guard case let .unreachable(_, reason) = refused else { Issue.record("another certificate was trusted: \(String(describing: refused))"); return }
        #expect(reason.contains("TLS"), "\(reason)")

        #expect(throws: PortalClientError.self) { try PortalClient(address: PortalAddress(host: "gateway.example.com", port: 5000)) }
        #expect(PortalAddress(host: "127.0.0.2", port: 1).isLoopback && PortalAddress(host: "localhost", port: 1).isLoopback)
        #expect(!PortalAddress(host: "10.0.0.1", port: 1).isLoopback)
        #expect(try PortalAddress.parse("https://127.0.0.1:5000/v1/api") == PortalAddress(host: "127.0.0.1", port: 5000))
        #expect(throws: PortalClientError.self) { try PortalAddress.parse("http://127.0.0.1:5000") }
        #expect(throws: PortalClientError.self) { try PortalAddress.parse("https://127.0.0.1") }
    }

    /// The error `body` throws, `nil` when it succeeds.
    static func failure(_ body: () async throws(PortalClientError) -> Void) async -> PortalClientError? {
        do {
            try await body()
            return nil
        } catch {
            return error
        }
    }
}
