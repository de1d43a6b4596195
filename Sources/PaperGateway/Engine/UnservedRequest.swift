/// What the paper gateway answers to a client message it does not serve, so no client is left
/// waiting: IB's client libraries block on many of these until an answer or an error for the
/// request id arrives.
///
/// Each message id maps to IB's name for it, where its request id is (the index of the field
/// after the message id, as IB's client writes it at server versions 157...200), and what to
/// answer: error 321 for that request id, an empty answer of the request's own kind (for
/// requests that carry no id), or nothing (cancels of what was never served).
struct UnservedRequest: Sendable {
    /// How the gateway answers.
    enum Answer: Sendable {
        /// ERR_MSG(reqId, 321, "Error validating request.-'…' : cause - …").
        case refuse
        /// A message of the request's own kind with no entries: id and fields.
        case empty(messageID: Int, fields: [String])
        /// Nothing: a cancel of a stream the gateway never served.
        case none
    }

    /// IB's name for the request (`REQ_MKT_DEPTH`).
    var name: String
    /// The index of the request id among the fields after the message id, if it has one.
    var requestIDField: Int?
    /// The answer.
    var answer: Answer

    /// The request id in `fields`, when the message carries one that parses.
    func requestID(in fields: [String]) -> Int? {
        guard let index = requestIDField, fields.indices.contains(index) else { return nil }
        return Int(fields[index])
    }

    /// The client messages of the protocol the gateway does not serve, by message id.
    static let byMessageID: [Int: UnservedRequest] = [
        12: .init(name: "REQ_NEWS_BULLETINS", requestIDField: nil, answer: .none),
        13: .init(name: "CANCEL_NEWS_BULLETINS", requestIDField: nil, answer: .none),
        14: .init(name: "SET_SERVER_LOGLEVEL", requestIDField: nil, answer: .none),
        18: .init(name: "REQ_FA", requestIDField: nil, answer: .refuse),
        19: .init(name: "REPLACE_FA", requestIDField: 2, answer: .refuse),
        21: .init(name: "EXERCISE_OPTIONS", requestIDField: 1, answer: .refuse),
        22: .init(name: "REQ_SCANNER_SUBSCRIPTION", requestIDField: 0, answer: .refuse),
        23: .init(name: "CANCEL_SCANNER_SUBSCRIPTION", requestIDField: 1, answer: .none),
        24: .init(name: "REQ_SCANNER_PARAMETERS", requestIDField: nil, answer: .empty(messageID: 19, fields: ["1", "<ScanParameterResponse/>"])),
        52: .init(name: "REQ_FUNDAMENTAL_DATA", requestIDField: 1, answer: .refuse),
        53: .init(name: "CANCEL_FUNDAMENTAL_DATA", requestIDField: 1, answer: .none),
        54: .init(name: "REQ_CALC_IMPLIED_VOLAT", requestIDField: 1, answer: .refuse),
        55: .init(name: "REQ_CALC_OPTION_PRICE", requestIDField: 1, answer: .refuse),
        56: .init(name: "CANCEL_CALC_IMPLIED_VOLAT", requestIDField: 1, answer: .none),
        57: .init(name: "CANCEL_CALC_OPTION_PRICE", requestIDField: 1, answer: .none),
        65: .init(name: "QUERY_DISPLAY_GROUPS", requestIDField: 1, answer: .refuse),
        66: .init(name: "SUBSCRIBE_TO_GROUP_EVENTS", requestIDField: 1, answer: .refuse),
        67: .init(name: "UPDATE_DISPLAY_GROUP", requestIDField: 1, answer: .refuse),
        68: .init(name: "UNSUBSCRIBE_FROM_GROUP_EVENTS", requestIDField: 1, answer: .none),
        74: .init(name: "REQ_POSITIONS_MULTI", requestIDField: 1, answer: .refuse),
        75: .init(name: "CANCEL_POSITIONS_MULTI", requestIDField: 1, answer: .none),
        79: .init(name: "REQ_SOFT_DOLLAR_TIERS", requestIDField: 0, answer: .refuse),
        80: .init(name: "REQ_FAMILY_CODES", requestIDField: nil, answer: .empty(messageID: 78, fields: ["0"])),
        82: .init(name: "REQ_MKT_DEPTH_EXCHANGES", requestIDField: nil, answer: .empty(messageID: 80, fields: ["0"])),
        83: .init(name: "REQ_SMART_COMPONENTS", requestIDField: 0, answer: .refuse),
        84: .init(name: "REQ_NEWS_ARTICLE", requestIDField: 0, answer: .refuse),
        85: .init(name: "REQ_NEWS_PROVIDERS", requestIDField: nil, answer: .empty(messageID: 85, fields: ["0"])),
        86: .init(name: "REQ_HISTORICAL_NEWS", requestIDField: 0, answer: .refuse),
        88: .init(name: "REQ_HISTOGRAM_DATA", requestIDField: 0, answer: .refuse),
        89: .init(name: "CANCEL_HISTOGRAM_DATA", requestIDField: 0, answer: .none),
        96: .init(name: "REQ_HISTORICAL_TICKS", requestIDField: 0, answer: .refuse),
        100: .init(name: "REQ_WSH_META_DATA", requestIDField: 0, answer: .refuse),
        101: .init(name: "CANCEL_WSH_META_DATA", requestIDField: 0, answer: .none),
        102: .init(name: "REQ_WSH_EVENT_DATA", requestIDField: 0, answer: .refuse),
        103: .init(name: "CANCEL_WSH_EVENT_DATA", requestIDField: 0, answer: .none),
        104: .init(name: "REQ_USER_INFO", requestIDField: 0, answer: .refuse),
    ]
}
