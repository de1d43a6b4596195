import TWSWire

/// Reads trace records as messages, in trace order, following request and order ids: a request
/// that opens an id (reqMktData, placeOrder, reqContractDetails, ...) is remembered, so a later
/// message about the id (a tick, an ERR_MSG, an orderStatus) says what the id was and which
/// symbol it concerns.
///
/// Inbound frames are decoded with TWSWire at the record's server version, as the client reads
/// them (fields after a known layout read past); outbound frames with TWSWire's client-message
/// decoder. A frame that does not decode is shown as its raw fields with the reason.
public struct TraceInterpreter: Sendable {
    private var opened: [Int: Opened] = [:]
    /// The order of each execution id seen, so a COMMISSION_REPORT (which names only its
    /// execution) is about the order too.
    private var executions: [String: Int] = [:]

    private struct Opened: Sendable {
        var what: String
        var symbol: String?
    }

    /// An interpreter that knows no ids yet.
    public init() {}

    /// The record read as a message.
    public mutating func interpret(_ record: TraceRecord) -> TraceEntry {
        var entry = TraceEntry(
            record: record, direction: .event, name: "", messageID: nil, fields: [], ids: [], code: nil, symbols: [],
            about: nil, problem: nil)
        switch record.kind {
        case .opened, .closed:
            entry.name = record.kind == .opened ? "OPENED" : "CLOSED"
            entry.fields = [TraceField("text", String(decoding: record.payload, as: UTF8.self))]
        case .dropped:
            entry.name = "DROPPED"
            let count = record.payload.count == 8 ? record.payload.bigEndian(at: 0, as: UInt64.self) : 0
            entry.fields = [TraceField("records", "\(count)")]
        case .handshake:
            entry.direction = .outbound
            entry.name = "HANDSHAKE"
            let bytes = record.payload
            let offer = bytes.count > 8 ? String(decoding: bytes[8...], as: UTF8.self) : ""
            entry.fields = [TraceField("offer", offer)]
        case .inbound:
            entry.direction = .inbound
            interpretInbound(record, into: &entry)
        case .outbound:
            entry.direction = .outbound
            interpretOutbound(record, into: &entry)
        }
        return entry
    }

    // MARK: Inbound

    private mutating func interpretInbound(_ record: TraceRecord, into entry: inout TraceEntry) {
        let version = Int(record.serverVersion)
        guard version > 0 else {
            entry.name = "HANDSHAKE_REPLY"
            do {
                let hello = try ServerHello(parsing: record.payload[...])
                entry.fields = [TraceField("serverVersion", "\(hello.serverVersion)"), TraceField("connectionTime", hello.connectionTime)]
            } catch {
                entry.problem = "\(error)"
                entry.fields = Self.rawFields(record.payload)
            }
            return
        }
        let raw = Self.splitFields(record.payload)
        let id = raw.first.flatMap { Int($0) } ?? -1
        entry.messageID = id
        let directory = ServerMessageDirectory.entry(id: id, serverVersion: version)
        entry.name = directory?.name ?? "MESSAGE_\(id)"
        if let directory, let index = directory.subjectIndex, index < raw.count, let subject = Int(raw[index]), subject >= 0 {
            entry.ids = [subject]
        }
        let inbound: InboundMessage
        do {
            inbound = try record.payload.withUnsafeBufferPointer { bytes throws(FramingError) in
                try InboundMessage(frame: bytes, serverVersion: version, strictness: .ignoringExtraFields)
            }
        } catch {
            entry.problem = "\(error)"
            entry.fields = Self.rawFields(record.payload)
            return
        }
        switch inbound {
        case .message(let message, _):
            entry.fields = TraceFieldFlattener.fields(of: message)
            if case .error(let error) = message {
                entry.code = error.code
                if error.id >= 0 { entry.ids = [error.id] } else { entry.ids = [] }
            }
            for symbol in TraceFieldFlattener.symbols(in: message) where !entry.symbols.contains(symbol) {
                entry.symbols.append(symbol)
            }
            switch message {
            case .openOrder(let open) where opened[open.order.orderId] == nil:
                // An order of an earlier run or another client: known from here on.
                opened[open.order.orderId] = Opened(what: Self.describeOrder(open.contract, open.order), symbol: open.contract.symbol)
            case .executionData(let data):
                executions[data.execution.execId] = data.execution.orderId
                if !entry.ids.contains(data.execution.orderId) { entry.ids.append(data.execution.orderId) }
            case .commissionReport(let report):
                if let order = executions[report.execId] { entry.ids = [order] }
            default:
                break
            }
        case .unreadable(let unreadable):
            entry.problem = "\(unreadable.error)"
            entry.fields = Self.rawFields(record.payload)
        }
        annotate(&entry)
    }

    // MARK: Outbound

    private mutating func interpretOutbound(_ record: TraceRecord, into entry: inout TraceEntry) {
        let version = Int(record.serverVersion)
        let raw = Self.splitFields(record.payload)
        entry.messageID = raw.first.flatMap { Int($0) }
        let message: ClientMessage
        do {
            message = try ClientMessage.decode(record.payload, serverVersion: version)
        } catch {
            entry.name = "MESSAGE_\(entry.messageID ?? -1)"
            entry.problem = "\(error)"
            entry.fields = Self.rawFields(record.payload)
            return
        }
        entry.name = message.wireName
        entry.fields = TraceFieldFlattener.fields(of: message)
        entry.symbols = TraceFieldFlattener.symbols(in: message)
        entry.ids = TraceFieldFlattener.ids(in: message)
        if let id = entry.ids.first, let what = Self.opening(message) {
            opened[id] = Opened(what: what, symbol: entry.symbols.first)
            return
        }
        annotate(&entry)
    }

    /// What a request that opens an id asks for, in a few words; `nil` for one that does not.
    private static func opening(_ message: ClientMessage) -> String? {
        switch message {
        case .placeOrder(let place): return describeOrder(place.contract, place.order)
        case .cancelOrder, .cancelMarketData, .cancelMarketDepth, .cancelTickByTick, .cancelHistoricalData,
             .cancelRealTimeBars, .cancelHeadTimestamp, .cancelAccountSummary, .cancelPnL, .cancelPnLSingle,
             .cancelAccountUpdatesMulti, .startAPI, .requestIDs:
            return nil
        default:
            let symbols = TraceFieldFlattener.symbols(in: message)
            return ([message.wireName] + symbols).joined(separator: " ")
        }
    }

    private static func describeOrder(_ contract: Contract, _ order: Order) -> String {
        var words = [order.action, order.totalQuantity.map { "\($0)" } ?? "?", contract.localSymbol.isEmpty ? contract.symbol : contract.localSymbol, order.orderType]
        if let limit = order.lmtPrice { words.append("\(limit)") }
        if let aux = order.auxPrice { words.append("aux \(aux)") }
        if !order.tif.isEmpty { words.append(order.tif) }
        if order.whatIf { words.append("(what-if)") }
        return "order " + words.filter { !$0.isEmpty }.joined(separator: " ")
    }

    private func annotate(_ entry: inout TraceEntry) {
        for id in entry.ids {
            guard let known = opened[id] else { continue }
            entry.about = known.what
            if let symbol = known.symbol, !symbol.isEmpty, !entry.symbols.contains(symbol) { entry.symbols.append(symbol) }
        }
    }

    // MARK: Raw fields

    static func splitFields(_ payload: [UInt8]) -> [String] {
        var fields = payload.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if payload.last == 0 { fields.removeLast() }
        return fields
    }

    static func rawFields(_ payload: [UInt8]) -> [TraceField] {
        splitFields(payload).enumerated().map { TraceField("\($0.offset)", $0.element) }
    }
}
