import TWSStreams
import TWSWire

extension TWSNotice {
    /// Whether the notice belongs to one quote subscription (354 not subscribed, 10167
    /// delayed, 10089–10091, 10168, 10186, 10197, 300 unknown ticker, 322 duplicate ticker,
    /// and any notice the client's ``TWSNotice/context`` names a quote subscription's):
    /// the client then delivers it on that subscription's stream, so a dashboard following
    /// every notice as well skips these to report each once.
    public var concernsOneQuoteStream: Bool {
        guard id >= 0 else { return false }
        // The client named it a quote's: it delivered it on that subscription's stream.
        if context?.kind == .quote { return true }
        // A market-data message the client could not read is reported on its quote's stream.
        if let unreadable, unreadable.area == .marketData { return true }
        switch code {
        case 354, 10089, 10090, 10091, 10167, 10168, 10186, 10197, 300, 322: return true
        default: return false
        }
    }
}
