import Foundation
import Logging
import PaperGateway
import PortalAPI
import PortalClient
import PortalServer
import Synchronization
import Vocabulary

/// A paper gateway (memory ledger, manual clock, no timer) with its Client Portal on an
/// ephemeral loopback port, the portal's session and rate limits on a manual clock, and a
/// ``PortalClient`` on it.
struct PortalClientFixture {
    let gateway: PaperGatewayServer
    let gatewayClock: ManualGatewayClock
    let portal: PortalServer
    let portalClock: PortalTestClock
    let client: PortalClient

    static func make() async throws -> PortalClientFixture {
        let gatewayClock = ManualGatewayClock(start: Timestamp(secondsSinceEpoch: 1_764_000_000))
        let gateway = try await PaperGatewayServer.start(configuration: GatewayConfiguration(
            port: 0, seed: 7, tickIntervalMilliseconds: nil, clock: gatewayClock, logger: quietLogger))
        let portalClock = PortalTestClock()
        let portal = try await PortalServer.start(
            configuration: PortalServerConfiguration(port: 0, clock: { portalClock.now() }, logger: quietLogger), backend: gateway.portalBackend)
        let client = try PortalClient(address: PortalAddress(host: "127.0.0.1", port: portal.port), timeout: .seconds(10))
        return PortalClientFixture(gateway: gateway, gatewayClock: gatewayClock, portal: portal, portalClock: portalClock, client: client)
    }

    func stop() async {
        await client.shutdown()
        await portal.stop()
        try? await gateway.stop()
    }

    /// The paper account.
    var account: String { gateway.portalBackend.accountId }

    /// The conid of `symbol`, looked up over the portal.
    func conid(_ symbol: String) async throws -> Int {
        let found = try await client.search(symbol)
        guard let conid = found.first(where: { $0.symbol == symbol }).flatMap({ Int($0.conid) }) else {
            throw FixtureError("no conid for \(symbol) in \(found.map(\.symbol))")
        }
        return conid
    }

    /// Moves the gateway's market one second on.
    func tick() async throws {
        gatewayClock.advance(milliseconds: 1000)
        try await gateway.advance()
    }

    /// Moves the portal's clock past the per-endpoint limits (1 request per 5 s).
    func waitOutRateLimits() {
        portalClock.advance(.seconds(6))
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "ibterm.portal.test")
        logger.logLevel = .error
        return logger
    }
}

/// The portal's clock in a test: stands still until moved.
final class PortalTestClock: Sendable {
    private let offset = Mutex(Duration.seconds(1))

    func now() -> SessionInstant { SessionInstant(offset: offset.withLock { $0 }) }

    func advance(_ duration: Duration) { offset.withLock { $0 += duration } }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
