/// Why a byte stream could not be cut into TWS frames.
public enum FramingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The 4-byte length prefix announced more than the decoder's cap allows.
    case frameTooLarge(length: UInt32, limit: Int)
    /// The stream ended inside a frame: `expected` bytes were announced, `available` arrived.
    case truncatedFrame(expected: Int, available: Int)
    /// A whole frame arrived but is not a message at all (empty, not ending with a field
    /// terminator, or without a numeric message id): its length prefix cannot be trusted, nor
    /// anything after it.
    case notAMessage(String)

    /// A description.
    public var description: String {
        switch self {
        case let .frameTooLarge(length, limit):
            return "frame length \(length) exceeds the limit of \(limit) bytes"
        case let .truncatedFrame(expected, available):
            return "stream ended inside a frame: \(available) of \(expected) bytes arrived"
        case let .notAMessage(what):
            return "the stream lost its framing: \(what)"
        }
    }
}
