/// A trace record read as a message: its direction, name and fields, the ids it is about and
/// what they were (from the request that opened them earlier in the trace).
public struct TraceEntry: Sendable, Hashable {
    /// Which way a record went.
    public enum Direction: String, Sendable, Hashable {
        /// From the gateway to ibterm (`←`).
        case inbound = "in"
        /// From ibterm to the gateway (`→`).
        case outbound = "out"
        /// A connection's opening, end, or a gap in the records.
        case event
    }

    /// The record read.
    public var record: TraceRecord
    /// Which way it went.
    public var direction: Direction
    /// IB's name of the message (`TICK_PRICE`, `PLACE_ORDER`), or what the event is
    /// (`HANDSHAKE`, `OPENED`, `CLOSED`, `DROPPED`).
    public var name: String
    /// The message id, for a message.
    public var messageID: Int?
    /// The decoded fields (unset values left out); the raw fields, numbered, when the message
    /// could not be decoded.
    public var fields: [TraceField]
    /// The request, ticker or order ids the message is about.
    public var ids: [Int]
    /// IB's code, for an ERR_MSG.
    public var code: Int?
    /// The symbols the message names or is about (through its ids).
    public var symbols: [String]
    /// What its id was, from the request that opened it earlier in the trace
    /// (`reqMktData AAPL`, `BUY 100 AAPL LMT 231.2`).
    public var about: String?
    /// Why the message could not be decoded, when it could not.
    public var problem: String?

    /// Whether `pattern` finds this entry: an error code, an id it is about, or a symbol it
    /// names (any case).
    public func matches(_ pattern: String) -> Bool {
        let trimmed = pattern.trimmingPrefix("#")
        if let number = Int(trimmed) {
            return code == number || ids.contains(number)
        }
        let upper = pattern.uppercased()
        return symbols.contains { $0.uppercased() == upper }
    }
}
