import Foundation
import Logging
import PaperGateway
import PortalAPI
import PortalClient
import PortalServer
import Synchronization
import Testing

@testable import ibterm

/// The dashboard failover's reader over a real Client Portal: ``PortalClientReader`` on
/// ``PortalClient`` against the paper gateway's portal, in process.
@Suite struct PortalClientReaderTests {
    @Test func readsPlacesThroughAQuestionAndCancels() async throws {
        var quiet = Logger(label: "ibterm.portal.reader.test")
        quiet.logLevel = .error
        let gateway = try await PaperGatewayServer.start(configuration: GatewayConfiguration(port: 0, logger: quiet))
        let portal = try await PortalServer.start(configuration: PortalServerConfiguration(port: 0, logger: quiet), backend: gateway.portalBackend)
        let client = try PortalClient(address: PortalAddress(host: "127.0.0.1", port: portal.port), rateLimitPatience: .seconds(6))
        let reader = PortalClientReader(client: client)
        do {
            #expect(reader.address == "https://127.0.0.1:\(portal.port)")
            let account = try await reader.selectedAccount()
            #expect(account == gateway.portalBackend.accountId)
            let conid = try #require(try await reader.conid(symbol: "aapl"))
            let snapshot = try #require(try await reader.snapshots(conids: [conid]).first)
            let ask = try #require(snapshot[PortalMarketFields.ask].flatMap(Double.init))

            // 10 % under the market: IB's o163 question, answered yes.
            let asked = Mutex<[String]>([])
            let ticket = PortalOrderTicket(conid: conid, orderType: "LMT", price: (ask * 0.9 * 100).rounded() / 100, side: "BUY", tif: "DAY", quantity: 1)
            let placed = try await reader.place(ticket, account: account) { question in
                asked.withLock { $0 += question.messageIds }
                return true
            }
            guard case let .placed(orderId, _) = placed else { Issue.record("not placed: \(placed)"); throw CancellationError() }
            #expect(asked.withLock { $0 } == ["o163"])
            #expect(try await reader.liveOrders().orders.contains { $0.orderId == orderId })
            try await reader.cancel(orderId: orderId, account: account)

            let declined = try await reader.place(ticket, account: account) { _ in false }
            #expect(declined == .notPlaced("question o163 answered no"))
            var unknown = ticket
            unknown.conid = 1
            guard case .notPlaced = try await reader.place(unknown, account: account, ask: { _ in true }) else {
                Issue.record("an unknown contract was placed")
                throw CancellationError()
            }
        } catch {
            await client.shutdown()
            await portal.stop()
            try? await gateway.stop()
            if !(error is CancellationError) { throw error }
            return
        }
        await client.shutdown()
        await portal.stop()
        try await gateway.stop()
    }
}
