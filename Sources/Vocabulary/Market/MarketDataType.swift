/// The kind of market data TWS actually serves for a request.
///
/// IB: `marketDataType` callback (inbound message 58) and `reqMarketDataType` (outbound 59). The
/// raw value is IB's number. The callback, not the type that was requested, is the truth: TWS may
/// serve live data even when delayed data was asked for.
public enum MarketDataType: Int, Sendable, Hashable, Codable, CaseIterable {
    /// Real-time streaming data (IB: 1).
    case live = 1
    /// The last quote recorded at the close, while the market is closed (IB: 2).
    case frozen = 2
    /// Free data delayed by 15–20 minutes (IB: 3).
    case delayed = 3
    /// Delayed data frozen at the close (IB: 4).
    case delayedFrozen = 4
}
