/// What a request id stood for, so a message IB sends for that id (its `ERR_MSG` names only
/// the number) can say what it was about: the order with its side, quantity, symbol, type and
/// prices; the subscription or one-shot request with its symbol and kind; or, for id -1, that
/// it is a system notice.
///
/// IB's request ids, ticker ids and order ids share one integer space in `ERR_MSG`; whoever
/// made the request knows what it was (the dashboard its orders and quotes, the client its
/// subscriptions and pending requests) and attaches this value. The dashboard's message log,
/// its journal and any trace of the wire can all word a notice the same way with
/// ``description``:
///
/// ```swift
/// RequestContext.order(id: 12, side: "BUY", quantity: 100, symbol: "AAPL", type: .limit, limitPrice: 231.2)
///     .description   // "Order 12 BUY 100 AAPL LMT 231.20"
/// RequestContext(kind: .quote, requestID: 7, symbol: "AAPL").description   // "AAPL quote"
/// RequestContext.system.description                                        // "System notice"
/// ```
public struct RequestContext: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of request the id named.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Id -1: a notice about the session, not about one request.
        case system
        /// An order (the id is its order id).
        case order
        /// A what-if order: margin and commission asked for, never placed.
        case whatIf = "what_if"
        /// A market-data (quote) subscription.
        case quote
        /// A historical-data request (bars).
        case history
        /// A market-depth (order book) subscription.
        case depth
        /// A tick-by-tick (time and sales) subscription.
        case tickByTick = "tick_by_tick"
        /// A symbol search (matching symbols).
        case search
        /// A contract-details lookup.
        case contract
        /// A P&L subscription (the account's or one position's).
        case pnl
        /// Account values, summary or positions.
        case account
        /// An executions request.
        case executions
        /// A request id nobody recognises any more.
        case unknown

        /// The kind's words after a symbol: `quote`, `history`, `depth`, ...
        public var words: String {
            switch self {
            case .system: "system notice"
            case .order: "order"
            case .whatIf: "what-if"
            case .quote: "quote"
            case .history: "history"
            case .depth: "depth"
            case .tickByTick: "time & sales"
            case .search: "symbol search"
            case .contract: "contract lookup"
            case .pnl: "P&L"
            case .account: "account data"
            case .executions: "executions"
            case .unknown: "request"
            }
        }
    }

    /// What kind of request it was.
    public var kind: Kind
    /// The request, ticker or order id (-1 for a system notice).
    public var requestID: Int
    /// The instrument's symbol, when the request had one.
    public var symbol: String?
    /// An order's side as IB spells it (`BUY`, `SELL`).
    public var side: String?
    /// An order's quantity.
    public var quantity: FixedDecimal?
    /// An order's type.
    public var orderType: OrderType?
    /// An order's limit price.
    public var limitPrice: FixedDecimal?
    /// An order's stop (trigger) price.
    public var stopPrice: FixedDecimal?
    /// Anything else that names the request: a search's text, a trailing stop's distance.
    public var detail: String?

    /// Creates a context; set the fields that apply.
    public init(
        kind: Kind, requestID: Int, symbol: String? = nil, side: String? = nil, quantity: FixedDecimal? = nil,
        orderType: OrderType? = nil, limitPrice: FixedDecimal? = nil, stopPrice: FixedDecimal? = nil,
        detail: String? = nil
    ) {
        self.kind = kind
        self.requestID = requestID
        self.symbol = symbol
        self.side = side
        self.quantity = quantity
        self.orderType = orderType
        self.limitPrice = limitPrice
        self.stopPrice = stopPrice
        self.detail = detail
    }

    /// The context of a notice with id -1.
    public static let system = RequestContext(kind: .system, requestID: Notice.noRequestID)

    /// An order's context (or, with `whatIf`, a what-if order's).
    public static func order(
        id: Int, side: String?, quantity: FixedDecimal?, symbol: String?, type: OrderType?,
        limitPrice: FixedDecimal? = nil, stopPrice: FixedDecimal? = nil, detail: String? = nil, whatIf: Bool = false
    ) -> RequestContext {
        RequestContext(
            kind: whatIf ? .whatIf : .order, requestID: id, symbol: symbol, side: side, quantity: quantity,
            orderType: type, limitPrice: limitPrice, stopPrice: stopPrice, detail: detail)
    }

    /// Whether the id named an order (placed or what-if).
    public var isOrder: Bool { kind == .order || kind == .whatIf }

    /// The order's terms: `BUY 100 AAPL LMT 231.20`, `SELL 10 MSFT STP LMT 230.00 229.90`,
    /// `SELL 50 AAPL TRAIL 1%` (the parts known).
    public var orderTerms: String {
        var parts: [String] = []
        if let side { parts.append(side) }
        if let quantity { parts.append(quantity.description) }
        if let symbol { parts.append(symbol) }
        if let orderType { parts.append(orderType.rawValue) }
        for price in [stopPrice, limitPrice].compactMap({ $0 }) {
            parts.append(price.formatted(minimumFractionDigits: 2))
        }
        if let detail { parts.append(detail) }
        return parts.joined(separator: " ")
    }

    /// The request in a few words: `Order 12 BUY 100 AAPL LMT 231.20`, `What-if BUY 100 AAPL
    /// MKT`, `AAPL quote`, `AAPL history`, `Symbol search "app"`, `System notice`, `Request 42`.
    public var description: String {
        switch kind {
        case .system:
            return "System notice"
        case .order:
            let terms = orderTerms
            return terms.isEmpty ? "Order \(requestID)" : "Order \(requestID) \(terms)"
        case .whatIf:
            let terms = orderTerms
            return terms.isEmpty ? "What-if order \(requestID)" : "What-if \(terms)"
        case .search:
            return detail.map { "Symbol search \"\($0)\"" } ?? "Symbol search"
        case .unknown:
            return "Request \(requestID)"
        case .pnl, .account, .executions:
            let words = kind == .pnl ? "P&L" : kind == .account ? "Account data" : "Executions"
            return symbol.map { "\($0) \(kind.words)" } ?? words
        case .quote, .history, .depth, .tickByTick, .contract:
            return symbol.map { "\($0) \(kind.words)" } ?? "\(kind.words.prefix(1).uppercased())\(kind.words.dropFirst()) \(requestID)"
        }
    }
}
