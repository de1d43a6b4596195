import Foundation

/// Where a Client Portal gateway answers: `https://HOST:PORT`, the API under `/v1/api`.
///
/// IB's CP Gateway listens on `https://localhost:5000`; the paper gateway's portal on the
/// port `ibterm engine --portal-port` gives. The address may end in `/v1/api` (as the
/// gateway's log prints it) or `/`; either is read as the same base.
public struct PortalAddress: Sendable, Hashable, CustomStringConvertible {
    /// The host name or address (an IPv6 address without brackets).
    public let host: String
    /// The port.
    public let port: Int

    /// The address of `host` and `port`.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Reads `https://HOST:PORT` (optionally followed by `/v1/api` or `/`); throws
    /// ``PortalClientError/invalidAddress(_:reason:)`` with what is wrong.
    public static func parse(_ text: String) throws(PortalClientError) -> PortalAddress {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("https://") else {
            throw .invalidAddress(text, reason: "it must start with https:// (IB's Client Portal gateway speaks HTTPS only), e.g. https://127.0.0.1:5000")
        }
        var rest = Substring(trimmed.dropFirst("https://".count))
        for suffix in ["/v1/api/", "/v1/api", "/"] where rest.hasSuffix(suffix) {
            rest = rest.dropLast(suffix.count)
            break
        }
        let host: Substring, portText: Substring
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]"), rest[rest.index(after: close)...].hasPrefix(":") else {
                throw .invalidAddress(text, reason: "an IPv6 address is written [ADDRESS]:PORT")
            }
            host = rest[rest.index(after: rest.startIndex)..<close]
            portText = rest[rest.index(close, offsetBy: 2)...]
        } else {
            guard let colon = rest.lastIndex(of: ":") else {
                throw .invalidAddress(text, reason: "it must name the port, as https://HOST:PORT (IB's CP Gateway uses 5000)")
            }
            host = rest[..<colon]
            portText = rest[rest.index(after: colon)...]
        }
        guard !host.isEmpty, !host.contains("/") else { throw .invalidAddress(text, reason: "the host is missing; write https://HOST:PORT") }
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw .invalidAddress(text, reason: "the port must be a number from 1 to 65535")
        }
        return PortalAddress(host: String(host), port: port)
    }

    /// Whether the host is this machine (`localhost`, `127.x.x.x`, `::1`): the only hosts
    /// whose self-signed certificate is accepted without a certificate file.
    public var isLoopback: Bool {
        let name = host.lowercased()
        if name == "localhost" || name == "::1" || name.hasSuffix(".localhost") { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// `https://HOST:PORT` (an IPv6 host in brackets).
    public var origin: String { "https://\(host.contains(":") ? "[\(host)]" : host):\(port)" }

    /// The API's base: `https://HOST:PORT/v1/api`.
    public var apiBase: String { origin + "/v1/api" }

    /// `https://HOST:PORT`.
    public var description: String { origin }
}
