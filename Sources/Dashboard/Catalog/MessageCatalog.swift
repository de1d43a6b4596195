import Vocabulary

/// The plain-language catalog of IB message codes.
///
/// ### Purpose
/// TWS sends real errors, warnings and "all is well" notices through one channel. The catalog
/// says, for every code documented in `docs/ib-message-codes.md`, what happened in the trader's
/// words, what to do, how serious it is, what area it concerns and whether the request it names
/// is dead. Classification is always by code, never by IB's (possibly localised) text.
public enum MessageCatalog {
    /// Every entry, sorted by code.
    public static let entries: [CatalogEntry] = {
        let all = connectivityEntries + clientEntries + pacingEntries + marketDataEntries
            + historicalEntries + orderEntries + accountEntries
        return all.sorted { $0.code < $1.code }
    }()

    private static let entriesByCode: [Int: CatalogEntry] = {
        Dictionary(entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }()

    /// The catalog entry for `code`, or `nil` if the catalog does not know it.
    public static func entry(for code: Int) -> CatalogEntry? {
        entriesByCode[code]
    }

    /// The entry for `code`, falling back to one that keeps IB's code and text.
    public static func entryOrUnknown(for code: Int, ibText: String = "") -> CatalogEntry {
        entry(for: code) ?? .unknown(code: code, ibText: ibText)
    }

    /// Codes that mean the modify was refused but the original order keeps working, when they
    /// answer a change to an existing order rather than a new order.
    static let modifyTolerantCodes: Set<Int> = [105, 110, 321, 329]

    /// Explains a notice with the context the dashboard knows (symbol, last good quote, whether
    /// it answered a modify), filling the entry's `{symbol}` and `{last_quote}` placeholders.
    public static func explain(_ notice: Notice, context: MessageContext = MessageContext()) -> ExplainedMessage {
        var entry = entryOrUnknown(for: notice.code, ibText: notice.text)
        if context.isModification && modifyTolerantCodes.contains(notice.code) {
            entry.severity = .warning
            entry.requestIsDead = false
            entry.explanation += " This answered a change to a working order: the change was refused and the original order is still working unchanged."
        }
        if notice.code == 202 && context.cancelRequestedByUser {
            entry.severity = .info
        }
        return ExplainedMessage(
            code: notice.code,
            requestID: notice.requestID,
            title: fill(entry.title, context),
            explanation: fill(entry.explanation, context),
            action: fill(entry.action, context),
            severity: entry.severity,
            category: entry.category,
            requestIsDead: entry.requestIsDead,
            ibText: notice.text,
            isKnown: entry.isKnown,
            context: context.request ?? notice.context ?? (notice.isSessionWide ? .system : nil)
        )
    }

    /// The entry with its placeholders filled from `context`, or, without a context, with
    /// generic wording ("the symbol", "the time of the last good quote") for reference output
    /// such as `ibterm explain`.
    public static func filledEntry(_ entry: CatalogEntry, context: MessageContext? = nil) -> CatalogEntry {
        var result = entry
        let fillText: (String) -> String = { text in
            if let context { return fill(text, context) }
            return text.replacing("{symbol}", with: "the symbol")
                .replacing("{last_quote}", with: "the time of the last good quote")
        }
        result.title = fillText(entry.title)
        result.explanation = fillText(entry.explanation)
        result.action = fillText(entry.action)
        return result
    }

    /// Replaces `{symbol}` and `{last_quote}` in `text`.
    static func fill(_ text: String, _ context: MessageContext) -> String {
        guard text.contains("{") else { return text }
        var result = text.replacing("{symbol}", with: context.symbol ?? "this instrument")
        result = result.replacing("{last_quote}", with: context.lastGoodQuoteDescription)
        return result
    }
}
