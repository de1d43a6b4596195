/// What one IB message code means, in a trader's words.
///
/// The texts may contain the placeholders `{symbol}` and `{last_quote}`, which
/// `MessageCatalog.explain(_:context:)` fills from a `MessageContext`.
public struct CatalogEntry: Sendable, Hashable, Codable {
    /// IB's message code.
    public var code: Int
    /// A short title (a few words).
    public var title: String
    /// What happened, in the trader's terms.
    public var explanation: String
    /// What the trader should do about it.
    public var action: String
    /// How much it matters.
    public var severity: MessageSeverity
    /// The area it concerns.
    public var category: MessageCategory
    /// Whether the request or order the message names will produce nothing more.
    public var requestIsDead: Bool
    /// Whether the entry comes from the catalog (`true`) or was made up for an unknown code.
    public var isKnown: Bool

    /// Creates an entry.
    public init(
        code: Int, title: String, explanation: String, action: String,
        severity: MessageSeverity, category: MessageCategory, requestIsDead: Bool,
        isKnown: Bool = true
    ) {
        self.code = code
        self.title = title
        self.explanation = explanation
        self.action = action
        self.severity = severity
        self.category = category
        self.requestIsDead = requestIsDead
        self.isKnown = isKnown
    }

    /// Shorthand used by the catalog tables.
    init(
        _ code: Int, _ severity: MessageSeverity, _ category: MessageCategory, dead: Bool,
        _ title: String, _ explanation: String, _ action: String
    ) {
        self.init(
            code: code, title: title, explanation: explanation, action: action,
            severity: severity, category: category, requestIsDead: dead
        )
    }

    /// The entry for a code the catalog does not know: it keeps IB's code and text, and is a
    /// warning that does not declare the request dead (new codes keep appearing with new TWS
    /// versions, and most of them are advisories).
    ///
    /// The category is a guess from IB's numbering bands unless the caller knows better (the
    /// executable knows whether the id names an order or a data request): 500–599 are client
    /// errors, 1100–1399 and 2100–2199 connectivity, 100–499 mostly order and request
    /// validation, everything else market data.
    public static func unknown(code: Int, ibText: String, category: MessageCategory? = nil) -> CatalogEntry {
        let text = ibText.isEmpty ? "IB sent message \(code) with no text." : ibText
        return CatalogEntry(
            code: code,
            title: "IB message \(code)",
            explanation: text,
            action: "ibterm does not know this code yet. Keep watching the request or order it names; look the code up in IB's message-code table if it repeats.",
            severity: .warning, category: category ?? guessCategory(code),
            requestIsDead: false, isKnown: false
        )
    }

    private static func guessCategory(_ code: Int) -> MessageCategory {
        switch code {
        case 500..<600: .client
        case 1100..<1400, 2100..<2200: .connectivity
        case 100..<500: .order
        default: .marketData
        }
    }
}
