import Vocabulary

/// One fill of an order: what execDetails (EXECUTION_DATA) reports.
public struct PaperExecution: Sendable, Hashable, Codable, Identifiable {
    /// IB-style execution id, e.g. `00000001.691f3c80.01.01`.
    public var execId: String
    /// The client's order id.
    public var orderId: Int
    /// The order's permanent id.
    public var permId: Int
    /// The client connection that placed the order.
    public var clientId: Int
    /// The traded instrument.
    public var instrument: Instrument
    /// The account.
    public var account: String
    /// The executing exchange (the listing exchange for stocks).
    public var exchange: String
    /// `BUY` or `SELL`.
    public var action: OrderAction
    /// Quantity of this fill (`shares`).
    public var shares: Int
    /// Price of this fill.
    public var price: FixedDecimal
    /// When it executed.
    public var time: Timestamp
    /// The order's cumulative filled quantity after this fill (`cumQty`).
    public var cumulativeQuantity: Int
    /// The order's average fill price after this fill (`avgPrice`).
    public var averagePrice: FixedDecimal
    /// The order's `orderRef`.
    public var orderRef: String
    /// IB's `lastLiquidity`: 1 when the order added liquidity (a resting fill), 2 when it removed it.
    public var lastLiquidity: Int

    /// The execution id, as the `Identifiable` id.
    public var id: String { execId }

    /// IB's side code: `BOT` or `SLD`.
    public var side: String { action.executionSide }

    /// The signed quantity: positive for a buy.
    public var signedShares: Int { action.sign * shares }

    /// Creates an execution.
    public init(
        execId: String, orderId: Int, permId: Int, clientId: Int, instrument: Instrument,
        account: String, exchange: String, action: OrderAction, shares: Int, price: FixedDecimal,
        time: Timestamp, cumulativeQuantity: Int, averagePrice: FixedDecimal, orderRef: String,
        lastLiquidity: Int
    ) {
        self.execId = execId
        self.orderId = orderId
        self.permId = permId
        self.clientId = clientId
        self.instrument = instrument
        self.account = account
        self.exchange = exchange
        self.action = action
        self.shares = shares
        self.price = price
        self.time = time
        self.cumulativeQuantity = cumulativeQuantity
        self.averagePrice = averagePrice
        self.orderRef = orderRef
        self.lastLiquidity = lastLiquidity
    }

    /// Builds IB's execId format: `SSSSSSSS.TTTTTTTT.NN.01`, eight hex digits of the
    /// exchange-wide execution sequence, eight of the Unix time, the order's fill number.
    public static func makeID(sequence: Int, time: Timestamp, fillNumber: Int) -> String {
        hex(sequence, width: 8) + "." + hex(Int(time.secondsSinceEpoch), width: 8) + "."
            + hex(fillNumber, width: 2) + ".01"
    }

    private static func hex(_ value: Int, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// The commission of one execution: what commissionReport (COMMISSION_REPORT) reports.
public struct PaperCommissionReport: Sendable, Hashable, Codable {
    /// The execution it belongs to.
    public var execId: String
    /// Commission plus the fees modelled, in ``currency``.
    public var commission: FixedDecimal
    /// Always the base currency, `USD`.
    public var currency: String
    /// Realized P&L of this fill in USD (after commission), or `nil` for an opening fill
    /// (the server sends IB's unset double).
    public var realizedPNL: FixedDecimal?

    /// Creates a report.
    public init(execId: String, commission: FixedDecimal, currency: String, realizedPNL: FixedDecimal?) {
        self.execId = execId
        self.commission = commission
        self.currency = currency
        self.realizedPNL = realizedPNL
    }
}
