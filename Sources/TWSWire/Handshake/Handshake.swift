/// The TWS API handshake, both sides.
///
/// ```
/// client → server:  "API\0" (raw), then a frame "v157..200" (no NUL; options after a space)
/// server → client:  a frame of two fields: server version, connection time
/// client → server:  START_API (``ClientMessage/startAPI(clientId:optionalCapabilities:)``)
/// ```
public enum Handshake {
    /// The raw prefix that opens every API connection.
    public static let prefix: [UInt8] = Array("API\0".utf8)

    /// The bytes a client sends first: the prefix and its version offer.
    public static func clientHello(_ offer: VersionOffer) -> [UInt8] {
        var bytes = prefix
        FrameEncoder.appendFrame(Array(offer.text.utf8), to: &bytes)
        return bytes
    }

    /// The version a server answers to `offer`: the highest both sides speak, or `nil` when the
    /// ranges do not overlap (the server then closes the connection).
    public static func negotiate(_ offer: VersionOffer, supported: ClosedRange<Int> = ServerVersion.supported) -> Int? {
        let low = max(offer.range.lowerBound, supported.lowerBound)
        let high = min(offer.range.upperBound, supported.upperBound)
        return low <= high ? high : nil
    }
}

/// A client's version offer: `v<min>..<max>`, optionally followed by connect options.
public struct VersionOffer: Hashable, Sendable {
    /// The versions the client speaks.
    public var range: ClosedRange<Int>
    /// Connect options such as `+PACEAPI`, or empty.
    public var options: String

    /// Creates an offer.
    public init(range: ClosedRange<Int> = ServerVersion.supported, options: String = "") {
        self.range = range
        self.options = options
    }

    /// The offer as it travels: `v157..200` or `v157..200 +PACEAPI`.
    public var text: String {
        let base = "v\(range.lowerBound)..\(range.upperBound)"
        return options.isEmpty ? base : base + " " + options
    }

    /// Parses the payload of the client's version frame.
    public init(parsing payload: some Collection<UInt8>) throws(HandshakeError) {
        let text = String(decoding: payload.filter { $0 != 0 }, as: UTF8.self)
        guard text.hasPrefix("v") else { throw .malformedVersionOffer(text) }
        let body = text.dropFirst()
        let versionPart: Substring
        if let space = body.firstIndex(of: " ") {
            versionPart = body[..<space]
            options = String(body[body.index(after: space)...])
        } else {
            versionPart = body
            options = ""
        }
        let bounds = versionPart.split(separator: ".", omittingEmptySubsequences: true)
        guard (1...2).contains(bounds.count), let low = Int(bounds[0]), let high = Int(bounds[bounds.count - 1]), low <= high, low >= 0 else {
            throw .malformedVersionOffer(text)
        }
        range = low...high
    }
}

/// The server's answer to the version offer: one frame of exactly two fields.
public struct ServerHello: Hashable, Sendable {
    /// The negotiated server version; every version-dependent layout follows it.
    public var serverVersion: Int
    /// The server's clock, `yyyymmdd hh:mm:ss <zone>` (free text).
    public var connectionTime: String

    /// Creates a reply.
    public init(serverVersion: Int, connectionTime: String) {
        self.serverVersion = serverVersion
        self.connectionTime = connectionTime
    }

    /// The reply as one frame.
    public func encoded() -> [UInt8] {
        var writer = FieldWriter(style: .server)
        writer.int(serverVersion)
        writer.string(connectionTime)
        return writer.finishFrame()
    }

    /// Parses the reply's payload.
    public init(parsing payload: ArraySlice<UInt8>) throws(HandshakeError) {
        let fields = payload.split(separator: 0, omittingEmptySubsequences: false).dropLast()
        guard payload.last == 0, fields.count == 2, let version = Int(String(decoding: fields[fields.startIndex], as: UTF8.self)) else {
            throw .malformedServerHello(String(decoding: payload.prefix(64).map { $0 == 0 ? UInt8(ascii: "|") : $0 }, as: UTF8.self))
        }
        serverVersion = version
        connectionTime = String(decoding: fields[fields.startIndex + 1], as: UTF8.self)
    }
}

/// Why a handshake failed.
public enum HandshakeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The connection did not open with `API\0`.
    case missingPrefix
    /// The version offer is not `v<min>..<max>`.
    case malformedVersionOffer(String)
    /// The offered range does not overlap the versions this side speaks.
    case noCommonVersion(offered: ClosedRange<Int>, supported: ClosedRange<Int>)
    /// The server's reply is not two fields, a version and a time.
    case malformedServerHello(String)
    /// The server chose a version outside what the client offered.
    case unsupportedServerVersion(Int)

    /// A description.
    public var description: String {
        switch self {
        case .missingPrefix: "the connection did not start with the API prefix"
        case let .malformedVersionOffer(text): "malformed version offer \"\(text)\""
        case let .noCommonVersion(offered, supported): "no common version: offered \(offered), supported \(supported)"
        case let .malformedServerHello(text): "malformed handshake reply \"\(text)\""
        case let .unsupportedServerVersion(version): "the server chose version \(version), outside 157...200"
        }
    }
}
