/// The freshness of one quote at one moment, with the facts behind it.
public struct QuoteFreshness: Sendable, Hashable {
    /// The state.
    public var state: Freshness
    /// Time since the last tick of data, or `nil` if none ever arrived. It keeps counting while
    /// the quote is stale or disconnected.
    public var age: Duration?
    /// The IB code behind the state, when a notice caused it (354, 10167, 1100, …).
    public var reasonCode: Int?
    /// Whether part of the quote's fields lack a subscription (10090 or 10091); the quote still
    /// streams.
    public var hasMissingFields: Bool

    /// Creates a freshness value.
    public init(state: Freshness, age: Duration? = nil, reasonCode: Int? = nil, hasMissingFields: Bool = false) {
        self.state = state
        self.age = age
        self.reasonCode = reasonCode
        self.hasMissingFields = hasMissingFields
    }

    /// The short label for a quote row: `live`, `aging 3 s`, `stale 47 s`, `delayed`,
    /// `disconnected 12 s`, `no entitlement`, `no data`.
    public var label: String {
        switch state {
        case .aging, .stale, .disconnected:
            guard let age else { return state.word }
            return "\(state.word) \(AgeFormatter.format(age))"
        default:
            return state.word
        }
    }
}
