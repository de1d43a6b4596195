import Vocabulary

/// The facts the order ticket checks against, taken from dashboard state at review and at send.
public struct TicketContext: Sendable, Hashable {
    /// The current quote for the ticket's symbol, if any.
    public var quote: WatchedQuote?
    /// The freshness of that quote.
    public var quoteFreshness: Freshness
    /// The connection state.
    public var connection: LinkState
    /// Whether the account trades real money.
    public var accountKind: AccountKind
    /// Whether the configuration allows sending orders to a live account.
    public var allowLive: Bool
    /// The account's net liquidation value, if known.
    public var netLiquidation: FixedDecimal?
    /// The current position in the symbol (negative when short).
    public var position: FixedDecimal
    /// The instrument's minimum price increment (0.01 for US stocks priced at 1 or more).
    public var minimumTick: FixedDecimal
    /// The limits to enforce.
    public var limits: TicketLimits
    /// Shares already traded this month, which selects the commission tier.
    public var monthlyVolume: Int
    /// The other working orders in the symbol (`#2 SELL 50 AAPL LMT 279.50 DAY`), which may
    /// fill too: the review lists them.
    public var otherWorkingOrders: [String] = []

    /// Creates a context.
    public init(
        quote: WatchedQuote?, quoteFreshness: Freshness, connection: LinkState,
        accountKind: AccountKind, allowLive: Bool = false, netLiquidation: FixedDecimal?,
        position: FixedDecimal = 0, minimumTick: FixedDecimal = FixedDecimal(raw: 1_000_000),
        limits: TicketLimits = TicketLimits(), monthlyVolume: Int = 0, otherWorkingOrders: [String] = []
    ) {
        self.otherWorkingOrders = otherWorkingOrders
        self.quote = quote
        self.quoteFreshness = quoteFreshness
        self.connection = connection
        self.accountKind = accountKind
        self.allowLive = allowLive
        self.netLiquidation = netLiquidation
        self.position = position
        self.minimumTick = minimumTick
        self.limits = limits
        self.monthlyVolume = monthlyVolume
    }
}
