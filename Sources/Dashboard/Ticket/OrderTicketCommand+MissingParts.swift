/// What an order line that stops short lacks, in words.
extension OrderTicketCommand {
    /// The refusal for `side` (`buy`, `sell`) followed by fewer than two `words`: which of the
    /// quantity and the symbol is missing, then how the line is typed (the verb's usage from
    /// `DashboardCommand.verbs`).
    ///
    /// `buy` → `'buy' needs a quantity and a symbol: buy QTY SYMBOL …`; `buy 100` → a symbol;
    /// `buy AAPL` → a quantity before the symbol.
    static func missingParts(side: String, words: [String]) -> String {
        let usage = DashboardCommand.verb(named: side)?.usage ?? "\(side) QTY SYMBOL"
        guard let word = words.first else {
            return "'\(side)' needs a quantity and a symbol: \(usage)"
        }
        let typed = "'\(side) \(word)'"
        if let first = word.first, first.isNumber || "$.-+".contains(first) {
            return "\(typed) needs a symbol after the quantity: \(usage)"
        }
        return "\(typed) needs a quantity before the symbol: \(usage)"
    }
}
