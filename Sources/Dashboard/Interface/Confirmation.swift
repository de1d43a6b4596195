/// A question the dashboard asks before doing something it cannot undo.
public enum Confirmation: Sendable, Hashable {
    /// "Cancel all N working orders?"
    case cancelAllOrders(workingCount: Int)
    /// "Quit with N orders still working?"
    case quitWithWorkingOrders(workingCount: Int)
    /// "Send these N orders to flatten every position?" (`:flatten all`): one review listing
    /// every closing order, and the positions that cannot be closed from here with why.
    case flattenAll(FlattenBatch)
    /// "Delete the watchlist NAME and its N symbols?" (`:wl delete`).
    case deleteWatchlist(name: String, symbolCount: Int)
    /// The Client Portal asks before it takes an order (IB's order reply questions, while the
    /// portal stands in for the socket link): Enter confirms it, Esc declines it.
    case portalQuestion(PortalQuestion)

    /// The question, for the dialog.
    public var question: String {
        switch self {
        case .cancelAllOrders(let count):
            "Cancel all \(count) working order\(count == 1 ? "" : "s")? (Enter: yes, Esc: no)"
        case .quitWithWorkingOrders(let count):
            "\(count) order\(count == 1 ? " is" : "s are") still working and will keep working at IB after ibterm quits. Quit anyway? (Enter: yes, Esc: no)"
        case .flattenAll(let batch):
            "Send \(batch.sendable.count) order\(batch.sendable.count == 1 ? "" : "s") to flatten every position? (Enter: yes, Esc: no)"
        case let .deleteWatchlist(name, count):
            "Delete the watchlist \(name) and its \(count) symbol\(count == 1 ? "" : "s")? (Enter: yes, Esc: no)"
        case let .portalQuestion(question):
            "The Client Portal asks about order \(question.orderID) (\(question.messageID)): \(question.text) Send it? (Enter: yes, Esc: no)"
        }
    }
}

/// One of IB's order reply questions, asked by the Client Portal about an order this screen
/// sent through it.
public struct PortalQuestion: Sendable, Hashable {
    /// The order's id on this screen.
    public var orderID: Int
    /// The id to answer under (`POST /iserver/reply/{id}`).
    public var replyID: String
    /// IB's message id (`o163`).
    public var messageID: String
    /// IB's words.
    public var text: String

    /// A question.
    public init(orderID: Int, replyID: String, messageID: String, text: String) {
        self.orderID = orderID
        self.replyID = replyID
        self.messageID = messageID
        self.text = text
    }
}
