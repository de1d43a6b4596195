/// The next order id the client may use (IB: NEXT_VALID_ID, id 9).
public struct NextValidID: WireMessage {
    public static let wireName: StaticString = "NEXT_VALID_ID"
    /// The client-side order id.
    public var orderId: Int
    /// Creates the value from its fields.
    public init(orderId: Int) { self.orderId = orderId }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        orderId = try r.int("orderId")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(1)
        w.int(orderId)
    }
}

/// The accounts this login may trade (IB: MANAGED_ACCTS, id 15).
public struct ManagedAccounts: WireMessage {
    public static let wireName: StaticString = "MANAGED_ACCTS"
    /// Account ids, e.g. `["DU1234567"]`.
    public var accounts: [String]
    /// Creates the value from its fields.
    public init(accounts: [String]) { self.accounts = accounts }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        let list = try r.string("accountsList")
        accounts = list.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        if accounts == [""] { accounts = [] }
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(1)
        w.string(accounts.joined(separator: ","))
    }
}

/// The server's clock (IB: CURRENT_TIME, id 49), in seconds since the epoch.
public struct CurrentTime: WireMessage {
    public static let wireName: StaticString = "CURRENT_TIME"
    /// The time, as IB sends it.
    public var time: Int
    /// Creates the value from its fields.
    public init(time: Int) { self.time = time }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        try r.version()
        time = try r.int("time")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(1)
        w.int(time)
    }
}

/// The server's clock in milliseconds (IB: CURRENT_TIME_IN_MILLIS, id 109; server version 197+).
public struct CurrentTimeInMillis: WireMessage {
    public static let wireName: StaticString = "CURRENT_TIME_IN_MILLIS"
    /// Milliseconds since the epoch.
    public var timeInMillis: Int
    /// Creates the value from its fields.
    public init(timeInMillis: Int) { self.timeInMillis = timeInMillis }
    public init(from r: inout FieldReader, serverVersion: Int) throws(WireDecodingError) {
        timeInMillis = try r.int("timeInMillis")
    }
    public func write(to w: inout FieldWriter, serverVersion: Int) {
        w.int(timeInMillis)
    }
}
