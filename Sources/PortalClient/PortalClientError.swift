import Foundation

/// Why a Client Portal request failed, in words a trader can act on (``description``).
public enum PortalClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The address is not `https://HOST:PORT`.
    case invalidAddress(String, reason: String)
    /// The client cannot trust the gateway: a host other than this machine without a
    /// certificate file, or a certificate file that cannot be read.
    case untrusted(host: String, reason: String)
    /// Nothing answers at the address (connection refused, no route, TLS failure).
    case unreachable(url: String, reason: String)
    /// No answer within the request's time limit.
    case timedOut(path: String, after: Duration)
    /// 401: the brokerage session is not authenticated (expired, competing, logged out);
    /// IB's words.
    case unauthorized(message: String)
    /// 429: too many requests; the gateway asks to wait `retryAfter` (its `Retry-After`, 1 s
    /// when it gave none).
    case rateLimited(retryAfter: Duration, message: String)
    /// Any other failing status, with IB's error text.
    case http(status: Int, message: String)
    /// An answer that is not the JSON IB documents for the endpoint.
    case undecodable(path: String, reason: String)
    /// An order (or modification) the gateway did not place, with IB's words (IB answers some
    /// rejections with status 200 and `{"error": …}`).
    case orderNotPlaced(message: String)
    /// More order questions in a row than the client answers (``PortalClient/maximumQuestions``).
    case tooManyQuestions(Int)

    /// The failure in one sentence.
    public var description: String {
        switch self {
        case let .invalidAddress(text, reason):
            "\(text) is not a Client Portal address: \(reason)"
        case let .untrusted(host, reason):
            "cannot trust the Client Portal at \(host): \(reason)"
        case let .unreachable(url, reason):
            "the Client Portal at \(url) is not answering (\(reason)); is the gateway running (IB's CP Gateway, or `ibterm engine`, whose portal is on by default)?"
        case let .timedOut(path, after):
            "the Client Portal did not answer \(path) within \(Self.seconds(after)) s"
        case let .unauthorized(message):
            "the Client Portal refused the request (401, not authenticated): \(message)"
        case let .rateLimited(retryAfter, message):
            "the Client Portal is rate limiting (429): \(message.isEmpty ? "too many requests" : message) (retry after \(Self.seconds(retryAfter)) s)"
        case let .http(status, message):
            "the Client Portal answered \(status): \(message)"
        case let .undecodable(path, reason):
            "the Client Portal's answer to \(path) is not what IB documents: \(reason)"
        case let .orderNotPlaced(message):
            "the Client Portal did not place the order: \(message)"
        case let .tooManyQuestions(count):
            "the Client Portal asked \(count) questions in a row about one order; it was not placed"
        }
    }

    private static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
