/// Parses the command-line order form:
/// `buy|sell QTY|$MONEY SYMBOL [mkt | lmt PRICE | stp PRICE | stplmt STOP LIMIT | trail AMOUNT|PCT% |
/// traillmt AMOUNT OFFSET | oca] [gtc | ioc | fok] [tp PRICE|±OFFSET sl PRICE|±OFFSET]`
/// (`tp`/`sl` attach a bracket; after `oca` they are an exit pair without an entry).
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
            throw TicketCommandError(.missingArguments, "Give a quantity and a symbol: '\(sideWord) QTY SYMBOL'.")
        }
        let quantityText = words.removeFirst()
        let symbol = words.removeFirst().uppercased()
        guard symbol.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "./-".contains($0)) }),
              symbol.first?.isLetter == true
        else {
            throw TicketCommandError(.invalidSymbol, "'\(symbol)' is not a valid symbol.")
        }
        var ticket = OrderTicket(side: side, symbol: symbol, quantityText: quantityText, orderType: .market)
        let options: Set<String> = ["gtc", "day", "ioc", "fok", "tp", "sl"]
        if let typeWord = words.first?.lowercased(), !options.contains(typeWord) {
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
            case "trail":
                ticket.orderType = .trail
                ticket.trailText = try takePrice(&words, "trail needs a distance: 'trail 1.50' or 'trail 1%'.")
            case "traillmt":
                ticket.orderType = .trailLimit
                ticket.trailText = try takePrice(&words, "traillmt needs a distance and a limit offset: 'traillmt 1.50 0.10'.")
                ticket.limitOffsetText = try takePrice(&words, "traillmt needs a limit offset after the distance.")
            case "oca":
                ticket.attachment = .ocaExit
            default:
                throw TicketCommandError(.unknownOrderType, "'\(typeWord)' is not an order type; use mkt, lmt, stp, stplmt, trail, traillmt or oca (an exit pair).")
            }
        }
        while let word = words.first?.lowercased() {
            words.removeFirst()
            switch word {
            case "gtc": ticket.timeInForce = .goodTillCancelled
            case "day": ticket.timeInForce = .day
            case "ioc": ticket.timeInForce = .immediateOrCancel
            case "fok": ticket.timeInForce = .fillOrKill
            case "tp":
                if ticket.attachment == .none { ticket.attachment = .bracket }
                ticket.takeProfitText = try takePrice(&words, "tp needs a price or an offset from the entry: 'tp 240' or 'tp +2.50'.")
            case "sl":
                if ticket.attachment == .none { ticket.attachment = .bracket }
                ticket.stopLossText = try takePrice(&words, "sl needs a price or an offset from the entry: 'sl 225' or 'sl -1.50'.")
            default:
                throw TicketCommandError(.unexpectedWord, "Unexpected '\(word)' in the order; after the type come gtc, ioc, fok, 'tp PRICE' and 'sl PRICE'.")
            }
        }
        if ticket.attachment != .none, ticket.takeProfitText.isEmpty || ticket.stopLossText.isEmpty {
            throw TicketCommandError(.missingPrice, "A bracket or exit pair needs both 'tp PRICE' and 'sl PRICE'.")
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
        guard let word = words.first, !["gtc", "day", "ioc", "fok", "tp", "sl"].contains(word.lowercased()) else {
            throw TicketCommandError(.missingPrice, message)
        }
        words.removeFirst()
        return word
    }
}
