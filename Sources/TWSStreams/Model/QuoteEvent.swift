/// An event on a quote stream from ``IBClient/subscribeQuotes(_:genericTicks:)``.
public enum QuoteEvent: Hashable, Sendable {
    /// The quote after a tick or a market-data-type change.
    case update(Quote)
    /// The gateway reported an error or warning for this ticker (e.g. 354 "not subscribed",
    /// 10167 "displaying delayed data", 200 "no security definition").
    case notice(TWSNotice)
    /// Data may be missing from here on; the stream continues.
    case gap(StreamGap)
    /// The subscription was re-sent after a gap.
    case resumed
}
