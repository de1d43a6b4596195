/// One quote subscription's event on a shared quote feed (``IBClient/makeQuoteFeed()`` in
/// TWSClient), named by the tag its subscriber chose.
public struct QuoteFeedEvent: Hashable, Sendable {
    /// The subscriber's tag for the subscription (a request id, an index).
    public var tag: Int
    /// What happened to the quote.
    public var event: QuoteEvent

    /// Creates a feed event.
    public init(tag: Int, event: QuoteEvent) {
        self.tag = tag
        self.event = event
    }
}
