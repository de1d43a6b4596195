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
    /// The working order this review modifies, or `nil` for a new order.
    public var amendment: OrderAmendment?
    /// The other working orders in the symbol, which may fill too.
    public var otherWorkingOrders: [String] = []
    /// Every order the review sends, the first being `instruction`: the order alone, a
    /// bracket's entry, take-profit and stop-loss, or an exit pair's two orders.
    public var legs: [OrderLeg] = []
    /// The money the quantity was sized from (`$5000` → whole shares), if it was.
    public var sizedByMoney: FixedDecimal?
    /// The price the money was divided by (the limit, the stop, or the quote's touch).
    public var sizingPrice: FixedDecimal?

    /// The orders to send, in order (`legs`, or the instruction alone).
    public var orders: [OrderLeg] { legs.isEmpty ? [OrderLeg(.entry, instruction)] : legs }

    /// Creates a review.
    public init(
        instruction: OrderInstruction, estimatedNotional: FixedDecimal, estimatedCommission: TieredCommission.Estimate,
        positionBefore: FixedDecimal, positionAfter: FixedDecimal, quoteFreshness: Freshness, quoteOverridden: Bool,
        amendment: OrderAmendment? = nil
    ) {
        self.instruction = instruction
        self.estimatedNotional = estimatedNotional
        self.estimatedCommission = estimatedCommission
        self.positionBefore = positionBefore
        self.positionAfter = positionAfter
        self.quoteFreshness = quoteFreshness
        self.quoteOverridden = quoteOverridden
        self.amendment = amendment
    }

    /// What the order does to a short position, if anything: opens one (from flat or long)
    /// or adds to one.
    public var shortEffect: String? {
        guard positionAfter < 0, positionAfter < positionBefore else { return nil }
        let symbol = instruction.symbol
        if positionBefore < 0 {
            return "adds to a short: \(positionBefore) → \(positionAfter) \(symbol)"
        }
        return "opens a short of \(positionAfter.magnitude) \(symbol)"
    }

    /// The review as lines of text for the confirmation pane; a modification shows
    /// `old → new` for every field it changes; a group lists every order it sends.
    public var lines: [String] {
        let changed = Dictionary(
            (amendment?.changes(to: instruction) ?? []).map { ($0.field, "\($0.old) → \($0.new)") },
            uniquingKeysWith: { first, _ in first })
        func value(_ field: String, _ text: String) -> String { changed[field] ?? text }
        let exitPair = orders.first?.role != .entry
        var result: [String] = []
        if let amendment {
            result.append("Modify:      order \(amendment.orderID), same id (cancel/replace in one step)")
            if amendment.filled > 0 { result.append("Filled:      \(amendment.filled) (kept)") }
        }
        var quantity = value("Quantity", "\(instruction.quantity)")
        if let sizedByMoney, let price = sizingPrice {
            quantity += " ($\(sizedByMoney.formatted(fractionDigits: 2, groupingThousands: true)) at \(price.formatted(fractionDigits: 2)))"
        }
        result += [
            "Side:        \(instruction.side.rawValue)",
            "Quantity:    \(quantity)",
            "Symbol:      \(instruction.symbol)",
            "Type:        \(exitPair ? "OCA exit pair: LMT + STP, no entry" : instruction.orderType.rawValue)",
        ]
        if !exitPair {
            if instruction.stopPrice != nil || changed["Stop"] != nil {
                result.append("Stop:        \(value("Stop", OrderAmendment.price(instruction.stopPrice)))")
            }
            if instruction.limitPrice != nil || changed["Limit"] != nil {
                result.append("Limit:       \(value("Limit", OrderAmendment.price(instruction.limitPrice)))")
            }
            if let amount = instruction.trailingAmount { result.append("Trail:       \(amount.formatted(minimumFractionDigits: 2)) behind the market") }
            if let percent = instruction.trailingPercent { result.append("Trail:       \(percent) % behind the market") }
            if let offset = instruction.limitOffset { result.append("Limit:       \(offset.formatted(minimumFractionDigits: 2)) beyond the stop when it triggers") }
        }
        result.append("TIF:         \(value("TIF", instruction.timeInForce.rawValue))")
        for leg in orders where leg.role != .entry {
            let label = leg.role == .takeProfit ? "Take profit: " : "Stop loss:   "
            result.append(label + leg.instruction.summary)
        }
        if orders.count > 1 {
            result.append(exitPair
                ? "Group:       one cancels the other as it fills (OCA)"
                : "Group:       both wait for the entry to fill; one fill cancels the other")
        }
        result += [
            "Notional:    ≈ \(estimatedNotional.formatted(fractionDigits: 2, groupingThousands: true))",
            "Commission:  ≈ \(estimatedCommission.total.formatted(fractionDigits: 2, groupingThousands: true)) (IBKR Pro tiered estimate)",
            "Position:    \(positionBefore) → \(positionAfter)\(exitPair ? " when either fills" : "")",
        ]
        if let shortEffect { result.append("Short:       \(shortEffect)") }
        for (index, order) in otherWorkingOrders.enumerated() {
            result.append((index == 0 ? "Also working:" : "             ") + " \(order)")
        }
        if quoteOverridden {
            result.append("Warning:     reference quote is \(quoteFreshness.badge); sent on your override")
        }
        return result
    }
}
