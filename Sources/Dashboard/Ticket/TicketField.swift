/// The part of the order ticket a refusal is about, so the UI can put the cursor on it.
public enum TicketField: String, Sendable, Hashable, Codable, CaseIterable {
    /// The symbol.
    case symbol
    /// The quantity.
    case quantity
    /// The limit price.
    case limitPrice = "limit price"
    /// The stop (trigger) price.
    case stopPrice = "stop price"
    /// A trailing stop's distance.
    case trail
    /// A trailing stop-limit's limit offset.
    case limitOffset = "limit offset"
    /// A bracket's or exit pair's take-profit.
    case takeProfit = "take profit"
    /// A bracket's or exit pair's stop-loss.
    case stopLoss = "stop loss"
    /// The time in force.
    case timeInForce = "time in force"
    /// The estimated notional (quantity × price).
    case notional
    /// The reference quote used to check prices.
    case referenceQuote = "reference quote"
    /// The connection to TWS.
    case connection
    /// The account.
    case account
    /// The ticket as a whole (its phase).
    case ticket
}
