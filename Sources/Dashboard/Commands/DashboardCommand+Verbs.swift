/// The command line's verbs: one table that the parser's refusals, the closest-command hint,
/// Tab completion and the footer read, so a verb added to it gets them all.
extension DashboardCommand {
    /// One verb of the command line.
    public struct Verb: Sendable, Hashable {
        /// The name completion offers and the hint suggests (`cancelall`).
        public var name: String
        /// Other spellings the parser accepts (`rm`, `del`).
        public var aliases: [String]
        /// How it is typed, for refusals: `buy QTY SYMBOL [mkt|lmt P|stp P|stplmt S L] [gtc]`.
        public var usage: String
        /// Which word after the verb is a symbol (0: the first), which Tab completes from the
        /// watchlist and the positions; nil when the verb takes no symbol.
        public var symbolWord: Int?

        /// Creates a verb.
        public init(_ name: String, aliases: [String] = [], usage: String, symbolWord: Int? = nil) {
            self.name = name
            self.aliases = aliases
            self.usage = usage
            self.symbolWord = symbolWord
        }

        /// The name and the aliases.
        public var spellings: [String] { [name] + aliases }
    }

    /// Every verb, in the order refusals list them. A verb the parser learns goes here too
    /// (`DashboardCommandTests` checks that every verb listed parses as a known command).
    public static let verbs: [Verb] = [
        Verb("buy", usage: "buy QTY|$AMOUNT SYMBOL [mkt|lmt P|stp P|stplmt S L|trail D|traillmt D O|oca] [gtc|ioc|fok] [tp P sl P]", symbolWord: 1),
        Verb("sell", usage: "sell QTY|$AMOUNT SYMBOL [mkt|lmt P|stp P|stplmt S L|trail D|traillmt D O|oca] [gtc|ioc|fok] [tp P sl P]", symbolWord: 1),
        Verb("cancel", usage: "cancel ORDER_ID"),
        Verb("cancelall", usage: "cancelall"),
        Verb("modify", aliases: ["mod"], usage: "modify ORDER_ID [qty|lmt|stp VALUE]"),
        Verb("flatten", aliases: ["close"], usage: "flatten SYMBOL|all", symbolWord: 0),
        Verb("add", usage: "add SYMBOL", symbolWord: 0),
        Verb("remove", aliases: ["rm", "del"], usage: "remove SYMBOL", symbolWord: 0),
        Verb("sort", usage: "sort COLUMN [asc|desc] | sort none"),
        Verb("wl", aliases: ["watchlist"], usage: "wl new NAME | wl rename NAME | wl delete | wl NAME"),
        Verb("alert", usage: "alert SYMBOL >|< PRICE | SYMBOL chg% >|< PCT | pnl >|< AMOUNT | stale SYMBOL 30s | farm | rm N", symbolWord: 0),
        Verb("alerts", usage: "alerts"),
        Verb("ack", usage: "ack (acknowledge fired alerts)"),
        Verb("explain", usage: "explain CODE"),
        Verb("theme", usage: "theme NAME"),
        Verb("dump", usage: "dump (write the last minutes of traffic next to the log)"),
        Verb("help", aliases: ["?"], usage: "help"),
        Verb("quit", aliases: ["q"], usage: "quit"),
    ]

    /// The verb spelled `word` (a name or an alias, any case), if any.
    public static func verb(named word: String) -> Verb? {
        let word = word.lowercased()
        return verbs.first { $0.spellings.contains(word) }
    }

    /// The verb name closest to `word` by edit distance (insertions, deletions, substitutions
    /// and swaps of two neighbours each count one); among equally close ones, a name that
    /// starts with `word`'s first letter, then the table's order.
    public static func closestVerb(to word: String) -> String {
        let word = word.lowercased()
        var best: (distance: Int, sameStart: Bool, name: String)?
        for verb in verbs {
            for spelling in verb.spellings {
                let distance = editDistance(word, spelling)
                let sameStart = spelling.first == word.first
                if let current = best,
                   (current.distance, current.sameStart ? 0 : 1) <= (distance, sameStart ? 0 : 1) { continue }
                best = (distance, sameStart, verb.name)
            }
        }
        return best?.name ?? verbs[0].name
    }

    /// The refusal for a word that is no verb: `unknown command 'foo'; did you mean 'add'?`.
    public static func unknownVerbMessage(_ word: String) -> String {
        "unknown command '\(word)'; did you mean '\(closestVerb(to: word))'?"
    }

    /// The optimal-string-alignment distance between `a` and `b` (Levenshtein with
    /// transpositions of neighbours).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, rows[i - 2][j - 2] + 1)
                }
                rows[i][j] = value
            }
        }
        return rows[a.count][b.count]
    }
}
