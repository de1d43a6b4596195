/// Why the order ticket refused to go to review or to send, naming the field.
///
/// A struct with a nested code rather than an enum, so that codes can be added without breaking
/// callers (see the style guide on public error types).
public struct TicketRefusal: Error, Sendable, Hashable {
    /// What went wrong.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The symbol is empty.
        case symbolMissing
        /// The quantity is empty or not a number.
        case quantityNotNumeric
        /// The quantity has a fractional part.
        case quantityNotWhole
        /// The quantity is zero or negative.
        case quantityNotPositive
        /// The quantity is above `TicketLimits.maxQuantity`.
        case quantityAboveMaximum
        /// The order type needs a price that was not given.
        case priceMissing
        /// A price is not a number.
        case priceNotNumeric
        /// A price is zero or negative.
        case priceNotPositive
        /// A price is not a multiple of the minimum tick.
        case priceOffTick
        /// A stop-limit's limit is on the wrong side of its stop for the order's side.
        case stopLimitInconsistent
        /// A stop price is on the side of the market where it would trigger at once.
        case stopOnWrongSideOfMarket
        /// No price is available to estimate a market order's notional.
        case noReferencePrice
        /// The reference quote is not live and the override step was not taken.
        case quoteNotLive
        /// The limit price is further from the reference quote than the price band.
        case outsidePriceBand
        /// The notional is above `TicketLimits.maxNotional`.
        case notionalAboveMaximum
        /// The notional is above the allowed share of net liquidation.
        case notionalAboveShareOfNetLiquidation
        /// The net-liquidation limit is configured but net liquidation is not known yet.
        case netLiquidationUnknown
        /// The connection cannot carry orders.
        case connectionNotUsable
        /// The account is live and `allow_live` is off.
        case liveAccountNotAllowed
        /// This screen sends no orders at all (a dashboard watching a desk through its bridge).
        case ordersNotTakenHere
        /// `send` was called without a current review.
        case notInReview
        /// The order of this review was already sent.
        case alreadySent
        /// A modification's new total quantity is not above what already filled.
        case quantityNotAboveFilled
        /// A modification changes nothing.
        case nothingChanged
        /// The order to modify is no longer working, or cannot be modified from here.
        case orderNotModifiable
        /// The gateway's what-if refused the order (a real send would be refused too).
        case whatIfRefused
        /// The review's what-if has not been answered yet.
        case whatIfPending
        /// The time in force does not apply to the order (IOC or FOK on a resting order).
        case timeInForceNotAllowed
        /// A take-profit or stop-loss is on the wrong side of the entry (or the market).
        case attachedPriceOnWrongSide
    }

    /// What went wrong.
    public var code: Code
    /// The field it concerns.
    public var field: TicketField
    /// A sentence for the trader that names the field.
    public var message: String

    /// Creates a refusal.
    public init(_ code: Code, field: TicketField, _ message: String) {
        self.code = code
        self.field = field
        self.message = message
    }
}
