/// The stable identity of one subscriber's subscription.
///
/// A key is issued once by ``SubscriptionTable/add(_:request:ids:)`` and keeps naming the same
/// subscription across reconnects, while the request id it travels under on the wire changes
/// with every connection. Keys grow in issue order, so sorting by key gives subscription order.
public struct SubscriptionKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The key's number.
    public let rawValue: UInt64

    /// Creates a key from its number.
    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// Orders keys by issue order.
    public static func < (lhs: SubscriptionKey, rhs: SubscriptionKey) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// `sub#<number>`, for logs.
    public var description: String { "sub#\(rawValue)" }
}
