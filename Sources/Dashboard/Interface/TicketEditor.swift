/// The order ticket as the UI edits it: the ticket, the field the cursor is in, the last
/// refusal, and the order id once sent.
public struct TicketEditor: Sendable, Hashable {
    /// The ticket (fields and phase: editing, reviewing, sent).
    public var ticket: OrderTicket
    /// The field typed text goes into.
    public var focusedField: TicketInputField {
        didSet { if focusedField != oldValue { replacesOnType = true } }
    }
    /// Whether the next character typed replaces the focused field's text (a field just
    /// focused, or prefilled when the ticket opened), as in a spreadsheet; after it, typing
    /// appends. Backspace edits the text and ends it.
    public var replacesOnType = true
    /// Why the last review or send was refused, naming the field; cleared by any edit.
    public var refusal: TicketRefusal?
    /// The order id the ticket's order was sent with, once sent.
    public var sentOrderID: Int?
    /// The gateway's what-if for the current review, if asked.
    public var whatIf: WhatIfStatus?

    /// Creates an editor on `ticket` with the cursor in the quantity.
    public init(ticket: OrderTicket, focusedField: TicketInputField = .quantity) {
        self.ticket = ticket
        self.focusedField = focusedField
    }

    /// The fields that apply to the ticket's order type, in order.
    public var applicableFields: [TicketInputField] {
        TicketInputField.allCases.filter { $0.applies(to: ticket) }
    }

    /// The text of `field`.
    public func text(of field: TicketInputField) -> String {
        switch field {
        case .quantity: ticket.quantityText
        case .limitPrice: ticket.limitPriceText
        case .stopPrice: ticket.stopPriceText
        case .trail: ticket.trailText
        case .limitOffset: ticket.limitOffsetText
        case .takeProfit: ticket.takeProfitText
        case .stopLoss: ticket.stopLossText
        }
    }

    /// Replaces the text of `field` (returning the ticket to editing).
    public mutating func setText(_ text: String, of field: TicketInputField) {
        switch field {
        case .quantity: ticket.quantityText = text
        case .limitPrice: ticket.limitPriceText = text
        case .stopPrice: ticket.stopPriceText = text
        case .trail: ticket.trailText = text
        case .limitOffset: ticket.limitOffsetText = text
        case .takeProfit: ticket.takeProfitText = text
        case .stopLoss: ticket.stopLossText = text
        }
        refusal = nil
    }

    /// Moves the cursor by `offset` fields among the applicable ones, wrapping around.
    /// Types `text` into the focused field: replaces a freshly focused field's text, else
    /// appends.
    public mutating func type(_ text: String) {
        let current = replacesOnType ? "" : self.text(of: focusedField)
        setText(current + text, of: focusedField)
        replacesOnType = false
    }

    /// Deletes the focused field's last character.
    public mutating func deleteBackward() {
        setText(String(text(of: focusedField).dropLast()), of: focusedField)
        replacesOnType = false
    }

    public mutating func moveFocus(by offset: Int) {
        let fields = applicableFields
        let current = fields.firstIndex(of: focusedField) ?? 0
        focusedField = fields[((current + offset) % fields.count + fields.count) % fields.count]
    }

    /// Puts the cursor back on an applicable field after the order type changed.
    mutating func normalizeFocus() {
        if !focusedField.applies(to: ticket) { focusedField = .quantity }
    }
}
