/// Why a command-line order (`buy 100 AAPL lmt 231.40`) could not become a reviewed ticket.
public struct TicketCommandError: Error, Sendable, Hashable {
    /// What went wrong.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The line is empty.
        case empty
        /// The first word is not `buy` or `sell`.
        case unknownSide
        /// The quantity or the symbol is missing.
        case missingArguments
        /// The symbol is not letters, digits, `.`, `-` or `/`.
        case invalidSymbol
        /// The order-type word is not `mkt`, `lmt`, `stp` or `stplmt`.
        case unknownOrderType
        /// The order type needs more prices than were given.
        case missingPrice
        /// Words were left over after the command.
        case unexpectedWord
        /// The ticket parsed but review refused it; see `refusal`.
        case refused
    }

    /// What went wrong.
    public var code: Code
    /// A sentence for the trader.
    public var message: String
    /// The ticket's refusal, when `code` is `.refused`.
    public var refusal: TicketRefusal?

    /// Creates an error.
    public init(_ code: Code, _ message: String, refusal: TicketRefusal? = nil) {
        self.code = code
        self.message = message
        self.refusal = refusal
    }
}
