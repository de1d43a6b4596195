import Vocabulary

/// One line of the trading journal (JSON lines): what was sent and what happened.
///
/// ### Encoding
/// A flat JSON object with sorted keys, so that lines are stable and diffable:
/// `{"kind":"order_sent","order_id":12,"side":"BUY","quantity":100,...,"time_ms":1718000000000}`.
/// Prices and quantities are decimal strings (`"231.4"`), so no binary rounding creeps in;
/// absent fields are omitted. `time_ms` is milliseconds since the Unix epoch.
/// Writing the file is the executable's job.
public struct JournalEntry: Sendable, Hashable, Codable {
    /// What the line records.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// An order was handed to the client for sending.
        case orderSent = "order_sent"
        /// A modification of a working order was handed to the client (same order id).
        case orderModifySent = "order_modify_sent"
        /// An order's status changed (IB `orderStatus`).
        case statusChange = "status_change"
        /// An execution (fill) was reported (IB `execDetails`).
        case execution
        /// A broker message arrived (IB `error`).
        case message
    }

    /// What the line records.
    public var kind: Kind
    /// When it happened.
    public var time: Timestamp
    /// The order id, for order lines and order messages.
    public var orderID: Int?
    /// The symbol.
    public var symbol: String?
    /// BUY or SELL.
    public var side: OrderSide?
    /// Quantity ordered (order sent) or filled (execution).
    public var quantity: FixedDecimal?
    /// Order type (order sent).
    public var orderType: OrderType?
    /// Limit price (order sent).
    public var limitPrice: FixedDecimal?
    /// Stop price (order sent).
    public var stopPrice: FixedDecimal?
    /// Time in force (order sent).
    public var timeInForce: TimeInForce?
    /// IB's order status text (status change): `Submitted`, `Filled`, `Cancelled`, …
    public var status: String?
    /// Quantity filled so far (status change).
    public var filled: FixedDecimal?
    /// Quantity remaining (status change).
    public var remaining: FixedDecimal?
    /// Fill price (execution).
    public var price: FixedDecimal?
    /// IB's execution id (execution).
    public var executionID: String?
    /// Message code (message).
    public var code: Int?
    /// Request id the message named (message).
    public var requestID: Int?
    /// IB's text or the status reason.
    public var text: String?
    /// What kind of request the message's id named (message): `order`, `quote`, `history`,
    /// `system`, ... (``RequestContext/Kind``).
    public var requestKind: String?
    /// What the message's id stood for, in words (message): `Order 12 BUY 100 AAPL LMT 231.20`.
    public var context: String?

    /// Creates an entry of `kind` at `time`; set the fields that apply.
    public init(kind: Kind, time: Timestamp) {
        self.kind = kind
        self.time = time
    }

    enum CodingKeys: String, CodingKey {
        case kind, time = "time_ms", orderID = "order_id", symbol, side, quantity
        case orderType = "order_type", limitPrice = "limit_price", stopPrice = "stop_price"
        case timeInForce = "tif", status, filled, remaining, price
        case executionID = "exec_id", code, requestID = "req_id", text
        case requestKind = "request", context
    }
}
