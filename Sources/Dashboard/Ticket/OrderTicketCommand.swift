/// Parses the command-line order form:
/// `buy|sell QTY SYMBOL [mkt | lmt PRICE | stp PRICE | stplmt STOP LIMIT] [gtc]`.
///
/// Words are case-insensitive and separated by spaces; without an order-type word the order is
/// a market order, and without `gtc` it is a DAY order. The quantity and prices are kept as
/// typed so that the ticket's validation produces its usual field-specific refusals.
public enum OrderTicketCommand {
    /// Parses `line` into a ticket in the editing phase.
    public static func parse(_ line: String) throws(TicketCommandError) -> OrderTicket {
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard !words.isEmpty else {
            throw TicketCommandError(.empty, "Type an order, e.g. 'buy 100 AAPL lmt 231.40'.")
        }
        let sideWord = words.removeFirst().lowercased()
        let side: OrderSide
        switch sideWord {
        case "buy": side = .buy
        case "sell": side = .sell
        default: throw TicketCommandError(.unknownSide, "'\(sideWord)' is not an order side; start with 'buy' or 'sell'.")
        }
        guard words.count >= 2 else {
            throw TicketCommandError(.missingArguments, missingParts(side: sideWord, words: words))
        }
        let quantityText = words.removeFirst()
        let symbol = words.removeFirst().uppercased()
        guard symbol.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "./-".contains($0)) }),
              symbol.first?.isLetter == true
        else {
            throw TicketCommandError(.invalidSymbol, "'\(symbol)' is not a valid symbol.")
        }
        var ticket = OrderTicket(side: side, symbol: symbol, quantityText: quantityText, orderType: .market)
        if let typeWord = words.first?.lowercased(), typeWord != "gtc" {
            words.removeFirst()
            switch typeWord {
            case "mkt":
                ticket.orderType = .market
            case "lmt":
                ticket.orderType = .limit
                ticket.limitPriceText = try takePrice(&words, "lmt needs a limit price: 'lmt 231.40'.")
            case "stp":
                ticket.orderType = .stop
                ticket.stopPriceText = try takePrice(&words, "stp needs a stop price: 'stp 225.00'.")
            case "stplmt":
                ticket.orderType = .stopLimit
                ticket.stopPriceText = try takePrice(&words, "stplmt needs a stop and a limit price: 'stplmt 225.00 224.50'.")
                ticket.limitPriceText = try takePrice(&words, "stplmt needs a limit price after the stop price.")
            default:
                throw TicketCommandError(.unknownOrderType, "'\(typeWord)' is not an order type; use mkt, lmt, stp or stplmt.")
            }
        }
        if words.first?.lowercased() == "gtc" {
            words.removeFirst()
            ticket.timeInForce = .goodTillCancelled
        }
        if let extra = words.first {
            throw TicketCommandError(.unexpectedWord, "Unexpected '\(extra)' at the end of the order.")
        }
        return ticket
    }

    /// Parses `line` and reviews it, returning a ticket in the reviewing phase.
    /// - Throws: `TicketCommandError`; code `.refused` carries the ticket's `TicketRefusal`.
    public static func review(_ line: String, in context: TicketContext) throws(TicketCommandError) -> OrderTicket {
        var ticket = try parse(line)
        do {
            try ticket.review(in: context)
        } catch {
            throw TicketCommandError(.refused, error.message, refusal: error)
        }
        return ticket
    }

    private static func takePrice(_ words: inout [String], _ message: String) throws(TicketCommandError) -> String {
        guard let word = words.first, word.lowercased() != "gtc" else {
            throw TicketCommandError(.missingPrice, message)
        }
        words.removeFirst()
        return word
    }
}
