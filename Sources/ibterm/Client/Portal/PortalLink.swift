import Foundation
import PortalAPI
import PortalClient

/// A one-shot command's session on IB's Client Portal: the client, the brokerage session
/// checked, and the account the session selects.
struct PortalLink {
    /// Where the portal is and which certificate to trust.
    struct Target {
        var address: PortalAddress
        var certificate: String?

        /// Reads `url`; an address that is not `https://HOST:PORT` is a ``CommandFailure``.
        init(url: String, certificate: String?) throws {
            do {
                address = try PortalAddress.parse(url)
            } catch {
                throw CommandFailure(error.description)
            }
            self.certificate = certificate
        }
    }

    let client: PortalClient
    /// The account the brokerage session selected (`/iserver/accounts`).
    let account: String
    /// Every account of the session.
    let accounts: [String]

    /// Opens the client, checks the brokerage session (`/iserver/auth/status`; an unauthenticated
    /// one is reauthenticated once, as IB advises) and reads the accounts. Failures are
    /// ``CommandFailure``s in plain words.
    static func open(_ target: Target, timeout: Duration) async throws -> PortalLink {
        let client: PortalClient
        do {
            // IB paces the portal (10 requests a second; orders and trades once per 5 s): a
            // command waits out its 429s within its time limit.
            client = try PortalClient(address: target.address, certificatePath: target.certificate, timeout: timeout, rateLimitPatience: timeout)
        } catch {
            throw CommandFailure(error.description)
        }
        do {
            let status = try await client.authStatus()
            if !status.authenticated {
                _ = try await client.reauthenticate()
                guard try await client.authStatus().authenticated else {
                    throw CommandFailure("the Client Portal at \(target.address) has no authenticated brokerage session\(status.message.map { $0.isEmpty ? "" : " (\($0))" } ?? ""); log in through the gateway's web page (https://\(target.address.host):\(target.address.port)), then try again")
                }
            }
            let accounts = try await client.iserverAccounts()
            guard !accounts.selectedAccount.isEmpty || !accounts.accounts.isEmpty else {
                throw CommandFailure("the Client Portal at \(target.address) lists no account")
            }
            return PortalLink(client: client, account: accounts.selectedAccount.isEmpty ? accounts.accounts[0] : accounts.selectedAccount, accounts: accounts.accounts)
        } catch let error as PortalClientError {
            await client.shutdown()
            throw CommandFailure(error.description)
        } catch {
            await client.shutdown()
            throw error
        }
    }

    /// Runs `body` with the link, then closes it; a ``PortalClientError`` becomes a
    /// ``CommandFailure`` in its words.
    static func with<T>(_ target: Target, timeout: Duration, _ body: (PortalLink) async throws -> T) async throws -> T {
        let link = try await open(target, timeout: timeout)
        do {
            let value = try await body(link)
            await link.client.shutdown()
            return value
        } catch let error as PortalClientError {
            await link.client.shutdown()
            throw CommandFailure(error.description)
        } catch {
            await link.client.shutdown()
            throw error
        }
    }

    /// A quantity as the tables show one: `10`, `2.5`.
    static func quantity(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
