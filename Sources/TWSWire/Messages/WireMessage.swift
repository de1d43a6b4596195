/// A TWS message body: its fields after the message id, laid out for a server version.
///
/// Each message type reads and writes its own fields; ``ServerMessage`` and ``ClientMessage``
/// add the message id and dispatch on it. Reading and writing the same value at the same
/// server version gives the same fields back.
public protocol WireMessage: Hashable, Sendable {
    /// IB's name for the message, e.g. `TICK_PRICE`, used in error reports.
    static var wireName: StaticString { get }
    /// Reads the fields that follow the message id.
    init(from reader: inout FieldReader, serverVersion: Int) throws(WireDecodingError)
    /// Writes the fields that follow the message id.
    func write(to writer: inout FieldWriter, serverVersion: Int)
}

extension FieldReader {
    /// Skips the small per-message version field that older messages carry.
    mutating func version() throws(WireDecodingError) {
        _ = try int("version")
    }
}
