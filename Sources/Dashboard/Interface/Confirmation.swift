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
        }
    }
}
