import NIOCore

/// A range of client addresses allowed to connect (IB's "trusted IPs"): an IPv4 or IPv6
/// address with an optional prefix length, `10.0.0.0/8`, `192.168.1.20`, `fd00::/8`.
public struct ClientAddressRange: Sendable, Hashable, CustomStringConvertible {
    /// Why a range does not read.
    public struct Invalid: Error, CustomStringConvertible {
        /// The text that did not read.
        public var text: String
        public var description: String {
            "'\(text)' is not an address range; write an IPv4 or IPv6 address with an optional prefix length, e.g. 10.0.0.0/8 or 192.168.1.20"
        }
    }

    private let network: [UInt8]
    private let prefixLength: Int
    public let description: String

    /// Reads `address[/prefix]`.
    public init(_ text: String) throws(Invalid) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let bytes = Self.bytes(of: String(parts[0])) else { throw Invalid(text: text) }
        let length = parts.count == 2 ? Int(parts[1]) : bytes.count * 8
        guard let length, (0...bytes.count * 8).contains(length) else { throw Invalid(text: text) }
        network = bytes
        prefixLength = length
        description = text
    }

    /// Reads a comma-separated list (`--allow 10.0.0.0/8,192.168.1.20`).
    public static func list(_ text: String) throws(Invalid) -> [ClientAddressRange] {
        var ranges: [ClientAddressRange] = []
        for part in text.split(separator: ",") where !part.trimmingSpaces.isEmpty {
            ranges.append(try ClientAddressRange(part.trimmingSpaces))
        }
        return ranges
    }

    /// Whether `address` lies in the range (an IPv4 address never matches an IPv6 range).
    public func contains(_ address: SocketAddress) -> Bool {
        guard let ip = address.ipAddress, let bytes = Self.bytes(of: ip), bytes.count == network.count else { return false }
        var remaining = prefixLength
        for (a, b) in zip(bytes, network) where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if a & mask != b & mask { return false }
            remaining -= bits
        }
        return true
    }

    /// Whether `host` names only this machine (no allow-list needed to bind it).
    public static func isLoopback(host: String) -> Bool {
        let lowered = host.lowercased()
        return lowered == "localhost" || lowered == "::1" || lowered.hasPrefix("127.")
    }

    /// The address's bytes (4 or 16), read by NIO's parser.
    private static func bytes(of text: String) -> [UInt8]? {
        guard let address = try? SocketAddress(ipAddress: text, port: 0) else { return nil }
        switch address {
        case let .v4(v4):
            return withUnsafeBytes(of: v4.address.sin_addr) { Array($0) }
        case let .v6(v6):
            return withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
        default:
            return nil
        }
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
