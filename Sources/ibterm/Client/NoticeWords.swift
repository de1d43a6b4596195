import Dashboard
import TWSClient

extension TWSNotice {
    /// The notice for a command's output: the catalog's plain words first, then IB's code and
    /// text (`No market-data subscription (IB 354: Requested market data is not subscribed.)`),
    /// so no code reaches the trader bare.
    var plainWords: String {
        let title = MessageCatalog.entryOrUnknown(for: code, ibText: message).title
        let text = message.isEmpty ? "" : ": \(message)"
        return "\(title) (IB \(code)\(text))"
    }
}
