import Vocabulary

/// What the review step shows before the trader confirms a send.
public struct OrderReview: Sendable, Hashable {
    /// The order that will be sent.
    public var instruction: OrderInstruction
    /// Quantity × the price the order is expected to fill at (limit, stop, or the quote's ask
    /// for a market buy and bid for a market sell).
    public var estimatedNotional: FixedDecimal
    /// Estimated commission and fees (IBKR Pro tiered; see `TieredCommission`).
    public var estimatedCommission: TieredCommission.Estimate
    /// The position before the order.
    public var positionBefore: FixedDecimal
    /// The position if the order fills completely.
    public var positionAfter: FixedDecimal
    /// The reference quote's freshness when reviewed.
    public var quoteFreshness: Freshness
    /// Whether the trader overrode a non-live reference quote to get here.
    public var quoteOverridden: Bool

    /// The review as lines of text for the confirmation pane.
    public var lines: [String] {
        var result = [
            "Side:        \(instruction.side.rawValue)",
            "Quantity:    \(instruction.quantity)",
            "Symbol:      \(instruction.symbol)",
            "Type:        \(instruction.orderType.rawValue)",
        ]
        if let stop = instruction.stopPrice { result.append("Stop:        \(stop.formatted(minimumFractionDigits: 2))") }
        if let limit = instruction.limitPrice { result.append("Limit:       \(limit.formatted(minimumFractionDigits: 2))") }
        result += [
            "TIF:         \(instruction.timeInForce.rawValue)",
            "Notional:    ≈ \(estimatedNotional.formatted(fractionDigits: 2, groupingThousands: true))",
            "Commission:  ≈ \(estimatedCommission.total.formatted(fractionDigits: 2, groupingThousands: true)) (IBKR Pro tiered estimate)",
            "Position:    \(positionBefore) → \(positionAfter)",
        ]
        if quoteOverridden {
            result.append("Warning:     reference quote is \(quoteFreshness.badge); sent on your override")
        }
        return result
    }
}
