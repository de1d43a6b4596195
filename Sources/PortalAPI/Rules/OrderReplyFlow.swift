/// IB's reply/confirm flow for `POST /iserver/account/{accountId}/orders`: an order may be
/// answered with a question instead of being placed; `POST /iserver/reply/{id}` with
/// `{"confirmed":true}` answers it, and the answer is the next question or the placement. Each
/// question has its reply id and IB's message id (`OrderQuestion`); suppressed message ids
/// (`/iserver/questions/suppress`) are not asked for the rest of the session.
///
/// The documented flow (https://www.interactivebrokers.com/campus/ibkr-api-page/webapi-doc/#order-reply-messages):
/// "the response to an order submission request might not deliver an acknowledgment. Instead,
/// it might contain an 'order reply message' … which must be confirmed via a second request
/// before our order ticket can go to work", and after the reply "the response … will be an
/// order acknowledgement response". Questions come one at a time, in the order
/// `OrderQuestion.allCases` lists them. The reply ids are `prefix-n` (the server seeds the
/// prefix); a reply id is good once. What confirmed:false answers is not documented; here the
/// order is dropped.
public struct OrderReplyFlow: Sendable {
    /// What the gateway does next with an order.
    public enum Step: Sendable, Equatable {
        /// Answer with this question and wait for its reply.
        case ask(OrderReplyQuestion)
        /// Place the order (the server answers with its `OrderAcknowledgement`).
        case place(PortalOrderTicket)
        /// The question was answered no: the order is not placed.
        case dropped(PortalOrderTicket)
        /// No question waits under that reply id.
        case unknownReply
    }

    /// The precautions questions are asked against.
    public var precautions: OrderPrecautions
    /// The message ids not to ask.
    public private(set) var suppressed: Set<String> = []
    private let prefix: String
    private var counter = 0
    private var waiting: [String: Waiting] = [:]

    private struct Waiting: Sendable {
        var ticket: PortalOrderTicket
        var remaining: [(OrderQuestion, String)]
    }

    /// A flow numbering its reply ids `prefix-1`, `prefix-2`, ….
    public init(precautions: OrderPrecautions = OrderPrecautions(), replyIDPrefix: String) {
        self.precautions = precautions
        prefix = replyIDPrefix
    }

    /// The questions an order raises, in the order they are asked, suppressed ones left out:
    /// o354 when no market price is known; o163 when a priced order's price is more than the
    /// percentage from it; o383 above the size limit; o451 when quantity × (price, else the
    /// market price) is above the value limit.
    public func questions(for ticket: PortalOrderTicket, marketPrice: Double?) -> [OrderQuestion] {
        var found: [OrderQuestion] = []
        if marketPrice == nil { found.append(.noMarketData) }
        if let price = ticket.price, let market = marketPrice, market > 0,
            abs(price - market) / market * 100 > precautions.pricePercentage
        {
            found.append(.priceFarFromMarket)
        }
        if ticket.quantity > precautions.sizeLimit { found.append(.sizeLimit) }
        if valueEstimate(ticket, marketPrice: marketPrice) > precautions.totalValueLimit { found.append(.totalValueLimit) }
        return found.filter { !suppressed.contains($0.messageID) }
    }

    /// An order arrives: its first question, or its placement when it raises none. `symbol`
    /// names it in the questions' text.
    public mutating func submit(_ ticket: PortalOrderTicket, symbol: String, marketPrice: Double?) -> Step {
        let value = valueEstimate(ticket, marketPrice: marketPrice)
        let order = Self.describe(ticket, symbol: symbol)
        let remaining = questions(for: ticket, marketPrice: marketPrice).map { ($0, $0.text(order: order, limits: precautions, valueEstimate: value)) }
        return next(Waiting(ticket: ticket, remaining: remaining))
    }

    /// `POST /iserver/reply/{id}`: the next question, the placement, the order dropped on a
    /// no, or `unknownReply`.
    public mutating func reply(id: String, confirmed: Bool) -> Step {
        guard let waiting = waiting.removeValue(forKey: id) else { return .unknownReply }
        guard confirmed else { return .dropped(waiting.ticket) }
        return next(waiting)
    }

    /// `/iserver/questions/suppress`: these message ids are not asked from now on (IB: resend
    /// the complete list to add one; this adds to the set).
    public mutating func suppress(_ messageIDs: [String]) { suppressed.formUnion(messageIDs) }

    /// `/iserver/questions/suppress/reset`: every question is asked again.
    public mutating func resetSuppression() { suppressed.removeAll() }

    /// Questions still waiting for a reply.
    public var waitingCount: Int { waiting.count }

    private mutating func next(_ pending: Waiting) -> Step {
        var pending = pending
        guard !pending.remaining.isEmpty else { return .place(pending.ticket) }
        let (question, text) = pending.remaining.removeFirst()
        counter += 1
        let id = "\(prefix)-\(counter)"
        waiting[id] = pending
        return .ask(OrderReplyQuestion(id: id, message: [text], isSuppressed: false, messageIds: [question.messageID]))
    }

    private func valueEstimate(_ ticket: PortalOrderTicket, marketPrice: Double?) -> Double {
        ticket.quantity * (ticket.price ?? marketPrice ?? 0)
    }

    /// `BUY 100 AAPL @ 165.0`, as IB's questions name an order (without IB's exchange part).
    static func describe(_ ticket: PortalOrderTicket, symbol: String) -> String {
        let quantity = ticket.quantity.rounded() == ticket.quantity ? String(Int64(ticket.quantity)) : String(ticket.quantity)
        return "\(ticket.side.uppercased()) \(quantity) \(symbol)" + (ticket.price.map { " @ \($0)" } ?? "")
    }
}
