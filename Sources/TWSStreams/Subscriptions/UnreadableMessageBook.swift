import TWSSession

/// What the client remembers about messages it could not read: counts, and which quotes,
/// orders and messages it has already reported, so each problem is reported once rather than
/// once per message. Every set is bounded.
package struct UnreadableMessageBook: Sendable {
    /// Who a report was made to; reported again only after the key is cleared.
    package enum ReportKey: Hashable, Sendable {
        /// A quote, until its next readable tick.
        case quote(SubscriptionKey)
        /// An order, until its next readable status or open-order message.
        case order(Int)
        /// Another subscription, for the rest of the connection.
        case subscription(SubscriptionKey)
        /// A message id with no owner, for the rest of the connection.
        case message(Int)
    }

    /// The most open reports kept; past it, skips are still counted and logged.
    package static let reportLimit = 1024
    /// Skips of one message id logged in full before the log thins out to one line per
    /// ``logEvery``.
    package static let fullyLoggedPerMessageID = 10
    /// After the first few, one skip in this many is logged.
    package static let logEvery = 1000

    /// Messages skipped since the client was created.
    package private(set) var skippedCount = 0
    /// Messages skipped per message id (only known ids can be unreadable, so this stays small).
    package private(set) var skippedByMessageID: [Int: Int] = [:]
    /// Message ids whose extra trailing fields were logged.
    private var extraFieldsLogged: Set<Int> = []
    /// Open reports.
    package private(set) var reported: Set<ReportKey> = []
    /// The connection the connection-long reports belong to.
    private var connection = 0
    /// Whether a REQ_OPEN_ORDERS sent to re-read an order is unanswered.
    package var openOrdersRerequested = false

    /// An empty book.
    package init() {}

    /// Counts one skip of `messageID` and says whether to log it.
    package mutating func skipped(_ messageID: Int) -> Bool {
        skippedCount += 1
        let count = (skippedByMessageID[messageID] ?? 0) + 1
        skippedByMessageID[messageID] = count
        return count <= Self.fullyLoggedPerMessageID || count % Self.logEvery == 0
    }

    /// Whether `messageID`'s extra fields are to be logged (once per message id).
    package mutating func shouldLogExtraFields(_ messageID: Int) -> Bool {
        guard extraFieldsLogged.count < 256 else { return false }
        return extraFieldsLogged.insert(messageID).inserted
    }

    /// Forgets what belonged to an earlier connection: its reports that last a connection, and
    /// its unanswered open-orders request (whose answer will never come). Called before
    /// anything else is done about an unreadable message.
    package mutating func enter(connection: Int) {
        guard connection != self.connection else { return }
        self.connection = connection
        openOrdersRerequested = false
        reported = reported.filter {
            switch $0 {
            case .quote, .order: true
            case .subscription, .message: false
            }
        }
    }

    /// Whether to report to `key` now: true unless it was reported and not cleared since.
    package mutating func shouldReport(_ key: ReportKey) -> Bool {
        guard reported.count < Self.reportLimit else { return false }
        return reported.insert(key).inserted
    }

    /// Whether anything is flagged (checked before clearing, so the tick path costs nothing).
    package var hasReports: Bool { !reported.isEmpty }

    /// Clears a report once readable data arrived for it; returns whether it was open.
    @discardableResult
    package mutating func clear(_ key: ReportKey) -> Bool {
        reported.remove(key) != nil
    }
}
