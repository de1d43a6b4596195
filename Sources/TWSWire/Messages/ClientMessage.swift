/// A message that an API client sends to TWS (or to ibterm's paper gateway).
///
/// ibterm's client encodes these; the paper gateway decodes them. Unknown ids decode to
/// ``unknown(id:fields:)`` so the gateway can answer them without dropping the connection.
public enum ClientMessage: Hashable, Sendable {
    case requestMarketData(RequestMarketData)
    case cancelMarketData(reqId: Int)
    indirect case placeOrder(PlaceOrder)
    case cancelOrder(CancelOrder)
    case requestOpenOrders
    case requestAccountUpdates(RequestAccountUpdates)
    case requestExecutions(RequestExecutions)
    /// Asks for a fresh nextValidId; `numIds` is ignored by TWS.
    case requestIDs(numIds: Int)
    indirect case requestContractDetails(RequestContractDetails)
    case requestAutoOpenOrders(autoBind: Bool)
    case requestAllOpenOrders
    case requestManagedAccounts
    indirect case requestHistoricalData(RequestHistoricalData)
    case cancelHistoricalData(reqId: Int)
    indirect case requestHeadTimestamp(RequestHeadTimestamp)
    indirect case requestMarketDepth(RequestMarketDepth)
    case cancelMarketDepth(reqId: Int, isSmartDepth: Bool)
    indirect case requestTickByTick(RequestTickByTick)
    case cancelTickByTick(reqId: Int)
    indirect case requestRealTimeBars(RequestRealTimeBars)
    case cancelRealTimeBars(reqId: Int)
    case requestMatchingSymbols(RequestMatchingSymbols)
    case requestMarketRule(marketRuleId: Int)
    indirect case requestOptionParameters(RequestOptionParameters)
    case cancelHeadTimestamp(reqId: Int)
    case requestCurrentTime
    case requestGlobalCancel(RequestGlobalCancel)
    /// 1 live, 2 frozen, 3 delayed, 4 delayed-frozen.
    case requestMarketDataType(Int)
    case requestPositions
    case requestAccountSummary(RequestAccountSummary)
    case cancelAccountSummary(reqId: Int)
    case cancelPositions
    /// The first message after the handshake: the client id and optional capabilities.
    case startAPI(clientId: Int, optionalCapabilities: String)
    case requestAccountUpdatesMulti(RequestAccountUpdatesMulti)
    case cancelAccountUpdatesMulti(reqId: Int)
    case requestPnL(RequestPnL)
    case cancelPnL(reqId: Int)
    case requestPnLSingle(RequestPnLSingle)
    case cancelPnLSingle(reqId: Int)
    case requestCompletedOrders(apiOnly: Bool)
    case requestCurrentTimeInMillis
    /// A message id this codec does not know, with its fields as text.
    case unknown(id: Int, fields: [String])

    /// The wire id of the message.
    public var messageID: Int {
        switch self {
        case .requestMarketData: 1
        case .cancelMarketData: 2
        case .placeOrder: 3
        case .cancelOrder: 4
        case .requestOpenOrders: 5
        case .requestAccountUpdates: 6
        case .requestExecutions: 7
        case .requestIDs: 8
        case .requestContractDetails: 9
        case .requestAutoOpenOrders: 15
        case .requestAllOpenOrders: 16
        case .requestManagedAccounts: 17
        case .requestHistoricalData: 20
        case .cancelHistoricalData: 25
        case .requestHeadTimestamp: 87
        case .requestMarketDepth: 10
        case .cancelMarketDepth: 11
        case .requestTickByTick: 97
        case .cancelTickByTick: 98
        case .requestRealTimeBars: 50
        case .cancelRealTimeBars: 51
        case .requestMatchingSymbols: 81
        case .requestMarketRule: 91
        case .requestOptionParameters: 78
        case .cancelHeadTimestamp: 90
        case .requestCurrentTime: 49
        case .requestGlobalCancel: 58
        case .requestMarketDataType: 59
        case .requestPositions: 61
        case .requestAccountSummary: 62
        case .cancelAccountSummary: 63
        case .cancelPositions: 64
        case .startAPI: 71
        case .requestAccountUpdatesMulti: 76
        case .cancelAccountUpdatesMulti: 77
        case .requestPnL: 92
        case .cancelPnL: 93
        case .requestPnLSingle: 94
        case .cancelPnLSingle: 95
        case .requestCompletedOrders: 99
        case .requestCurrentTimeInMillis: 105
        case let .unknown(id, _): id
        }
    }

    /// IB's name for the message, for logs.
    public var wireName: String {
        switch self {
        case .requestMarketData: "REQ_MKT_DATA"
        case .cancelMarketData: "CANCEL_MKT_DATA"
        case .placeOrder: "PLACE_ORDER"
        case .cancelOrder: "CANCEL_ORDER"
        case .requestOpenOrders: "REQ_OPEN_ORDERS"
        case .requestAccountUpdates: "REQ_ACCT_DATA"
        case .requestExecutions: "REQ_EXECUTIONS"
        case .requestIDs: "REQ_IDS"
        case .requestContractDetails: "REQ_CONTRACT_DATA"
        case .requestAutoOpenOrders: "REQ_AUTO_OPEN_ORDERS"
        case .requestAllOpenOrders: "REQ_ALL_OPEN_ORDERS"
        case .requestManagedAccounts: "REQ_MANAGED_ACCTS"
        case .requestHistoricalData: "REQ_HISTORICAL_DATA"
        case .cancelHistoricalData: "CANCEL_HISTORICAL_DATA"
        case .requestHeadTimestamp: "REQ_HEAD_TIMESTAMP"
        case .requestMarketDepth: "REQ_MKT_DEPTH"
        case .cancelMarketDepth: "CANCEL_MKT_DEPTH"
        case .requestTickByTick: "REQ_TICK_BY_TICK_DATA"
        case .cancelTickByTick: "CANCEL_TICK_BY_TICK_DATA"
        case .requestRealTimeBars: "REQ_REAL_TIME_BARS"
        case .cancelRealTimeBars: "CANCEL_REAL_TIME_BARS"
        case .requestMatchingSymbols: "REQ_MATCHING_SYMBOLS"
        case .requestMarketRule: "REQ_MARKET_RULE"
        case .requestOptionParameters: "REQ_SEC_DEF_OPT_PARAMS"
        case .cancelHeadTimestamp: "CANCEL_HEAD_TIMESTAMP"
        case .requestCurrentTime: "REQ_CURRENT_TIME"
        case .requestGlobalCancel: "REQ_GLOBAL_CANCEL"
        case .requestMarketDataType: "REQ_MARKET_DATA_TYPE"
        case .requestPositions: "REQ_POSITIONS"
        case .requestAccountSummary: "REQ_ACCOUNT_SUMMARY"
        case .cancelAccountSummary: "CANCEL_ACCOUNT_SUMMARY"
        case .cancelPositions: "CANCEL_POSITIONS"
        case .startAPI: "START_API"
        case .requestAccountUpdatesMulti: "REQ_ACCOUNT_UPDATES_MULTI"
        case .cancelAccountUpdatesMulti: "CANCEL_ACCOUNT_UPDATES_MULTI"
        case .requestPnL: "REQ_PNL"
        case .cancelPnL: "CANCEL_PNL"
        case .requestPnLSingle: "REQ_PNL_SINGLE"
        case .cancelPnLSingle: "CANCEL_PNL_SINGLE"
        case .requestCompletedOrders: "REQ_COMPLETED_ORDERS"
        case .requestCurrentTimeInMillis: "REQ_CURRENT_TIME_IN_MILLIS"
        case let .unknown(id, _): "message \(id)"
        }
    }

    // MARK: Decoding

    /// Decodes one frame's payload (without the length prefix).
    public static func decode(_ payload: ArraySlice<UInt8>, serverVersion: Int) throws(WireDecodingError) -> ClientMessage {
        try payload.withUnsafeBufferPointer { (buffer) throws(WireDecodingError) -> ClientMessage in
            var reader = FieldReader(bytes: buffer, messageName: "client message")
            return try decode(from: &reader, serverVersion: serverVersion)
        }
    }

    /// Decodes one frame's payload (without the length prefix).
    public static func decode(_ payload: [UInt8], serverVersion: Int) throws(WireDecodingError) -> ClientMessage {
        try decode(payload[...], serverVersion: serverVersion)
    }

    /// Decodes from a reader positioned at the message id.
    public static func decode(from r: inout FieldReader, serverVersion sv: Int) throws(WireDecodingError) -> ClientMessage {
        guard !r.isAtEnd else {
            throw WireDecodingError(message: "client message", field: "msgId", index: 0, bytes: "", reason: .emptyPayload)
        }
        let id = try r.int("msgId")
        func body<M: WireMessage>(_: M.Type) throws(WireDecodingError) -> M {
            r.messageName = M.wireName
            let message = try M(from: &r, serverVersion: sv)
            try r.expectEnd()
            return message
        }
        /// Reads `[version,] value` where the value is an integer, then expects the end.
        func simple(_ name: StaticString, version: Bool, _ field: StaticString) throws(WireDecodingError) -> Int {
            r.messageName = name
            if version { try r.version() }
            let value = try r.int(field)
            try r.expectEnd()
            return value
        }
        func versionOnly(_ name: StaticString) throws(WireDecodingError) {
            r.messageName = name
            try r.version()
            try r.expectEnd()
        }
        switch id {
        case 1: return .requestMarketData(try body(RequestMarketData.self))
        case 2: return .cancelMarketData(reqId: try simple("CANCEL_MKT_DATA", version: true, "reqId"))
        case 3: return .placeOrder(try body(PlaceOrder.self))
        case 4: return .cancelOrder(try body(CancelOrder.self))
        case 5: try versionOnly("REQ_OPEN_ORDERS"); return .requestOpenOrders
        case 6: return .requestAccountUpdates(try body(RequestAccountUpdates.self))
        case 7: return .requestExecutions(try body(RequestExecutions.self))
        case 8: return .requestIDs(numIds: try simple("REQ_IDS", version: true, "numIds"))
        case 9: return .requestContractDetails(try body(RequestContractDetails.self))
        case 15: return .requestAutoOpenOrders(autoBind: try simple("REQ_AUTO_OPEN_ORDERS", version: true, "autoBind") != 0)
        case 16: try versionOnly("REQ_ALL_OPEN_ORDERS"); return .requestAllOpenOrders
        case 17: try versionOnly("REQ_MANAGED_ACCTS"); return .requestManagedAccounts
        case 20: return .requestHistoricalData(try body(RequestHistoricalData.self))
        case 25: return .cancelHistoricalData(reqId: try simple("CANCEL_HISTORICAL_DATA", version: true, "reqId"))
        case 87: return .requestHeadTimestamp(try body(RequestHeadTimestamp.self))
        case 10: return .requestMarketDepth(try body(RequestMarketDepth.self))
        case 97: return .requestTickByTick(try body(RequestTickByTick.self))
        case 98: return .cancelTickByTick(reqId: try simple("CANCEL_TICK_BY_TICK_DATA", version: false, "reqId"))
        case 50: return .requestRealTimeBars(try body(RequestRealTimeBars.self))
        case 51: return .cancelRealTimeBars(reqId: try simple("CANCEL_REAL_TIME_BARS", version: true, "reqId"))
        case 81: return .requestMatchingSymbols(try body(RequestMatchingSymbols.self))
        case 91: return .requestMarketRule(marketRuleId: try simple("REQ_MARKET_RULE", version: false, "marketRuleId"))
        case 78: return .requestOptionParameters(try body(RequestOptionParameters.self))
        case 11:
            r.messageName = "CANCEL_MKT_DEPTH"
            try r.version()
            let reqId = try r.int("reqId")
            let smart = try r.bool("isSmartDepth")
            try r.expectEnd()
            return .cancelMarketDepth(reqId: reqId, isSmartDepth: smart)
        case 90: return .cancelHeadTimestamp(reqId: try simple("CANCEL_HEAD_TIMESTAMP", version: false, "reqId"))
        case 49: try versionOnly("REQ_CURRENT_TIME"); return .requestCurrentTime
        case 58: return .requestGlobalCancel(try body(RequestGlobalCancel.self))
        case 59: return .requestMarketDataType(try simple("REQ_MARKET_DATA_TYPE", version: true, "marketDataType"))
        case 61: try versionOnly("REQ_POSITIONS"); return .requestPositions
        case 62: return .requestAccountSummary(try body(RequestAccountSummary.self))
        case 63: return .cancelAccountSummary(reqId: try simple("CANCEL_ACCOUNT_SUMMARY", version: true, "reqId"))
        case 64: try versionOnly("CANCEL_POSITIONS"); return .cancelPositions
        case 71:
            r.messageName = "START_API"
            try r.version()
            let clientId = try r.int("clientId")
            let capabilities = r.isAtEnd ? "" : try r.string("optionalCapabilities")
            try r.expectEnd()
            return .startAPI(clientId: clientId, optionalCapabilities: capabilities)
        case 76: return .requestAccountUpdatesMulti(try body(RequestAccountUpdatesMulti.self))
        case 77: return .cancelAccountUpdatesMulti(reqId: try simple("CANCEL_ACCOUNT_UPDATES_MULTI", version: true, "reqId"))
        case 92: return .requestPnL(try body(RequestPnL.self))
        case 93: return .cancelPnL(reqId: try simple("CANCEL_PNL", version: false, "reqId"))
        case 94: return .requestPnLSingle(try body(RequestPnLSingle.self))
        case 95: return .cancelPnLSingle(reqId: try simple("CANCEL_PNL_SINGLE", version: false, "reqId"))
        case 99: return .requestCompletedOrders(apiOnly: try simple("REQ_COMPLETED_ORDERS", version: false, "apiOnly") != 0)
        case 105:
            r.messageName = "REQ_CURRENT_TIME_IN_MILLIS"
            try r.expectEnd()
            return .requestCurrentTimeInMillis
        default:
            var fields: [String] = []
            while !r.isAtEnd { fields.append(try r.string("field")) }
            return .unknown(id: id, fields: fields)
        }
    }

    // MARK: Encoding

    /// Encodes the message as one frame (length prefix included), spelled as IB's client spells it.
    public func encoded(serverVersion: Int) -> [UInt8] {
        var writer = FieldWriter(style: .client)
        write(to: &writer, serverVersion: serverVersion)
        return writer.finishFrame()
    }

    /// Writes the message id and fields.
    public func write(to w: inout FieldWriter, serverVersion sv: Int) {
        w.int(messageID)
        switch self {
        case let .requestMarketData(m): m.write(to: &w, serverVersion: sv)
        case let .cancelMarketData(reqId): w.int(2); w.int(reqId)
        case let .placeOrder(m): m.write(to: &w, serverVersion: sv)
        case let .cancelOrder(m): m.write(to: &w, serverVersion: sv)
        case .requestOpenOrders, .requestAllOpenOrders, .requestManagedAccounts, .requestCurrentTime, .requestPositions, .cancelPositions:
            w.int(1)
        case let .requestAccountUpdates(m): m.write(to: &w, serverVersion: sv)
        case let .requestExecutions(m): m.write(to: &w, serverVersion: sv)
        case let .requestIDs(numIds): w.int(1); w.int(numIds)
        case let .requestContractDetails(m): m.write(to: &w, serverVersion: sv)
        case let .requestAutoOpenOrders(autoBind): w.int(1); w.bool(autoBind)
        case let .requestHistoricalData(m): m.write(to: &w, serverVersion: sv)
        case let .cancelHistoricalData(reqId), let .cancelAccountSummary(reqId), let .cancelAccountUpdatesMulti(reqId):
            w.int(1)
            w.int(reqId)
        case let .requestGlobalCancel(m): m.write(to: &w, serverVersion: sv)
        case let .requestMarketDataType(type): w.int(1); w.int(type)
        case let .requestAccountSummary(m): m.write(to: &w, serverVersion: sv)
        case let .startAPI(clientId, capabilities): w.int(2); w.int(clientId); w.string(capabilities)
        case let .requestAccountUpdatesMulti(m): m.write(to: &w, serverVersion: sv)
        case let .requestPnL(m): m.write(to: &w, serverVersion: sv)
        case let .cancelPnL(reqId), let .cancelPnLSingle(reqId), let .cancelHeadTimestamp(reqId), let .cancelTickByTick(reqId),
             let .requestMarketRule(reqId):
            w.int(reqId)
        case let .cancelRealTimeBars(reqId): w.int(1); w.int(reqId)
        case let .requestTickByTick(m): m.write(to: &w, serverVersion: sv)
        case let .requestRealTimeBars(m): m.write(to: &w, serverVersion: sv)
        case let .requestMatchingSymbols(m): m.write(to: &w, serverVersion: sv)
        case let .requestOptionParameters(m): m.write(to: &w, serverVersion: sv)
        case let .requestHeadTimestamp(m): m.write(to: &w, serverVersion: sv)
        case let .requestMarketDepth(m): m.write(to: &w, serverVersion: sv)
        case let .cancelMarketDepth(reqId, smart): w.int(1); w.int(reqId); w.bool(smart)
        case let .requestPnLSingle(m): m.write(to: &w, serverVersion: sv)
        case let .requestCompletedOrders(apiOnly): w.bool(apiOnly)
        case .requestCurrentTimeInMillis: break
        case let .unknown(_, fields): for field in fields { w.string(field) }
        }
    }
}
