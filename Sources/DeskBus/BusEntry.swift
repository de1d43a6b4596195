import Foundation

/// One entry of a desk's streams, as Redis stream fields: `["v", "1", "kind", <kind>, "body",
/// <JSON>]`.
///
/// The events stream holds ``event(_:)``s (kind: the event's case, `quote`, `notice`, …), the
/// heartbeat stream ``heartbeat(_:)``s, the commands stream ``command(_:)``s and the results
/// stream ``result(_:)``s. `v` is the format version (``formatVersion``); a reader refuses a
/// version or kind it does not know, entry by entry (``BusEntryError``), and goes on with the
/// rest.
public enum BusEntry: Sendable, Hashable {
    /// A gateway event the bridge forwards.
    case event(BusEvent)
    /// The bridge's heartbeat.
    case heartbeat(BusHeartbeat)
    /// A dashboard's command.
    case command(BusCommand)
    /// The bridge's answer to a command.
    case result(BusCommandReply)

    /// The format version this code writes and reads.
    public static let formatVersion = "1"
    /// The kinds that are not events.
    static let heartbeatKind = "heartbeat", commandKind = "command", resultKind = "result"

    /// The entry's `kind` field.
    public var kind: String {
        switch self {
        case let .event(event): event.kind
        case .heartbeat: Self.heartbeatKind
        case .command: Self.commandKind
        case .result: Self.resultKind
        }
    }

    /// The field/value pairs for `XADD key [MAXLEN ~ n] * <fields…>`.
    ///
    /// - Throws: ``BusEntryError/unencodable(kind:reason:)`` if the JSON encoder refuses a value.
    public func fields() throws(BusEntryError) -> [String] {
        ["v", Self.formatVersion, "kind", kind, "body", try body()]
    }

    /// The body alone (JSON), as kept in the latest-state hashes and the heartbeat key.
    public func body() throws(BusEntryError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "+Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            let data: Data
            switch self {
            case let .event(event): data = try encoder.encode(event)
            case let .heartbeat(heartbeat): data = try encoder.encode(heartbeat)
            case let .command(command): data = try encoder.encode(command)
            case let .result(reply): data = try encoder.encode(reply)
            }
            return String(decoding: data, as: UTF8.self)
        } catch {
            throw .unencodable(kind: kind, reason: "\(error)")
        }
    }

    /// Reads an entry from its field/value pairs (in any order; unknown extra fields are
    /// ignored, so a later version may add some).
    ///
    /// - Throws: ``BusEntryError`` naming what is wrong: an odd field count, a missing field,
    ///   an unsupported version, an unknown kind, or a body that does not decode as the kind.
    public init(fields: [String]) throws(BusEntryError) {
        guard fields.count.isMultiple(of: 2) else { throw .oddFieldCount(fields.count) }
        var values: [String: String] = [:]
        for index in stride(from: 0, to: fields.count, by: 2) where values[fields[index]] == nil {
            values[fields[index]] = fields[index + 1]
        }
        guard let version = values["v"] else { throw .missingField("v") }
        guard version == Self.formatVersion else { throw .unsupportedVersion(version) }
        guard let kind = values["kind"] else { throw .missingField("kind") }
        guard let body = values["body"] else { throw .missingField("body") }
        self = try Self(kind: kind, body: body)
    }

    /// Reads an entry from its kind and JSON body (a latest-state hash's value, say).
    public init(kind: String, body: String) throws(BusEntryError) {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "+Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let data = Data(body.utf8)
        func decode<Value: Decodable>(_ type: Value.Type) throws(BusEntryError) -> Value {
            do {
                return try decoder.decode(type, from: data)
            } catch {
                throw .malformedBody(kind: kind, reason: Self.describe(error))
            }
        }
        switch kind {
        case Self.heartbeatKind: self = .heartbeat(try decode(BusHeartbeat.self))
        case Self.commandKind: self = .command(try decode(BusCommand.self))
        case Self.resultKind: self = .result(try decode(BusCommandReply.self))
        case _ where BusEvent.kinds.contains(kind):
            let event = try decode(BusEvent.self)
            guard event.kind == kind else { throw .kindMismatch(kind: kind, body: event.kind) }
            self = .event(event)
        default:
            throw .unknownKind(String(kind.prefix(64)))
        }
    }

    /// A decoding error in a few words (the coding path and the problem), not Foundation's
    /// whole dump.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            return keys.isEmpty ? "the body" : keys.joined(separator: ".")
        }
        switch error {
        case let .dataCorrupted(context): return "\(path(context)): \(context.debugDescription)"
        case let .keyNotFound(key, context): return "\(path(context)): no '\(key.stringValue)'"
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
