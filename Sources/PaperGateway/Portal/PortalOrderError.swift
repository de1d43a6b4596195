/// Why the paper gateway's Client Portal side did not carry out an order request; its
/// ``message`` is what the portal answers in `{"error": …}`.
public struct PortalOrderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure: the server picks the HTTP status from it.
    public enum Kind: Sendable, Equatable {
        /// The request cannot be read as an order (400).
        case invalid
        /// No such order or contract (404 for an order, 400 for a contract, as IB).
        case notFound
        /// The exchange refused the order (200 with the error, as IB answers a rejection).
        case rejected
    }

    /// The kind.
    public var kind: Kind
    /// The words the portal answers.
    public var message: String

    /// An error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
