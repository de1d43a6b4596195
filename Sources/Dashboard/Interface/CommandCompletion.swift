/// Tab completion of the command line: verbs first, then the symbol a verb takes
/// (`DashboardCommand.Verb.symbolWord`) from the symbols given (the watchlist's and the
/// positions').
public enum CommandCompletion {
    /// What Tab does to a line.
    public struct Result: Sendable, Hashable {
        /// The line after completion (unchanged when nothing matched or nothing was added).
        public var line: String
        /// Every match of the word being completed, sorted (one when the line was completed).
        public var candidates: [String]
    }

    /// Completes the last word of `line` (the word after the cursor's last blank): one match is
    /// written out followed by a blank; several are completed to their longest common prefix.
    /// Symbols match in any case and are written in capitals.
    public static func complete(_ line: String, symbols: [String]) -> Result {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let startsNewWord = line.isEmpty || line.last == " " || line.last == "\t"
        let index = startsNewWord ? words.count : words.count - 1
        let typed = startsNewWord ? "" : words[index]
        let candidates: [String]
        if index == 0 {
            let prefix = String(typed.drop(while: { $0 == ":" })).lowercased()
            candidates = DashboardCommand.verbs.map(\.name).filter { $0.hasPrefix(prefix) }
        } else if let verb = DashboardCommand.verb(named: String(words[0].drop(while: { $0 == ":" }))),
                  verb.symbolWord == index - 1 {
            let prefix = typed.uppercased()
            candidates = Set(symbols).filter { $0.hasPrefix(prefix) }.sorted()
        } else {
            candidates = []
        }
        guard !candidates.isEmpty else { return Result(line: line, candidates: []) }
        let head = line.dropLast(typed.count)
        let leadingColon = index == 0 && typed.hasPrefix(":") ? ":" : ""
        if candidates.count == 1 {
            return Result(line: head + leadingColon + candidates[0] + " ", candidates: candidates)
        }
        let common = candidates.dropFirst().reduce(candidates[0]) { prefix, next in
            String(zip(prefix, next).prefix { $0 == $1 }.map(\.0))
        }
        // Written out when it adds letters or spells the typed ones as the matches do (`a` → `A`).
        guard common != typed.dropFirst(leadingColon.count) else { return Result(line: line, candidates: candidates) }
        return Result(line: head + leadingColon + common, candidates: candidates)
    }
}
