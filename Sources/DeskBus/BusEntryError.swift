/// Why one stream entry could not be read (or written). A reader reports it with the entry's
/// id and goes on with the other entries.
public enum BusEntryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The fields are not pairs.
    case oddFieldCount(Int)
    /// A required field (`v`, `kind`, `body`) is missing.
    case missingField(String)
    /// The entry was written in a format version this code does not read.
    case unsupportedVersion(String)
    /// The kind is none this code knows.
    case unknownKind(String)
    /// The body holds another kind of event than the `kind` field says.
    case kindMismatch(kind: String, body: String)
    /// The body is not JSON of the kind's shape.
    case malformedBody(kind: String, reason: String)
    /// The entry is not the `[id, [field, value, …]]` Redis sends, or a field is not text.
    case malformedEntry(String)
    /// The entry was deleted (trimmed by `MAXLEN`) while pending in a consumer group: Redis
    /// gives its id with no fields.
    case deleted
    /// The encoder refused a value (a write, not a read).
    case unencodable(kind: String, reason: String)

    /// The problem in words.
    public var description: String {
        switch self {
        case let .oddFieldCount(count): "the entry has \(count) fields and values, not pairs"
        case let .missingField(name): "the entry has no '\(name)' field"
        case let .unsupportedVersion(version): "the entry is format version '\(version.prefix(16))'; this ibterm reads version \(BusEntry.formatVersion)"
        case let .unknownKind(kind): "the entry's kind '\(kind)' is unknown"
        case let .kindMismatch(kind, body): "the entry says kind '\(kind)' but its body is '\(body)'"
        case let .malformedBody(kind, reason): "the '\(kind)' entry's body does not read: \(reason)"
        case let .malformedEntry(reason): "the entry is malformed: \(reason)"
        case .deleted: "the entry was deleted before it was read"
        case let .unencodable(kind, reason): "a '\(kind)' entry could not be encoded: \(reason)"
        }
    }
}
