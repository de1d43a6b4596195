/// An event on an account, position or P&L stream.
public enum SubscriptionEvent<Value: Sendable>: Sendable {
    /// A value (a position, an account value, a P&L update, ...).
    case value(Value)
    /// The initial download is complete (POSITION_END, ACCT_DOWNLOAD_END, ...).
    case end
    /// The gateway reported an error or warning for this subscription.
    case notice(TWSNotice)
    /// Data may be missing from here on; the stream continues.
    case gap(StreamGap)
    /// The subscription was re-sent after a gap; values flow again.
    case resumed
}

extension SubscriptionEvent: Equatable where Value: Equatable {}
