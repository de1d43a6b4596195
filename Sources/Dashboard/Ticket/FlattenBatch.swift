/// The orders `:flatten all` would send, one per open position, each already through the
/// ticket's review, and the positions whose closing order the ticket refused.
public struct FlattenBatch: Sendable, Hashable {
    /// One position's closing order: reviewed, or refused with the reason.
    public struct Entry: Sendable, Hashable {
        /// The closing ticket (in review when it passed).
        public var ticket: OrderTicket
        /// Why the ticket refused it, if it did; a refused entry is not sent.
        public var refusal: TicketRefusal?

        /// Creates an entry.
        public init(ticket: OrderTicket, refusal: TicketRefusal? = nil) {
            self.ticket = ticket
            self.refusal = refusal
        }
    }

    /// Every open position's entry, in symbol order.
    public var entries: [Entry]

    /// Creates a batch.
    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The reviews that will be sent on confirmation.
    public var sendable: [OrderReview] {
        entries.compactMap { $0.refusal == nil ? $0.ticket.review : nil }
    }
}
