import PortalAPI
import PortalClient

/// ``PortalClient`` as the dashboard's failover reads the Client Portal (``PortalReader``).
struct PortalClientReader: PortalReader {
    let client: PortalClient

    var address: String { client.address.origin }

    func keepAlive() async throws {
        let tickle = try await client.tickle()
        guard !tickle.iserver.authStatus.authenticated else { return }
        _ = try await client.reauthenticate()
        guard try await client.authStatus().authenticated else {
            throw PortalClientError.unauthorized(message: "the brokerage session is not authenticated, and reauthenticating did not help; log in through the gateway's web page")
        }
    }

    func selectedAccount() async throws -> String {
        let accounts = try await client.iserverAccounts()
        guard let account = accounts.selectedAccount.isEmpty ? accounts.accounts.first : accounts.selectedAccount else {
            throw PortalClientError.http(status: 200, message: "the session lists no account")
        }
        return account
    }

    func positions(account: String) async throws -> [PortalPosition] { try await client.positions(account: account) }

    func summary(account: String) async throws -> PortalAccountSummary { try await client.summary(account: account) }

    func liveOrders() async throws -> LiveOrders { try await client.liveOrders() }

    func conid(symbol: String) async throws -> Int? {
        let found = try await client.search(symbol, secType: "STK")
        return found.first { $0.symbol.uppercased() == symbol.uppercased() }.flatMap { Int($0.conid) }
    }

    func snapshots(conids: [Int]) async throws -> [MarketDataSnapshot] { try await client.snapshot(conids: conids) }

    func place(_ ticket: PortalOrderTicket, account: String, ask: @escaping @Sendable (OrderReplyQuestion) async -> Bool) async throws -> PortalPlacement {
        let outcome: PortalOrderOutcome
        do {
            outcome = try await client.place([ticket], account: account, answer: ask)
        } catch {
            switch error {
            case let .orderNotPlaced(message): return .notPlaced(message)
            case let .http(status, message) where (400..<500).contains(status): return .notPlaced(message)
            default: throw error
            }
        }
        switch outcome {
        case let .declined(question):
            return .notPlaced("question \(question.messageIds.joined(separator: ", ")) answered no")
        case let .placed(acknowledgements, _):
            guard let first = acknowledgements.first, let orderId = Int(first.order_id) else {
                return .notPlaced("the portal named no order id")
            }
            return .placed(orderId: orderId, status: first.order_status)
        }
    }

    func cancel(orderId: Int, account: String) async throws {
        _ = try await client.cancel(orderId: orderId, account: account)
    }
}
