import TWSWire

/// IB's tick types by name for the trace's text (`bid(1)`, `lastTimestamp(45)`), as TWSWire's
/// `TickType` constants name them; a type without a constant is its number (`tick 23`).
enum TickTypeName {
    private static let names: [Int: String] = [
        0: "bidSize", 1: "bid", 2: "ask", 3: "askSize", 4: "last", 5: "lastSize", 6: "high", 7: "low", 8: "volume",
        9: "close", 14: "open", 21: "avgVolume", 37: "markPrice", 45: "lastTimestamp", 46: "shortable", 48: "rtVolume",
        49: "halted", 66: "delayedBid", 67: "delayedAsk", 68: "delayedLast", 69: "delayedBidSize", 70: "delayedAskSize",
        71: "delayedLastSize", 72: "delayedHigh", 73: "delayedLow", 74: "delayedVolume", 75: "delayedClose",
        76: "delayedOpen", 84: "lastExchange", 88: "delayedLastTimestamp", 90: "delayedHalted",
    ]

    /// `bid(1)`, or `tick 23` for a type without a name.
    static func text(_ type: TickType) -> String {
        names[type.rawValue].map { "\($0)(\(type.rawValue))" } ?? type.description
    }
}
