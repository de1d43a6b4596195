/// Why a desk name was refused (``DeskKeys/init(desk:)``).
public enum DeskNameError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name is empty.
    case empty
    /// The name is longer than ``DeskKeys/maximumNameLength`` characters.
    case tooLong(String, length: Int)
    /// The name holds a character other than an ASCII letter, digit, `-` or `_`.
    case invalidCharacter(String, Character)

    /// The refusal in words, for the command line.
    public var description: String {
        switch self {
        case .empty:
            "the desk name is empty; use 1 to \(DeskKeys.maximumNameLength) letters, digits, '-' or '_'"
        case let .tooLong(name, length):
            "the desk name '\(name.prefix(40))…' has \(length) characters; at most \(DeskKeys.maximumNameLength) are allowed"
        case let .invalidCharacter(name, character):
            "the desk name '\(name)' holds '\(character)'; use only letters, digits, '-' or '_'"
        }
    }
}
