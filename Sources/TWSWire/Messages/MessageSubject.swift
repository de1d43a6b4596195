/// What a server message is about, as far as its leading fields say: the request (or ticker)
/// or the order it belongs to.
///
/// It is read from the fields of a message that otherwise could not be decoded, so a client can
/// tell which quote, order or request may now miss data.
public enum MessageSubject: Hashable, Sendable {
    /// A request or ticker id (market data, contract details, account summary, P&L, ...).
    case request(Int)
    /// An order id.
    case order(Int)
    /// The id an ERR_MSG names: a request, ticker or order id, or -1 for the connection.
    case noticeTarget(Int)
    /// The message carries no such id, or it could not be read.
    case none

    /// The id, whatever it names.
    public var id: Int? {
        switch self {
        case let .request(id), let .order(id), let .noticeTarget(id): id
        case .none: nil
        }
    }
}
