/// A message that TWS (or ibterm's paper gateway) sends to API clients.
///
/// Decoding is strict by default: a field that does not parse, a missing field or a field left
/// over is a ``WireDecodingError`` naming the message and field; with
/// ``DecodingStrictness/ignoringExtraFields`` fields left over are read past (see
/// ``FrameDecoder/nextInboundMessage(serverVersion:strictness:)``). An unknown message id is
/// not an error but ``unknown(id:fields:)``, so newer servers never crash an older client.
public enum ServerMessage: Hashable, Sendable {
    case tickPrice(TickPrice)
    case tickSize(TickSize)
    indirect case orderStatus(OrderStatusMessage)
    case error(ErrorMessage)
    indirect case openOrder(OpenOrder)
    indirect case accountValue(AccountValue)
    indirect case portfolioValue(PortfolioValue)
    case accountUpdateTime(AccountUpdateTime)
    case nextValidId(NextValidID)
    indirect case contractData(ContractData)
    indirect case executionData(ExecutionData)
    case marketDepth(MarketDepth)
    indirect case marketDepthL2(MarketDepthL2)
    case managedAccounts(ManagedAccounts)
    indirect case historicalData(HistoricalData)
    case tickGeneric(TickGeneric)
    case tickString(TickString)
    case currentTime(CurrentTime)
    case contractDataEnd(reqId: Int)
    case openOrderEnd
    case accountDownloadEnd(AccountDownloadEnd)
    case executionDataEnd(reqId: Int)
    case tickSnapshotEnd(TickSnapshotEnd)
    case marketDataType(MarketDataTypeMessage)
    indirect case commissionReport(CommissionReport)
    indirect case position(PositionData)
    case positionEnd
    indirect case accountSummary(AccountSummary)
    case accountSummaryEnd(reqId: Int)
    indirect case accountUpdateMulti(AccountUpdateMulti)
    case accountUpdateMultiEnd(reqId: Int)
    indirect case symbolSamples(SymbolSamples)
    case tickRequestParameters(TickRequestParameters)
    indirect case historicalDataUpdate(HistoricalDataUpdate)
    case pnl(PnL)
    indirect case pnlSingle(PnLSingle)
    case orderBound(OrderBound)
    indirect case completedOrder(CompletedOrder)
    case completedOrdersEnd
    case historicalDataEnd(HistoricalDataEnd)
    case headTimestamp(HeadTimestamp)
    indirect case tickByTick(TickByTick)
    case realTimeBar(RealTimeBar)
    case marketRule(MarketRule)
    case optionParametersEnd(reqId: Int)
    case currentTimeInMillis(CurrentTimeInMillis)
    /// A message id this codec does not know, with its fields as text.
    case unknown(id: Int, fields: [String])

    /// The wire id of the message.
    public var messageID: Int {
        switch self {
        case .tickPrice: 1
        case .tickSize: 2
        case .orderStatus: 3
        case .error: 4
        case .openOrder: 5
        case .accountValue: 6
        case .portfolioValue: 7
        case .accountUpdateTime: 8
        case .nextValidId: 9
        case .contractData: 10
        case .executionData: 11
        case .marketDepth: 12
        case .marketDepthL2: 13
        case .managedAccounts: 15
        case .historicalData: 17
        case .tickGeneric: 45
        case .tickString: 46
        case .currentTime: 49
        case .contractDataEnd: 52
        case .openOrderEnd: 53
        case .accountDownloadEnd: 54
        case .executionDataEnd: 55
        case .tickSnapshotEnd: 57
        case .marketDataType: 58
        case .commissionReport: 59
        case .position: 61
        case .positionEnd: 62
        case .accountSummary: 63
        case .accountSummaryEnd: 64
        case .accountUpdateMulti: 73
        case .accountUpdateMultiEnd: 74
        case .symbolSamples: 79
        case .tickRequestParameters: 81
        case .historicalDataUpdate: 90
        case .pnl: 94
        case .pnlSingle: 95
        case .orderBound: 100
        case .completedOrder: 101
        case .completedOrdersEnd: 102
        case .historicalDataEnd: 108
        case .headTimestamp: 88
        case .tickByTick: 99
        case .realTimeBar: 50
        case .marketRule: 93
        case .optionParametersEnd: 76
        case .currentTimeInMillis: 109
        case let .unknown(id, _): id
        }
    }

    // MARK: Decoding

    /// Decodes one frame's payload (without the length prefix).
    public static func decode(_ payload: ArraySlice<UInt8>, serverVersion: Int) throws(WireDecodingError) -> ServerMessage {
        try payload.withUnsafeBufferPointer { (buffer) throws(WireDecodingError) -> ServerMessage in
            var reader = FieldReader(bytes: buffer, messageName: "server message")
            return try decode(from: &reader, serverVersion: serverVersion)
        }
    }

    /// Decodes one frame's payload (without the length prefix) from borrowed bytes, as
    /// ``FrameDecoder/nextServerMessage(serverVersion:)`` lends them.
    @inline(__always)
    public static func decode(_ payload: UnsafeBufferPointer<UInt8>, serverVersion: Int) throws(WireDecodingError) -> ServerMessage {
        var reader = FieldReader(bytes: payload, messageName: "server message")
        return try decode(from: &reader, serverVersion: serverVersion)
    }

    /// Decodes one frame's payload (without the length prefix).
    public static func decode(_ payload: [UInt8], serverVersion: Int) throws(WireDecodingError) -> ServerMessage {
        try decode(payload[...], serverVersion: serverVersion)
    }

    /// Decodes from a reader positioned at the message id.
    ///
    /// With ``DecodingStrictness/ignoringExtraFields`` the reader is left after the known
    /// layout, so `r.remainingFieldCount` is the number of fields read past.
    @inline(__always)
    public static func decode(
        from r: inout FieldReader, serverVersion sv: Int, strictness: DecodingStrictness = .strict
    ) throws(WireDecodingError) -> ServerMessage {
        let strict = strictness == .strict
        guard !r.isAtEnd else {
            throw WireDecodingError(message: "server message", field: "msgId", index: 0, bytes: "", reason: .emptyPayload)
        }
        let id = try r.int("msgId")
        // The fast paths accept only a frame that ends right after the known layout.
        if id == 1, let tick = TickFastPath.tickPrice(r.bytes, from: r.position) {
            r.position = r.bytes.count
            return .tickPrice(tick)
        }
        if id == 2, let tick = TickFastPath.tickSize(r.bytes, from: r.position) {
            r.position = r.bytes.count
            return .tickSize(tick)
        }
        func body<M: WireMessage>(_: M.Type) throws(WireDecodingError) -> M {
            r.messageName = M.wireName
            let message = try M(from: &r, serverVersion: sv)
            if strict { try r.expectEnd() }
            return message
        }
        func versionAndRequestID(_ name: StaticString) throws(WireDecodingError) -> Int {
            r.messageName = name
            try r.version()
            let reqId = try r.int("reqId")
            if strict { try r.expectEnd() }
            return reqId
        }
        func versionOnly(_ name: StaticString) throws(WireDecodingError) {
            r.messageName = name
            try r.version()
            if strict { try r.expectEnd() }
        }
        switch id {
        case 1: return .tickPrice(try body(TickPrice.self))
        case 2: return .tickSize(try body(TickSize.self))
        case 3: return .orderStatus(try body(OrderStatusMessage.self))
        case 4: return .error(try body(ErrorMessage.self))
        case 5: return .openOrder(try body(OpenOrder.self))
        case 6: return .accountValue(try body(AccountValue.self))
        case 7: return .portfolioValue(try body(PortfolioValue.self))
        case 8: return .accountUpdateTime(try body(AccountUpdateTime.self))
        case 9: return .nextValidId(try body(NextValidID.self))
        case 10: return .contractData(try body(ContractData.self))
        case 11: return .executionData(try body(ExecutionData.self))
        case 12: return .marketDepth(try body(MarketDepth.self))
        case 13: return .marketDepthL2(try body(MarketDepthL2.self))
        case 15: return .managedAccounts(try body(ManagedAccounts.self))
        case 17: return .historicalData(try body(HistoricalData.self))
        case 45: return .tickGeneric(try body(TickGeneric.self))
        case 46: return .tickString(try body(TickString.self))
        case 49: return .currentTime(try body(CurrentTime.self))
        case 52: return .contractDataEnd(reqId: try versionAndRequestID("CONTRACT_DATA_END"))
        case 53: try versionOnly("OPEN_ORDER_END"); return .openOrderEnd
        case 54: return .accountDownloadEnd(try body(AccountDownloadEnd.self))
        case 55: return .executionDataEnd(reqId: try versionAndRequestID("EXECUTION_DATA_END"))
        case 57: return .tickSnapshotEnd(try body(TickSnapshotEnd.self))
        case 58: return .marketDataType(try body(MarketDataTypeMessage.self))
        case 59: return .commissionReport(try body(CommissionReport.self))
        case 61: return .position(try body(PositionData.self))
        case 62: try versionOnly("POSITION_END"); return .positionEnd
        case 63: return .accountSummary(try body(AccountSummary.self))
        case 64: return .accountSummaryEnd(reqId: try versionAndRequestID("ACCOUNT_SUMMARY_END"))
        case 73: return .accountUpdateMulti(try body(AccountUpdateMulti.self))
        case 74: return .accountUpdateMultiEnd(reqId: try versionAndRequestID("ACCOUNT_UPDATE_MULTI_END"))
        case 79: return .symbolSamples(try body(SymbolSamples.self))
        case 81: return .tickRequestParameters(try body(TickRequestParameters.self))
        case 88: return .headTimestamp(try body(HeadTimestamp.self))
        case 99: return .tickByTick(try body(TickByTick.self))
        case 50: return .realTimeBar(try body(RealTimeBar.self))
        case 93: return .marketRule(try body(MarketRule.self))
        case 76:
            r.messageName = "SECURITY_DEFINITION_OPTION_PARAMETER_END"
            let reqId = try r.int("reqId")
            if strict { try r.expectEnd() }
            return .optionParametersEnd(reqId: reqId)
        case 90: return .historicalDataUpdate(try body(HistoricalDataUpdate.self))
        case 94: return .pnl(try body(PnL.self))
        case 95: return .pnlSingle(try body(PnLSingle.self))
        case 100: return .orderBound(try body(OrderBound.self))
        case 101: return .completedOrder(try body(CompletedOrder.self))
        case 102:
            r.messageName = "COMPLETED_ORDERS_END"
            if strict { try r.expectEnd() }
            return .completedOrdersEnd
        case 108: return .historicalDataEnd(try body(HistoricalDataEnd.self))
        case 109: return .currentTimeInMillis(try body(CurrentTimeInMillis.self))
        default:
            var fields: [String] = []
            while !r.isAtEnd { fields.append(try r.string("field")) }
            return .unknown(id: id, fields: fields)
        }
    }

    // MARK: Encoding

    /// Encodes the message as one frame (length prefix included), spelled as TWS spells it.
    public func encoded(serverVersion: Int) -> [UInt8] {
        var writer = FieldWriter(style: .server)
        write(to: &writer, serverVersion: serverVersion)
        return writer.finishFrame()
    }

    /// Appends the message as one frame to `buffer`.
    public func append(to buffer: inout [UInt8], serverVersion: Int) {
        var writer = FieldWriter(style: .server, appendingTo: buffer)
        buffer = []
        write(to: &writer, serverVersion: serverVersion)
        buffer = writer.finishFrame()
    }

    /// Writes the message id and fields.
    public func write(to w: inout FieldWriter, serverVersion sv: Int) {
        w.int(messageID)
        switch self {
        case let .tickPrice(m): m.write(to: &w, serverVersion: sv)
        case let .tickSize(m): m.write(to: &w, serverVersion: sv)
        case let .orderStatus(m): m.write(to: &w, serverVersion: sv)
        case let .error(m): m.write(to: &w, serverVersion: sv)
        case let .openOrder(m): m.write(to: &w, serverVersion: sv)
        case let .accountValue(m): m.write(to: &w, serverVersion: sv)
        case let .portfolioValue(m): m.write(to: &w, serverVersion: sv)
        case let .accountUpdateTime(m): m.write(to: &w, serverVersion: sv)
        case let .nextValidId(m): m.write(to: &w, serverVersion: sv)
        case let .contractData(m): m.write(to: &w, serverVersion: sv)
        case let .executionData(m): m.write(to: &w, serverVersion: sv)
        case let .marketDepth(m): m.write(to: &w, serverVersion: sv)
        case let .marketDepthL2(m): m.write(to: &w, serverVersion: sv)
        case let .managedAccounts(m): m.write(to: &w, serverVersion: sv)
        case let .historicalData(m): m.write(to: &w, serverVersion: sv)
        case let .tickGeneric(m): m.write(to: &w, serverVersion: sv)
        case let .tickString(m): m.write(to: &w, serverVersion: sv)
        case let .currentTime(m): m.write(to: &w, serverVersion: sv)
        case let .contractDataEnd(reqId), let .executionDataEnd(reqId), let .accountSummaryEnd(reqId), let .accountUpdateMultiEnd(reqId):
            w.int(1)
            w.int(reqId)
        case .openOrderEnd, .positionEnd: w.int(1)
        case let .accountDownloadEnd(m): m.write(to: &w, serverVersion: sv)
        case let .tickSnapshotEnd(m): m.write(to: &w, serverVersion: sv)
        case let .marketDataType(m): m.write(to: &w, serverVersion: sv)
        case let .commissionReport(m): m.write(to: &w, serverVersion: sv)
        case let .position(m): m.write(to: &w, serverVersion: sv)
        case let .accountSummary(m): m.write(to: &w, serverVersion: sv)
        case let .accountUpdateMulti(m): m.write(to: &w, serverVersion: sv)
        case let .symbolSamples(m): m.write(to: &w, serverVersion: sv)
        case let .tickRequestParameters(m): m.write(to: &w, serverVersion: sv)
        case let .historicalDataUpdate(m): m.write(to: &w, serverVersion: sv)
        case let .pnl(m): m.write(to: &w, serverVersion: sv)
        case let .pnlSingle(m): m.write(to: &w, serverVersion: sv)
        case let .orderBound(m): m.write(to: &w, serverVersion: sv)
        case let .completedOrder(m): m.write(to: &w, serverVersion: sv)
        case .completedOrdersEnd: break
        case let .historicalDataEnd(m): m.write(to: &w, serverVersion: sv)
        case let .headTimestamp(m): m.write(to: &w, serverVersion: sv)
        case let .tickByTick(m): m.write(to: &w, serverVersion: sv)
        case let .realTimeBar(m): m.write(to: &w, serverVersion: sv)
        case let .marketRule(m): m.write(to: &w, serverVersion: sv)
        case let .optionParametersEnd(reqId): w.int(reqId)
        case let .currentTimeInMillis(m): m.write(to: &w, serverVersion: sv)
        case let .unknown(_, fields): for field in fields { w.string(field) }
        }
    }
}
