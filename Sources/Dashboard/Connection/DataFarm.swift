import Vocabulary

/// One of IB's data farms, its last reported state and when it was reported, as the status bar
/// shows it. Each farm notice is read by ``FarmNotice`` (kind and state from the code, the
/// farm's name from the text).
public struct DataFarm: Sendable, Hashable {
    /// The farm's name (`usfarm`, `ushmds`, `secdefil`), or the kind's name if IB gave none.
    public var name: String
    /// What it serves.
    public var kind: FarmKind
    /// Its state.
    public var state: FarmState
    /// When that state was reported.
    public var since: Timestamp

    /// Creates a farm entry.
    public init(name: String, kind: FarmKind, state: FarmState, since: Timestamp) {
        self.name = name
        self.kind = kind
        self.state = state
        self.since = since
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
}
