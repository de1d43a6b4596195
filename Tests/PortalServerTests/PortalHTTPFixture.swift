import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import PaperExchange
import PaperGateway
import PortalAPI
import PortalServer
import Vocabulary

/// A paper gateway with its Client Portal on ephemeral loopback ports (a manual clock, no
/// timer), and an HTTPS client that trusts the portal's certificate.
struct PortalHTTPFixture {
    static let start = Timestamp(secondsSinceEpoch: 1_764_000_000)

    let gateway: PaperGatewayServer
    let portal: PortalServer
    let clock: ManualGatewayClock
    let http: HTTPClient

    /// A fixture; `limits` nil lifts the rate limits out of the way (tests of them pass IB's).
    static func make(
        ledgerPath: String? = nil, limits: PortalRateLimiter? = nil, configure: (inout PortalServerConfiguration) -> Void = { _ in }
    ) async throws -> PortalHTTPFixture {
        let clock = ManualGatewayClock(start: start)
        var logger = Logger(label: "ibterm.portal.test")
        logger.logLevel = .error
        let gateway = try await PaperGatewayServer.start(configuration: GatewayConfiguration(
            port: 0, seed: 7, statePath: ledgerPath, fresh: false, tickIntervalMilliseconds: nil, clock: clock, logger: logger))
        var configuration = PortalServerConfiguration(
            port: 0, ledgerPath: ledgerPath,
            rateLimiter: limits ?? PortalRateLimiter(global: .init(10_000, per: .seconds(1)), endpoints: [:]), logger: logger)
        configure(&configuration)
        let portal = try await PortalServer.start(configuration: configuration, backend: gateway.portalBackend)
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(portal.certificate.certificatePEM.utf8)))
        var httpConfiguration = HTTPClient.Configuration(tlsConfiguration: tls)
        httpConfiguration.timeout = .init(connect: .seconds(10), read: .seconds(30))
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
        return PortalHTTPFixture(gateway: gateway, portal: portal, clock: clock, http: http)
    }

    func stop() async {
        try? await http.shutdown()
        await portal.stop()
        try? await gateway.stop()
    }

    /// An answer: status, headers, body.
    struct Answer {
        var status: Int
        var headers: HTTPHeaders
        var body: Data

        func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONDecoder().decode(T.self, from: body) }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    func request(_ method: HTTPMethod, _ path: String, json: String? = nil) async throws -> Answer {
        var request = HTTPClientRequest(url: "https://127.0.0.1:\(portal.port)/v1/api\(path)")
        request.method = method
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await http.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 4 << 20)
        return Answer(status: Int(response.status.code), headers: response.headers, body: Data(body.readableBytesView))
    }

    /// Whether the portal's port takes a TCP connection now.
    func accepts() async -> Bool {
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: "127.0.0.1", port: portal.port).get()
            try? await channel.close()
            return true
        } catch {
            return false
        }
    }

    func get(_ path: String) async throws -> Answer { try await request(.GET, path) }
    func post(_ path: String, _ json: String = "{}") async throws -> Answer { try await request(.POST, path, json: json) }

    static func temporaryPath(_ name: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-portal-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }
}
