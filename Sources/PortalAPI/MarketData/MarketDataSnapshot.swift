/// One element of `GET /iserver/marketdata/snapshot?conids=…&fields=…`: a contract's top of
/// book, its values under IB's **numeric field codes as string keys** (`"31"` last, `"84"` bid,
/// `"86"` ask, …; `PortalMarketFields`), every value a string (`"168.42"`, `"1,300"`, `"C150.20"`).
///
/// Shape (https://www.interactivebrokers.com/campus/ibkr-api-page/webapi-doc/#md-snapshot):
/// `{"31":"168.42","6119":"q1","6509":"RpB","7059":"100","84":"168.41","85":"600","86":"168.42",
///   "88":"1,300","_updated":1712596911593,"conid":265598,"conidEx":"265598","server_id":"q1"}`.
/// The pre-flight answer (the first request for a conid) carries only `conid` and `conidEx`.
public struct MarketDataSnapshot: Sendable, Equatable {
    /// The contract.
    public var conid: Int
    /// The contract id with its exchange (`265598` or `265598@SMART`).
    public var conidEx: String?
    /// When the values were last updated, milliseconds since the epoch (`_updated`).
    public var updated: Int64?
    /// The market data server that answered (`server_id`).
    public var serverID: String?
    /// The values, keyed by field code (`"31"` → `"168.42"`).
    public var fields: [String: String]
    /// The websocket's topic (`smd+265598`) when the snapshot is a streamed update; absent in
    /// `/iserver/marketdata/snapshot` answers.
    public var topic: String? = nil

    /// A snapshot.
    public init(conid: Int, conidEx: String? = nil, updated: Int64? = nil, serverID: String? = nil, fields: [String: String] = [:]) {
        self.conid = conid
        self.conidEx = conidEx
        self.updated = updated
        self.serverID = serverID
        self.fields = fields
    }

    /// The value of one field.
    public subscript(field: PortalMarketField) -> String? {
        get { fields[field.code] }
        set { fields[field.code] = newValue }
    }

    /// Whether this is a pre-flight answer: no field values at all.
    public var isPreflight: Bool { fields.isEmpty }
}

extension MarketDataSnapshot: Codable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Reads the named keys, and every all-digit key as a field (a number sent where IB's table
    /// says integer, as 6008 and 6457, is kept as its text).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        conid = try container.decode(Int.self, forKey: Key("conid"))
        conidEx = try container.decodeIfPresent(String.self, forKey: Key("conidEx"))
        updated = try container.decodeIfPresent(Int64.self, forKey: Key("_updated"))
        serverID = try container.decodeIfPresent(String.self, forKey: Key("server_id"))
        topic = try container.decodeIfPresent(String.self, forKey: Key("topic"))
        var fields: [String: String] = [:]
        for key in container.allKeys where !key.stringValue.isEmpty && key.stringValue.allSatisfy(\.isASCIIDigit) {
            if let text = try? container.decode(String.self, forKey: key) {
                fields[key.stringValue] = text
            } else if let number = try? container.decode(Int64.self, forKey: key) {
                fields[key.stringValue] = String(number)
            } else if let number = try? container.decode(Double.self, forKey: key) {
                fields[key.stringValue] = String(number)
            }
        }
        self.fields = fields
    }

    /// Writes the fields as string values under their codes, then the named keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (code, value) in fields { try container.encode(value, forKey: Key(code)) }
        try container.encodeIfPresent(updated, forKey: Key("_updated"))
        try container.encode(conid, forKey: Key("conid"))
        try container.encodeIfPresent(conidEx, forKey: Key("conidEx"))
        try container.encodeIfPresent(serverID, forKey: Key("server_id"))
        try container.encodeIfPresent(topic, forKey: Key("topic"))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
