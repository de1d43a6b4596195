/// One line of `ibterm order --json` (JSON Lines: one object per line, flushed as it happens).
///
/// `event` says what the line reports: `sent` (the order left ibterm), `status`, `fill`,
/// `commission`, `notice` (IB's message about the order), `gap` (the connection dropped),
/// `question` (the Client Portal asks before placing: its message ids and words),
/// `refused` (ibterm's guard refused the order; nothing was sent; the only line), and
/// `result`, always the last line of a run that sent an order, with the exit code and the
/// outcome in words. Fields that do not apply to an event are left out.
struct OrderEventLine: Encodable, Equatable {
    /// What happened.
    var event: String
    /// The order id.
    var orderId: Int?
    /// IB's status word (`Submitted`, `Filled`, ...).
    var status: String?
    /// Shares filled so far.
    var filled: String?
    /// Shares not yet filled.
    var remaining: String?
    /// The average fill price so far.
    var avgPrice: Double?
    /// A fill's shares and price.
    var shares: String?
    var price: Double?
    /// A fill's commission and its currency, for `commission`.
    var commission: Double?
    var currency: String?
    /// IB's message code, for `notice`.
    var code: Int?
    /// The order as sent (`BUY 10 AAPL LMT 231.20 DAY`), for `sent`.
    var order: String?
    /// The guard's refusal, for `refused`.
    var refused: Refusal?
    /// The process's exit code, for `result` and `refused`.
    var exitCode: Int32?
    /// The event in words.
    var message: String?

    /// A refusal by the order ticket's guard: the limit (`TicketRefusal.Code`), the field and
    /// the ticket's sentence.
    struct Refusal: Encodable, Equatable {
        var limit: String
        var field: String
        var message: String
    }
}
