import TWSSession

/// Why a stream's data may be missing for a while. Streams do not end on a gap; they resume
/// (``QuoteEvent/resumed``, ``SubscriptionEvent/resumed``) once the data flows again.
public enum StreamGap: Hashable, Sendable {
    /// The connection to the gateway was lost; the subscription is re-sent on reconnect.
    case connectionLost(LostReason)
    /// The gateway lost IB's servers (1100 or 2110); quotes are not live.
    case serverLinkDown(code: Int)
    /// The gateway reported market data lost (1101); the subscription is re-sent.
    case marketDataLost
    /// The feed stayed silent after a farm blip or 1102; the subscription is re-sent.
    case silentFeed
}
