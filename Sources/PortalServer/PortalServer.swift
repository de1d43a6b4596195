import Hummingbird
import HummingbirdTLS
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOSSL
import PaperGateway
import PortalAPI
import ServiceLifecycle
import Synchronization

/// The paper gateway's Client Portal Web API: HTTPS on loopback with the certificate kept
/// beside the ledger, IB's paths under `/v1/api`, answered from the same market, ledger and
/// order ids as the socket API (``PortalBackend``), under IB's session, rate-limit,
/// pre-flight and order-question rules.
///
/// ```swift
/// let gateway = try await PaperGatewayServer.start(configuration: GatewayConfiguration(port: 0))
/// let portal = try await PortalServer.start(configuration: PortalServerConfiguration(port: 0), backend: gateway.portalBackend)
/// print("https://127.0.0.1:\(portal.port)/v1/api")
/// await portal.stop()
/// ```
public final class PortalServer: Sendable {
    /// The address it listens on.
    public let host: String
    /// The port it listens on (the one the system picked when asked for 0).
    public let port: Int
    /// Its certificate.
    public let certificate: PortalCertificate
    /// Whether the certificate was made at this start (rather than read from beside the ledger).
    public let certificateCreated: Bool

    private let responder: PortalResponder
    private let stream: PortalStream
    private let tls: TLSConfiguration
    private let logger: Logger
    private let faults: PortalFaults
    private let state: PortalState
    private let running: Mutex<Listening?>

    /// A running application: its service group (to shut it down gracefully: the listener
    /// closes at once, open connections are closed as they go idle) and the task running it.
    private struct Listening: Sendable {
        let group: ServiceGroup
        let task: Task<Void, Never>

        func stop() async {
            await group.triggerGracefulShutdown()
            await task.value
        }
    }

    private init(
        host: String, port: Int, certificate: PortalCertificate, created: Bool, responder: PortalResponder, stream: PortalStream, tls: TLSConfiguration,
        logger: Logger, faults: PortalFaults, state: PortalState, running: Listening
    ) {
        self.host = host
        self.port = port
        self.certificate = certificate
        certificateCreated = created
        self.responder = responder
        self.stream = stream
        self.tls = tls
        self.logger = logger
        self.faults = faults
        self.state = state
        self.running = Mutex(running)
    }

    /// Makes or reads the certificate, binds and starts answering.
    public static func start(configuration: PortalServerConfiguration, backend: PortalBackend) async throws -> PortalServer {
        let (certificate, created) = try PortalCertificate.loadOrCreate(ledgerPath: configuration.ledgerPath)
        let tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(certificate.certificatePEM.utf8)).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(certificate.privateKeyPEM.utf8), format: .pem)))
        let faults = PortalFaults()
        let state = PortalState(configuration: configuration, replyIDPrefix: String(UInt32.random(in: 0...UInt32.max), radix: 16))
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: PortalGuard<BasicRequestContext>(state: state, faults: faults, logger: configuration.logger))
        PortalRoutes(backend: backend, state: state, logger: configuration.logger).register(on: router)
        let responder = PortalResponder(responder: router.buildResponder())
        let stream = PortalStream(backend: backend, state: state, faults: faults, logger: configuration.logger)
        let (task, port) = try await listen(
            host: configuration.host, port: configuration.port, responder: responder, stream: stream, tls: tls, logger: configuration.logger)
        configuration.logger.info("client portal listening on https://\(configuration.host):\(port)/v1/api (certificate \(certificate.certificatePath ?? "for this run only")\(created ? ", made now" : ""))")
        let server = PortalServer(
            host: configuration.host, port: port, certificate: certificate, created: created, responder: responder, stream: stream, tls: tls,
            logger: configuration.logger, faults: faults, state: state, running: task)
        backend.observePortalFaults { fault in
            Task { await server.apply(fault) }
        }
        return server
    }

    /// Stops answering and closes the listening socket.
    public func stop() async {
        let listening = running.withLock { running in
            defer { running = nil }
            return running
        }
        await listening?.stop()
    }

    /// Carries out a REST fault now (as a scenario does).
    public func apply(_ fault: PortalFault) async {
        logger.info("portal fault: \(fault)")
        switch fault {
        case .down:
            // The listener closes at once; a connection still open is answered 503 and closed
            // by the guard.
            faults.down = true
            await stop()
        case .up:
            faults.down = false
            guard running.withLock({ $0 == nil }) else { return }
            do {
                let (listening, _) = try await Self.listen(host: host, port: port, responder: responder, stream: stream, tls: tls, logger: logger)
                running.withLock { $0 = listening }
            } catch {
                logger.error("portal: cannot listen again on \(host):\(port): \(error)")
            }
        case let .slow(milliseconds):
            faults.delay = .milliseconds(milliseconds)
        case .sessionExpired:
            await state.expireSession()
        case .competingSession:
            await state.startCompetingSession()
        }
    }

    /// Runs an application on `port` until its task is cancelled; returns once it listens.
    private static func listen(
        host: String, port: Int, responder: PortalResponder, stream: PortalStream, tls: TLSConfiguration, logger: Logger
    ) async throws -> (Listening, Int) {
        let (events, continuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        var quiet = logger
        quiet.logLevel = max(logger.logLevel, .warning)
        let app = Application(
            responder: responder,
            server: try .tls(
                .http1WebSocketUpgrade { request, _, _ in
                    guard request.path?.split(separator: "?").first == "/v1/api/ws" else { return .dontUpgrade }
                    return .upgrade([:]) { inbound, outbound, _ in
                        try await stream.run(inbound: inbound, outbound: outbound)
                    }
                },
                tlsConfiguration: tls),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in continuation.yield(.success(channel.localAddress?.port ?? port)) },
            logger: quiet)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [app], logger: quiet))
        let task = Task {
            do {
                try await group.run()
            } catch {
                continuation.yield(.failure(error))
            }
            continuation.finish()
        }
        for await event in events {
            switch event {
            case let .success(bound): return (Listening(group: group, task: task), bound)
            case let .failure(error): throw error
            }
        }
        throw PortalServerError(message: "the portal stopped before it listened on \(host):\(port)")
    }
}

/// The router's responder, named so the server can keep it between listens.
struct PortalResponder: HTTPResponder {
    let responder: RouterResponder<BasicRequestContext>

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        try await responder.respond(to: request, context: context)
    }
}

/// A failure to start the portal.
public struct PortalServerError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// The message.
    public var description: String { message }
}
