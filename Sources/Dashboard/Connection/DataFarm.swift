/// One of IB's data farms and its last reported state.
///
/// IB reports farms through notices: market data 2103 broken, 2104 OK, 2108 inactive, 2119
/// connecting; historical data (HMDS) 2105 broken, 2106 OK, 2107 inactive; security definitions
/// 2157 broken, 2158 OK. The farm's name follows the last colon of the text (`usfarm`).
public struct DataFarm: Sendable, Hashable {
    /// What a farm serves.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Quotes.
        case marketData = "market data"
        /// Historical data (HMDS).
        case historicalData = "historical data"
        /// Contract definitions.
        case securityDefinition = "security definition"
    }

    /// A farm's state.
    public enum State: String, Sendable, Hashable, CaseIterable {
        /// Connected and healthy.
        case ok
        /// Disconnected; data it serves pauses.
        case broken
        /// Asleep because nothing uses it; wakes on demand.
        case inactive
        /// Connecting.
        case connecting
    }

    /// The farm's name (`usfarm`, `ushmds`, `secdefil`), or the kind's name if IB gave none.
    public var name: String
    /// What it serves.
    public var kind: Kind
    /// Its state.
    public var state: State
    /// When that state was reported.
    public var since: Timestamp

    /// Creates a farm entry.
    public init(name: String, kind: Kind, state: State, since: Timestamp) {
        self.name = name
        self.kind = kind
        self.state = state
        self.since = since
    }

    /// The kind and state a farm notice code reports, or `nil` for other codes.
    public static func classify(code: Int) -> (kind: Kind, state: State)? {
        switch code {
        case 2103: (.marketData, .broken)
        case 2104: (.marketData, .ok)
        case 2108: (.marketData, .inactive)
        case 2119: (.marketData, .connecting)
        case 2105: (.historicalData, .broken)
        case 2106: (.historicalData, .ok)
        case 2107: (.historicalData, .inactive)
        case 2157: (.securityDefinition, .broken)
        case 2158: (.securityDefinition, .ok)
        default: nil
        }
    }

    /// Whether the market-data farm `name` may feed quotes of `instrumentClass`.
    ///
    /// IB names farms by what they serve (`usfarm` US stocks, `cashfarm` currencies, `usfuture`
    /// US futures, `usopt` US options, `eufarm`, `jfarm`, `hfarm` regional stocks). A name this
    /// table does not know may feed anything, so it answers true: a quote is only suspected,
    /// and a change received afterwards clears the suspicion.
    public static func mayFeed(_ name: String, _ instrumentClass: InstrumentClass) -> Bool {
        let name = name.lowercased()
        if name.hasPrefix("cashfarm") { return instrumentClass == .forex }
        if name.hasPrefix("usfut") { return instrumentClass == .future }
        if name.hasPrefix("usopt") { return instrumentClass == .option }
        if name.hasPrefix("usfarm") { return instrumentClass == .stock || instrumentClass == .index }
        return true
    }

    /// The farm name in a notice's text: what follows the last colon, trimmed.
    public static func name(in text: String) -> String? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        let name = text[text.index(after: colon)...].trimmingPrefix(" ")
        return name.isEmpty ? nil : String(name)
    }
}
