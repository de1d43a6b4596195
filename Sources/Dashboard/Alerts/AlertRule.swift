import Vocabulary

/// What an alert watches, as the trader writes it after `:alert`.
///
/// - `AAPL > 275`, `AAPL < 260`: the last price (else the midpoint) of a LIVE quote crosses a level;
/// - `AAPL chg% < -2`: the change against the previous close, in percent, of a LIVE quote;
/// - `pnl < -500`: the session's daily P&L;
/// - `stale AAPL 30s`: the quote has not been LIVE for that long (a feed gone quiet);
/// - `farm`: any market-data farm is down.
///
/// Price rules judge only LIVE quotes: a stale or delayed price never fires an alert.
public enum AlertRule: Sendable, Hashable, Codable {
    /// A price level crossed.
    case price(symbol: String, comparison: AlertComparison, level: FixedDecimal)
    /// The change against the previous close, in percent.
    case changePercent(symbol: String, comparison: AlertComparison, level: FixedDecimal)
    /// The daily P&L.
    case dailyPnL(comparison: AlertComparison, level: FixedDecimal)
    /// A quote not LIVE for at least `seconds`.
    case stale(symbol: String, seconds: Int)
    /// Any market-data farm down.
    case farmDown

    /// The symbol the rule watches, if one.
    public var symbol: String? {
        switch self {
        case .price(let symbol, _, _), .changePercent(let symbol, _, _), .stale(let symbol, _): symbol
        case .dailyPnL, .farmDown: nil
        }
    }

    /// Whether the rule judges a quote's price (a price level or the change in percent).
    public var isPriceRule: Bool {
        switch self {
        case .price, .changePercent: true
        default: false
        }
    }

    /// The rule as the trader writes it (`AAPL > 275.00`).
    public var text: String {
        switch self {
        case let .price(symbol, comparison, level): "\(symbol) \(comparison.rawValue) \(level.formatted(minimumFractionDigits: 2))"
        case let .changePercent(symbol, comparison, level): "\(symbol) chg% \(comparison.rawValue) \(level)"
        case let .dailyPnL(comparison, level): "pnl \(comparison.rawValue) \(level.formatted(minimumFractionDigits: 2))"
        case let .stale(symbol, seconds): "stale \(symbol) \(seconds)s"
        case .farmDown: "farm"
        }
    }

    /// Parses a rule (the words after `:alert`).
    /// - Returns: the rule, or a sentence saying what is wrong and what is understood.
    public static func parse(_ text: String) -> Result<AlertRule, CommandLineError> {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let usage = "write e.g. 'alert AAPL > 275', 'alert AAPL chg% < -2', 'alert pnl < -500', 'alert stale AAPL 30s' or 'alert farm'."
        guard let first = words.first?.lowercased() else {
            return .failure(CommandLineError("Say what to watch: \(usage)"))
        }
        if first == "farm", words.count == 1 { return .success(.farmDown) }
        if first == "stale" {
            guard words.count == 3, Watchlist.isValidSymbol(words[1]) else {
                return .failure(CommandLineError("'stale' takes a symbol and a time: 'alert stale AAPL 30s'."))
            }
            let spelled = words[2].lowercased()
            let digits = spelled.hasSuffix("s") ? String(spelled.dropLast()) : spelled
            guard let seconds = Int(digits), seconds > 0, seconds <= 86_400 else {
                return .failure(CommandLineError("'\(words[2])' is not a time in seconds between 1 and 86400 (e.g. 30s)."))
            }
            return .success(.stale(symbol: Watchlist.normalize(words[1]), seconds: seconds))
        }
        var rest = words[...]
        let subject = rest.removeFirst()
        var percent = false
        if rest.first?.lowercased() == "chg%" {
            percent = true
            rest.removeFirst()
        }
        guard rest.count == 2, let comparison = AlertComparison(rawValue: rest[rest.startIndex]) else {
            return .failure(CommandLineError("'\(text)' is not an alert: \(usage)"))
        }
        let levelText = rest[rest.index(after: rest.startIndex)].replacingOccurrences(of: ",", with: "")
        guard let level = try? FixedDecimal(parsing: levelText, exponent: false) else {
            return .failure(CommandLineError("'\(levelText)' is not a number; \(usage)"))
        }
        if subject.lowercased() == "pnl" {
            guard !percent else { return .failure(CommandLineError("'pnl' takes an amount: 'alert pnl < -500'.")) }
            return .success(.dailyPnL(comparison: comparison, level: level))
        }
        guard Watchlist.isValidSymbol(subject) else {
            return .failure(CommandLineError("'\(subject)' is not a symbol; \(usage)"))
        }
        let symbol = Watchlist.normalize(subject)
        if percent { return .success(.changePercent(symbol: symbol, comparison: comparison, level: level)) }
        guard level > 0 else { return .failure(CommandLineError("A price level must be above zero.")) }
        return .success(.price(symbol: symbol, comparison: comparison, level: level))
    }
}

/// Above or below.
public enum AlertComparison: String, Sendable, Hashable, Codable {
    /// Fires when the value is above the level.
    case above = ">"
    /// Fires when the value is below the level.
    case below = "<"

    /// Whether `value` is on the alert's side of `level`.
    public func holds(_ value: Double, _ level: FixedDecimal) -> Bool {
        self == .above ? value > level.doubleValue : value < level.doubleValue
    }
}
