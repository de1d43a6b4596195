/// An error or notice from TWS (IB: ERR_MSG, id 4).
///
/// TWS sends errors, warnings and plain status notices (2104 "market data farm is OK") through
/// this one message. `id` is the request or order it concerns, or -1 for the connection.
public struct ErrorMessage: WireMessage {
    public static let wireName: StaticString = "ERR_MSG"
    /// The request id, order id or ticker id concerned; -1 for none.
    public var id: Int
    /// IB's code, e.g. 354, 1100, 2104.
    public var code: Int
    /// IB's text.
    public var message: String
    /// JSON with the reasons for a rejected order (server version 166+).
    public var advancedOrderRejectJson: String
    /// When TWS raised it, milliseconds since the epoch (server version 194+).
    public var errorTime: Int?

    /// Creates the value from its fields.
    public init(id: Int, code: Int, message: String, advancedOrderRejectJson: String = "", errorTime: Int? = nil) {
        self.id = id
        self.code = code
        self.message = message
        self.advancedOrderRejectJson = advancedOrderRejectJson
        self.errorTime = errorTime
    }

    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        if serverVersion < ServerVersion.errorTime { try r.version() }
        id = try r.int("id")
        code = try r.int("errorCode")
        message = try r.escapedString("errorMsg")
        advancedOrderRejectJson = serverVersion >= ServerVersion.advancedOrderReject ? try r.escapedString("advancedOrderRejectJson") : ""
        errorTime = serverVersion >= ServerVersion.errorTime ? try r.optionalInt("errorTime") : nil
    }

    public func write(to w: inout FieldWriter, serverVersion: Int) {
        if serverVersion < ServerVersion.errorTime { w.int(2) }
        w.int(id)
        w.int(code)
        w.escapedString(message)
        if serverVersion >= ServerVersion.advancedOrderReject { w.escapedString(advancedOrderRejectJson) }
        if serverVersion >= ServerVersion.errorTime { w.int(errorTime, unset: .empty) }
    }
}
