/// Why a whole stream reply could not be read (a single bad entry is a ``BusEntryError`` in
/// its batch instead).
public enum BusReplyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Redis answered an error (`NOGROUP`, `WRONGTYPE`, …).
    case server(String)
    /// The reply is not the shape the command answers.
    case unexpectedShape(String)

    /// The problem in words.
    public var description: String {
        switch self {
        case let .server(text): "Redis refused the read: \(text)"
        case let .unexpectedShape(text): "the stream reply does not read: \(text)"
        }
    }
}
