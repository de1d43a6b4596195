/// What the ticket sends with (or instead of) its order: nothing, a bracket, or a
/// one-cancels-other exit pair.
public enum TicketAttachment: String, Sendable, Hashable, CaseIterable {
    /// The order alone.
    case none
    /// The order as a parent with two children of the other side, each waiting for the parent
    /// to fill and cancelling the other when it fills: a take-profit limit and a stop-loss stop.
    case bracket
    /// No entry: a take-profit limit and a stop-loss stop of the ticket's side for a position
    /// already held, one cancelling (reducing) the other as it fills.
    case ocaExit = "oca"

    /// The next one (the ticket's `a` key cycles them).
    public var next: TicketAttachment {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// How the ticket names it.
    public var label: String {
        switch self {
        case .none: "none"
        case .bracket: "bracket (take profit + stop loss)"
        case .ocaExit: "OCA exit pair (no entry)"
        }
    }
}

/// One order of what a review sends, with its part in the group.
public struct OrderLeg: Sendable, Hashable {
    /// The leg's part.
    public enum Role: String, Sendable, Hashable {
        /// The order itself (a bracket's parent).
        case entry
        /// The take-profit limit.
        case takeProfit = "take profit"
        /// The stop-loss stop.
        case stopLoss = "stop loss"
    }

    /// Its part.
    public var role: Role
    /// The order.
    public var instruction: OrderInstruction

    /// Creates a leg.
    public init(_ role: Role, _ instruction: OrderInstruction) {
        self.role = role
        self.instruction = instruction
    }
}
