import Dashboard
import Vocabulary

/// The ticket, orders, executions and messages.
extension DashboardScreenBuilder {
    /// The open ticket: its fields as typed, the step (edit, review, sent with the order id),
    /// the focused field while editing, the refusal with the field it names, the review lines,
    /// and the reference quote with its freshness at the frame's time.
    public var ticket: TicketView? {
        guard let editor = state.ticket else { return nil }
        let ticket = editor.ticket
        let mode: TicketView.Mode
        switch ticket.phase {
        case .editing: mode = .edit
        case .reviewing: mode = .review
        case .sent: mode = .sent(editor.sentOrderID.map { "#\($0)" } ?? "sent")
        }
        let tracked = state.quotes.tracked(ticket.symbol)
        let tick = tick(ticket.symbol)
        var reference: String?
        if let quote = tracked?.quote, quote.bid != nil || quote.ask != nil {
            reference = "\(ScreenFormat.price(quote.bid, tick: tick) ?? "—") × \(ScreenFormat.price(quote.ask, tick: tick) ?? "—")"
        } else if let last = ScreenFormat.price(tracked?.quote.last, tick: tick) {
            reference = "last \(last)"
        }
        return TicketView(
            side: Self.side(ticket.side), quantity: ticket.quantityText, symbol: ticket.symbol,
            orderType: ticket.attachment == .ocaExit ? "LMT + STP" : ticket.orderType.rawValue,
            limitPrice: TicketInputField.limitPrice.applies(to: ticket) ? ticket.limitPriceText : nil,
            stopPrice: TicketInputField.stopPrice.applies(to: ticket) ? ticket.stopPriceText : nil,
            timeInForce: ticket.timeInForce.rawValue, mode: mode,
            focusedField: mode == .edit ? Self.field(editor.focusedField) : nil,
            refusal: editor.refusal.map(Self.refusal),
            reviewLines: ticket.review.map { review in
                review.lines + (editor.sendsWhenWhatIfAnswers
                    ? ["What-if:     asking the gateway…; sends when it answers"] : editor.whatIf?.lines ?? [])
            } ?? [],
            reference: reference,
            referenceState: freshness(of: ticket.symbol).state,
            modifies: ticket.amending.map { "#\($0.orderID)" },
            quoteOverridden: ticket.quoteOverrideAcknowledged,
            trail: TicketInputField.trail.applies(to: ticket) ? ticket.trailText : nil,
            limitOffset: TicketInputField.limitOffset.applies(to: ticket) ? ticket.limitOffsetText : nil,
            attachment: ticket.attachment == .none ? nil : ticket.attachment.label,
            takeProfit: TicketInputField.takeProfit.applies(to: ticket) ? ticket.takeProfitText : nil,
            stopLoss: TicketInputField.stopLoss.applies(to: ticket) ? ticket.stopLossText : nil)
    }

    /// A refusal with the field it names; a refused non-live quote also says which key
    /// overrides it (`o`, see `DashboardKeyInput`).
    public static func refusal(_ refusal: TicketRefusal) -> TicketView.Refusal {
        let hint = refusal.code == .quoteNotLive ? " Press o to override." : ""
        return TicketView.Refusal(field: field(refusal.field), message: refusal.message + hint)
    }

    /// The view's field for a ticket input.
    public static func field(_ field: TicketInputField) -> TicketView.Field {
        switch field {
        case .quantity: .quantity
        case .limitPrice: .limitPrice
        case .stopPrice: .stopPrice
        case .trail: .trail
        case .limitOffset: .limitOffset
        case .takeProfit: .takeProfit
        case .stopLoss: .stopLoss
        }
    }

    /// The view's field a refusal names; nil for the parts that are not fields (notional,
    /// reference quote, connection, account, the ticket as a whole).
    public static func field(_ field: TicketField) -> TicketView.Field? {
        switch field {
        case .symbol: .symbol
        case .quantity: .quantity
        case .limitPrice: .limitPrice
        case .stopPrice: .stopPrice
        case .trail: .trail
        case .limitOffset: .limitOffset
        case .takeProfit: .takeProfit
        case .stopLoss: .stopLoss
        case .timeInForce: .timeInForce
        case .notional, .referenceQuote, .connection, .account, .ticket: nil
        }
    }

    /// The orders in the state's order (working first, then newest id first), each with its
    /// status, lifecycle steps (`HH:MM:SS`, what happened) and the reject reason in words.
    public var orders: [OrderLine] {
        state.orderList.map(orderRow)
    }

    /// One order's row.
    public func orderRow(_ order: TrackedOrder) -> OrderLine {
        OrderLine(
            orderID: order.orderID > 0 ? String(order.orderID) : "—", side: Self.side(order.side),
            quantity: ScreenFormat.quantity(order.quantity), symbol: order.symbol,
            typeAndPrice: Self.typeAndPrice(order), timeInForce: order.timeInForce.rawValue,
            status: Self.status(order), statusText: Self.statusText(order),
            steps: steps(order), rejectReason: Self.rejectReason(order),
            owner: Self.owner(order), isOtherClient: !order.isThisClient,
            isChild: order.parentID.map { state.orders[$0] != nil } ?? false)
            .flashing(state.isFlashing(orderID: order.orderID, at: now.instant))
    }

    /// The owner column: `this` for an order of this dashboard's client id, `cl 7` for one
    /// another client id placed, `—` when IB did not say (a completed order of another run).
    public static func owner(_ order: TrackedOrder) -> String {
        if order.isThisClient { return "this" }
        return order.ownerClientID.map { "cl \($0)" } ?? "—"
    }

    /// Why the order was rejected: the catalog's title with IB's own reason
    /// (`Order rejected — IB: … insufficient margin`; when IB's text is `Order rejected -
    /// reason: X`, only X, so the title is not said twice), else the state's reason in words.
    public static func rejectReason(_ order: TrackedOrder) -> String? {
        guard let reason = order.rejectReason else { return nil }
        guard let message = order.lastMessage, message.severity == .error, message.requestIsDead,
              !message.ibText.isEmpty else { return reason }
        var ibText = Substring(message.ibText)
        if let marker = ibText.range(of: "reason:"), ibText[..<marker.lowerBound].lowercased().hasPrefix("order rejected") {
            ibText = ibText[marker.upperBound...].drop { $0 == " " }
        }
        return "\(message.title) — IB: \(ibText.isEmpty ? Substring(message.ibText) : ibText)"
    }

    /// The order type followed by its stop and limit prices: `LMT 231.20`, `STP LMT 230.00 229.90`.
    public static func typeAndPrice(_ order: TrackedOrder) -> String {
        var parts = [order.orderType.rawValue]
        for price in [order.stopPrice, order.limitPrice].compactMap({ $0 }) {
            parts.append(price.formatted(minimumFractionDigits: 2))
        }
        if let trailing = order.trailing { parts.append(trailing) }
        return parts.joined(separator: " ")
    }

    /// Where the order stands, for its role.
    public static func status(_ order: TrackedOrder) -> OrderLine.Status {
        switch order.status {
        case .sent, .apiPending, .pendingSubmit: .pending
        case .preSubmitted, .submitted, .pendingCancel: .working
        case .filled: .filled
        case .apiCancelled, .cancelled: .cancelled
        case .inactive, .rejected: .rejected
        }
    }

    /// The status in words, with the fill while it matters: `Submitted 30/100`, `Filled 100/100`.
    public static func statusText(_ order: TrackedOrder) -> String {
        let fill = "\(ScreenFormat.quantity(order.filled))/\(ScreenFormat.quantity(order.quantity))"
        switch order.status {
        case .filled: return "Filled \(fill)"
        case .inactive: return order.rejectReason == nil ? "Inactive" : "Rejected"
        case .rejected: return "Rejected"
        case .pendingCancel: return order.filled > 0 ? "Cancelling \(fill)" : "Cancelling"
        case .cancelled, .apiCancelled: return order.filled > 0 ? "Cancelled \(fill)" : "Cancelled"
        default: return order.filled > 0 ? "\(order.status.rawValue) \(fill)" : order.status.rawValue
        }
    }

    /// The lifecycle, oldest first: `10:31:02 submitted`, `10:31:05 filled 100`.
    public func steps(_ order: TrackedOrder) -> [OrderLine.Step] {
        var filledBefore = FixedDecimal.zero
        return order.lifecycle.map { change in
            var event: String
            switch change.status {
            case .filled: event = "filled \(ScreenFormat.quantity(change.filled))"
            case .inactive: event = order.rejectReason == nil ? "inactive" : "rejected"
            case .rejected: event = "rejected"
            case .pendingCancel: event = "cancel pending"
            case .apiCancelled, .cancelled: event = "cancelled"
            case .preSubmitted: event = "presubmitted"
            case .pendingSubmit: event = "pending submit"
            case .apiPending: event = "api pending"
            case .sent, .submitted: event = change.status.rawValue.lowercased()
            }
            if change.status != .filled, change.filled > filledBefore {
                event += ", filled \(ScreenFormat.quantity(change.filled))/\(ScreenFormat.quantity(order.quantity))"
            }
            if let note = change.note, !note.isEmpty {
                if note == order.rejectReason, let message = order.lastMessage {
                    event = "\(message.code) \(message.title)"
                } else {
                    event += ": \(note)"
                }
            }
            filledBefore = change.filled
            return OrderLine.Step(clock(change.time), event)
        }
    }

    /// Fills, newest first, priced to the instrument's tick, with the commission once reported.
    public var executions: [ExecutionLine] {
        state.executionList.map(executionRow)
    }

    /// One fill's row.
    public func executionRow(_ fill: ExecutionRecord) -> ExecutionLine {
        ExecutionLine(
            time: clock(fill.time), side: Self.side(fill.side), quantity: ScreenFormat.quantity(fill.shares),
            symbol: fill.symbol, price: ScreenFormat.price(fill.price, tick: tick(fill.symbol)) ?? "—",
            commission: ScreenFormat.money(fill.commission), orderID: String(fill.orderID))
            .flashing(state.isFlashing(executionID: fill.executionID, at: now.instant))
    }

    /// The message log, oldest first (the newest at the bottom): level from severity, IB's code
    /// (none for ibterm's own messages), the catalog's title prefixed with the symbol or order
    /// an IB notice names, or for ibterm's own messages their title and what they say, and the
    /// repeat count.
    public var messages: [MessageLine] {
        state.messages.entries.map { messageRow($0) }
    }

    /// One log entry's row; `subject` is `subject(of:)` of its message (computed when nil).
    public func messageRow(_ entry: MessageLog.Entry, subject: String? = nil) -> MessageLine {
        let message = entry.message
        let isLocal = LocalMessage(rawValue: message.code) != nil
        return MessageLine(
            time: clock(entry.lastSeen), level: Self.level(message.severity),
            code: isLocal ? nil : String(message.code),
            text: isLocal ? LocalMessage.line(title: message.title, explanation: message.explanation)
                : (subject ?? self.subject(of: message)) + Self.words(of: message),
            count: entry.count)
    }

    /// The words after the subject: the catalog's title, or for an order IB rejected with a
    /// reason (`Order rejected - reason: …`) that reason, which says more than the title.
    static func words(of message: ExplainedMessage) -> String {
        guard isRefusal(message), message.context?.isOrder == true,
              let marker = message.ibText.range(of: "reason:") else { return message.title }
        let reason = message.ibText[marker.upperBound...].drop { $0 == " " }
        return reason.isEmpty ? message.title : String(reason)
    }

    /// Whether the message ends the request it names as an error (202, a cancel, excepted).
    static func isRefusal(_ message: ExplainedMessage) -> Bool {
        message.severity == .error && message.requestIsDead && message.code != 202
    }

    /// Whether `entry` is ibterm's own message (its row names no subject).
    static func isLocal(_ entry: MessageLog.Entry) -> Bool {
        LocalMessage(rawValue: entry.message.code) != nil
    }

    /// What a notice is about, before its title: what its request id stood for
    /// (`Order 12 BUY 100 AAPL LMT 231.20 rejected: `, `AAPL quote: `, `AAPL history: `,
    /// `System notice: `), else `NVDA: ` for a market-data request or `#1042 AAPL: ` for an
    /// order the dashboard knows, else nothing.
    public func subject(of message: ExplainedMessage) -> String {
        if let context = message.context {
            let refused = Self.isRefusal(message)
            switch context.kind {
            case .order where refused: return "\(context) rejected: "
            case .whatIf where refused: return "\(context) refused: "
            default: return "\(context): "
            }
        }
        guard message.requestID != Notice.noRequestID else { return "" }
        if let symbol = state.quotes.symbol(forRequestID: message.requestID) { return "\(symbol): " }
        if let order = state.orders[message.requestID] { return "#\(order.orderID) \(order.symbol): " }
        return ""
    }
}
