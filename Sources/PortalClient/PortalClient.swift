import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import PortalAPI

/// A client of IB's Client Portal Web API (the REST API of IB's CP Gateway, and of the paper
/// gateway's portal, `ibterm engine`): every request over AsyncHTTPClient, answers decoded as
/// PortalAPI's models, failures as ``PortalClientError``.
///
/// Trust: IB's CP Gateway serves a **self-signed** certificate on localhost, and so does the
/// paper gateway. Given a certificate file (PEM; the paper gateway keeps it beside its ledger as
/// `LEDGER.portal-cert.pem`), the client trusts that certificate as its root and checks the
/// host name against it. Without one, it accepts the gateway's self-signed certificate only
/// on this machine (`localhost`, `127.x.x.x`, `::1`), where nothing travels over a network;
/// any other host without a certificate file is refused (``PortalClientError/untrusted(host:reason:)``).
///
/// Every request has a time limit (``timeout``). Call ``shutdown()`` when done.
///
/// ```swift
/// let portal = try PortalClient(address: PortalAddress.parse("https://127.0.0.1:5000"))
/// defer { Task { await portal.shutdown() } }
/// let account = try await portal.iserverAccounts().selectedAccount
/// let positions = try await portal.positions(account: account)
/// ```
public final class PortalClient: Sendable {
    /// Where the gateway answers.
    public let address: PortalAddress
    /// The longest wait for one request's answer.
    public let timeout: Duration
    /// How long the client may wait out 429s for one request, in all (zero: a 429 is thrown
    /// at once as ``PortalClientError/rateLimited(retryAfter:message:)``).
    public let rateLimitPatience: Duration
    /// The most order questions answered in a row for one order before giving up.
    public static let maximumQuestions = 16
    /// The largest answer read (a page of positions is well below).
    static let maximumBody = 16 << 20

    let http: HTTPClient
    let logger: Logger

    /// A client of the gateway at `address`.
    ///
    /// - Parameters:
    ///   - certificatePath: a PEM file with the gateway's certificate, trusted as a root; without
    ///     it, only a loopback host is accepted (its self-signed certificate unchecked).
    ///   - timeout: the longest wait for one request (connecting, sending and the answer).
    ///   - rateLimitPatience: how long 429s may be waited out for one request, in all (IB
    ///     allows 10 requests a second, and some endpoints once per 5 s); zero throws them.
    /// - Throws: ``PortalClientError/untrusted(host:reason:)`` for a non-loopback host without a
    ///   certificate file, or a file that holds no certificate.
    public init(
        address: PortalAddress, certificatePath: String? = nil, timeout: Duration = .seconds(10), rateLimitPatience: Duration = .zero,
        logger: Logger = Logger(label: "ibterm.portal.client")
    ) throws(PortalClientError) {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let certificatePath {
            do {
                let certificates = try NIOSSLCertificate.fromPEMFile(certificatePath)
                guard !certificates.isEmpty else { throw PortalClientError.untrusted(host: address.host, reason: "\(certificatePath) holds no PEM certificate") }
                tls.trustRoots = .certificates(certificates)
            } catch let error as PortalClientError {
                throw error
            } catch {
                throw .untrusted(host: address.host, reason: "cannot read the certificate file \(certificatePath): \(error)")
            }
        } else if address.isLoopback {
            // IB's CP Gateway (and the paper gateway) are self-signed on localhost.
            tls.certificateVerification = .none
        } else {
            throw .untrusted(
                host: address.host,
                reason: "\(address.host) is not this machine, and no certificate was given to check it against; pass the gateway's certificate (PEM) with --portal-cert (a self-signed certificate is accepted without one only on localhost)")
        }
        let amount = TimeAmount.nanoseconds(Self.nanoseconds(timeout))
        var configuration = HTTPClient.Configuration()
        configuration.tlsConfiguration = tls
        configuration.redirectConfiguration = .disallow
        configuration.timeout = HTTPClient.Configuration.Timeout(connect: amount, read: amount)
        configuration.httpVersion = .http1Only
        // A refused connection is reported at once rather than retried until the deadline:
        // a portal that is not running should be said so, not waited for.
        configuration.connectionPool.retryConnectionEstablishment = false
        self.address = address
        self.timeout = timeout
        self.rateLimitPatience = rateLimitPatience
        self.logger = logger
        http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration, backgroundActivityLogger: logger)
    }

    /// Closes the connections. Call it once, when done with the client.
    public func shutdown() async {
        try? await http.shutdown()
    }

    // MARK: Requests

    /// `GET` (or another method) of `path` under `/v1/api`, with `query`, decoded as `T`.
    func send<T: Decodable>(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: Data? = nil, as type: T.Type
    ) async throws(PortalClientError) -> T {
        let (status, data) = try await exchange(method, path, query: query, body: body)
        return try decode(T.self, from: data, path: path, status: status)
    }

    /// One request and its answer's status and body; any status but 2xx is thrown as its
    /// ``PortalClientError``. A 429 is asked again after the wait it names while the waits add
    /// up to at most ``rateLimitPatience`` (a request answered 429 was not carried out).
    func exchange(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: Data? = nil
    ) async throws(PortalClientError) -> (status: Int, body: Data) {
        var waited = Duration.zero
        while true {
            let failure: PortalClientError
            do {
                return try await exchangeOnce(method, path, query: query, body: body)
            } catch {
                failure = error
            }
            guard case let .rateLimited(retryAfter, _) = failure, waited + retryAfter <= rateLimitPatience else { throw failure }
            waited += retryAfter
            logger.debug("portal \(method.rawValue) \(path): 429, asking again in \(retryAfter)")
            do { try await Task.sleep(for: retryAfter) } catch { throw failure }
        }
    }

    private func exchangeOnce(
        _ method: HTTPMethod, _ path: String, query: [(String, String)], body: Data?
    ) async throws(PortalClientError) -> (status: Int, body: Data) {
        var url = address.apiBase + path
        if !query.isEmpty {
            url += "?" + query.map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }.joined(separator: "&")
        }
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "ibterm")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let deadline = NIODeadline.now() + .nanoseconds(Self.nanoseconds(timeout))
        let status: Int, data: Data, retryAfter: String?
        do {
            let response = try await http.execute(request, deadline: deadline, logger: logger)
            status = Int(response.status.code)
            retryAfter = response.headers.first(name: "Retry-After")
            let buffer = try await response.body.collect(upTo: Self.maximumBody)
            data = Data(buffer.readableBytesView)
        } catch {
            throw classify(error, method: method, path: path)
        }
        logger.debug("portal \(method.rawValue) \(path): \(status)")
        guard (200..<300).contains(status) else {
            let message = Self.errorText(data, status: status)
            switch status {
            case 401: throw .unauthorized(message: message)
            case 429:
                let seconds = retryAfter.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } ?? 1
                throw .rateLimited(retryAfter: .milliseconds(Int64(max(0, seconds) * 1000)), message: message)
            default: throw .http(status: status, message: message)
            }
        }
        return (status, data)
    }

    /// The answer decoded as `T`; an `{"error": …}` object instead is thrown as what it says.
    func decode<T: Decodable>(_ type: T.Type, from data: Data, path: String, status: Int) throws(PortalClientError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            if let answer = try? JSONDecoder().decode(PortalErrorAnswer.self, from: data) {
                throw .http(status: answer.statusCode ?? status, message: answer.error)
            }
            throw .undecodable(path: path, reason: Self.describe(error))
        }
    }

    /// A transport failure as the client's error: refused or unreachable, timed out.
    private func classify(_ error: any Error, method: HTTPMethod, path: String) -> PortalClientError {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return .timedOut(path: "\(method.rawValue) \(path)", after: timeout)
            case .connectTimeout, .tlsHandshakeTimeout, .remoteConnectionClosed:
                return .unreachable(url: address.origin, reason: "\(error)")
            case .invalidURL, .emptyHost:
                return .invalidAddress(address.origin, reason: "\(error)")
            default:
                return .unreachable(url: address.origin, reason: "\(error)")
            }
        }
        if let error = error as? NIOConnectionError {
            let reason = error.connectionErrors.first.map { "\($0.error)" } ?? "\(error)"
            return .unreachable(url: address.origin, reason: Self.plain(reason))
        }
        if let error = error as? IOError {
            return .unreachable(url: address.origin, reason: Self.plain("\(error)"))
        }
        if let error = error as? NIOSSLError {
            return .unreachable(url: address.origin, reason: "TLS failed: \(error)")
        }
        if error is CancellationError {
            return .timedOut(path: "\(method.rawValue) \(path)", after: timeout)
        }
        return .unreachable(url: address.origin, reason: Self.plain("\(error)"))
    }

    /// `connection refused` rather than NIO's `connect(descriptor:addr:size:): Connection refused (errno: 111)`.
    static func plain(_ text: String) -> String {
        if text.localizedCaseInsensitiveContains("refused") { return "connection refused" }
        if text.localizedCaseInsensitiveContains("unreachable") { return "network unreachable" }
        return text
    }

    /// IB's error text: the `error` of `{"error": …}`, else the body as text, else the status.
    static func errorText(_ data: Data, status: Int) -> String {
        if let answer = try? JSONDecoder().decode(PortalErrorAnswer.self, from: data) { return answer.error }
        let text = String(decoding: data.prefix(500), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "status \(status)" : text
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case let .keyNotFound(key, context): return "missing \"\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))\""
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            return (context.codingPath.map(\.stringValue).joined(separator: ".") + " " + context.debugDescription).trimmingCharacters(in: .whitespaces)
        @unknown default: return "\(error)"
        }
    }

    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~,")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    /// `value` as a JSON request body.
    static func json(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }
}
