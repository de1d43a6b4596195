/// The area of trading a broker message concerns.
public enum MessageCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// The link between ibterm, TWS and IB's servers, and data-farm status.
    case connectivity
    /// Quotes, depth, historical data, scanners and their entitlements.
    case marketData
    /// Placing, modifying and cancelling orders, and the contracts they name.
    case order
    /// Account data, portfolio, P&L and advisor (FA) functions.
    case account
    /// Request rate and capacity limits.
    case pacing
    /// Errors raised inside the API client itself, never sent by TWS.
    case client

    /// The category in words, for display (`market data`).
    public var displayName: String {
        switch self {
        case .connectivity: "connectivity"
        case .marketData: "market data"
        case .order: "order"
        case .account: "account"
        case .pacing: "pacing"
        case .client: "client"
        }
    }
}
