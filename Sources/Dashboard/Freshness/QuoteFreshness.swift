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
    /// For a delayed quote, how far it lies behind when the line reports its trades' times (IB's
    /// delayed last-trade time against the moment it was read); `nil` when not reported.
    public var delay: Duration?

    /// Creates a freshness value.
    public init(state: Freshness, age: Duration? = nil, reasonCode: Int? = nil, hasMissingFields: Bool = false) {
        self.state = state
        self.age = age
        self.reasonCode = reasonCode
        self.hasMissingFields = hasMissingFields
    }

    /// The same freshness with its age multiplied by `factor`: a replay played `factor` times
    /// faster shows an age in recorded time (`stale 40 s` for 4 s of this machine at ×10).
    public func ageScaled(by factor: Double) -> QuoteFreshness {
        guard factor != 1, factor.isFinite, factor > 0, let age else { return self }
        var scaled = self
        let nanoseconds = Double(age.components.seconds) * 1e9 + Double(age.components.attoseconds) / 1e9
        scaled.age = .nanoseconds(Int64((nanoseconds * factor).rounded()))
        return scaled
    }

    /// The short label for a quote row: `live`, `aging 3 s`, `stale 47 s`, `delayed 15 min`
    /// (`delayed` while the delay is not reported), `disconnected 12 s`, `no entitlement`,
    /// `no data`.
    public var label: String {
        switch state {
        case .aging, .stale, .disconnected:
            guard let age else { return state.word }
            return "\(state.word) \(AgeFormatter.format(age))"
        case .delayed:
            guard let minutes = delayMinutes else { return state.word }
            return "\(state.word) \(minutes) min"
        default:
            return state.word
        }
    }

    /// The whole minutes of ``delay`` a delayed quote shows, `nil` when not delayed or not reported.
    public var delayMinutes: Int64? {
        guard state == .delayed, let delay else { return nil }
        return max(0, delay.components.seconds) / 60
    }
}
