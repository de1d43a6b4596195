import Dashboard

/// The order ticket as drawn: its fields, its step, and what it refused.
public struct TicketView: Hashable, Sendable {
    /// The ticket's step.
    public enum Mode: Hashable, Sendable {
        /// The trader is filling in fields.
        case edit
        /// The review lines are shown; Enter sends.
        case review
        /// The order went out (with its order id text, e.g. `#1042`).
        case sent(String)
    }

    /// A field of the ticket, for the cursor and for refusal highlights.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        /// Quantity.
        case quantity
        /// Symbol.
        case symbol
        /// Order type.
        case orderType = "type"
        /// Limit price.
        case limitPrice = "limit price"
        /// Stop price.
        case stopPrice = "stop price"
        /// Time in force.
        case timeInForce = "TIF"
        /// A trailing stop's distance.
        case trail
        /// A trailing stop-limit's limit offset.
        case limitOffset = "limit offset"
        /// What goes with the order (bracket, exit pair).
        case attachment = "with"
        /// The take-profit.
        case takeProfit = "take profit"
        /// The stop-loss.
        case stopLoss = "stop loss"
    }

    /// Why the ticket refused to go on, naming the field.
    public struct Refusal: Hashable, Sendable {
        /// The field it concerns, to highlight; nil when it is about something else (connection,
        /// notional, reference quote).
        public var field: Field?
        /// The sentence for the trader, which names the field.
        public var message: String

        /// Creates a refusal.
        public init(field: Field?, message: String) {
            self.field = field
            self.message = message
        }
    }

    /// Buy or sell.
    public var side: TradeSide
    /// Quantity as typed.
    public var quantity: String
    /// Symbol.
    public var symbol: String
    /// Order type (`LMT`, `MKT`, `STP`, `STP LMT`).
    public var orderType: String
    /// Limit and stop prices as typed; nil when the type has none.
    public var limitPrice: String?, stopPrice: String?
    /// Time in force (`DAY`, `GTC`).
    public var timeInForce: String
    /// The step.
    public var mode: Mode
    /// The field being edited.
    public var focusedField: Field?
    /// The latest refusal, if any.
    public var refusal: Refusal?
    /// The review lines (side, quantity, ..., position after the fill), shown in review.
    public var reviewLines: [String]
    /// The reference quote, formatted (`231.18 × 231.22`), and its freshness.
    public var reference: String?
    /// The reference quote's freshness.
    public var referenceState: Freshness?
    /// A trailing stop's distance and limit offset as typed, when they apply.
    public var trail: String?, limitOffset: String?
    /// What goes with the order (`bracket (take profit + stop loss)`), when anything does,
    /// with the take-profit and stop-loss as typed.
    public var attachment: String?, takeProfit: String?, stopLoss: String?
    /// The order the ticket modifies (`#12`), or `nil` for a new order.
    public var modifies: String?
    /// Whether the trader overrode a reference quote that is not live for this edit.
    public var quoteOverridden: Bool

    /// Creates a ticket view.
    public init(
        side: TradeSide, quantity: String, symbol: String, orderType: String, limitPrice: String? = nil,
        stopPrice: String? = nil, timeInForce: String = "DAY", mode: Mode = .edit, focusedField: Field? = nil,
        refusal: Refusal? = nil, reviewLines: [String] = [], reference: String? = nil,
        referenceState: Freshness? = nil, modifies: String? = nil, quoteOverridden: Bool = false,
        trail: String? = nil, limitOffset: String? = nil, attachment: String? = nil, takeProfit: String? = nil,
        stopLoss: String? = nil
    ) {
        self.trail = trail
        self.limitOffset = limitOffset
        self.attachment = attachment
        self.takeProfit = takeProfit
        self.stopLoss = stopLoss
        self.modifies = modifies
        self.quoteOverridden = quoteOverridden
        self.side = side
        self.quantity = quantity
        self.symbol = symbol
        self.orderType = orderType
        self.limitPrice = limitPrice
        self.stopPrice = stopPrice
        self.timeInForce = timeInForce
        self.mode = mode
        self.focusedField = focusedField
        self.refusal = refusal
        self.reviewLines = reviewLines
        self.reference = reference
        self.referenceState = referenceState
    }

    /// The fields shown in edit mode, with their values; prices only when the type has them.
    public var fields: [(field: Field, value: String)] {
        var result: [(Field, String)] = [(.quantity, quantity), (.symbol, symbol), (.orderType, orderType)]
        if let stopPrice { result.append((.stopPrice, stopPrice)) }
        if let limitPrice { result.append((.limitPrice, limitPrice)) }
        if let trail { result.append((.trail, trail)) }
        if let limitOffset { result.append((.limitOffset, limitOffset)) }
        result.append((.timeInForce, timeInForce))
        if let attachment { result.append((.attachment, attachment)) }
        if let takeProfit { result.append((.takeProfit, takeProfit)) }
        if let stopLoss { result.append((.stopLoss, stopLoss)) }
        return result
    }
}
