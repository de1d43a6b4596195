import Vocabulary

/// The Client Portal's words for order types, in one place: a ticket's `orderType` (`MKT`,
/// `LMT`, `STP`, `STOP_LIMIT`, `TRAIL`, `TRAILLMT`), a live order's `orderType` and
/// `origOrderType` (`Limit`, `STOP_LIMIT`), and the socket's spellings (`STP LMT`).
extension OrderType {
    /// Reads any of the portal's words for a type, case and spacing aside; `nil` for another.
    public init?(portalWord text: String) {
        switch text.uppercased().replacingOccurrences(of: " ", with: "_") {
        case "MKT", "MARKET": self = .market
        case "LMT", "LIMIT": self = .limit
        case "STP", "STOP": self = .stop
        case "STOP_LIMIT", "STP_LMT": self = .stopLimit
        case "TRAIL": self = .trail
        case "TRAILLMT", "TRAIL_LIMIT": self = .trailLimit
        default: return nil
        }
    }

    /// The word a ticket's `orderType` takes (`STOP_LIMIT`, `TRAILLMT`).
    public var portalTicketWord: String {
        switch self {
        case .stopLimit: "STOP_LIMIT"
        case .trailLimit: "TRAILLMT"
        default: rawValue
        }
    }

    /// How `/iserver/account/orders` names the type: as shown (`Limit`) and in capitals
    /// (`LIMIT`).
    public var portalLiveNames: (shown: String, capitals: String) {
        switch self {
        case .market: ("Market", "MARKET")
        case .limit: ("Limit", "LIMIT")
        case .stop: ("Stop", "STOP")
        case .stopLimit: ("Stop Limit", "STOP_LIMIT")
        case .trail: ("Trail", "TRAIL")
        case .trailLimit: ("Trail Limit", "TRAILLMT")
        }
    }
}

extension PortalOrderTicket {
    /// Where a ticket carries an order's prices: `price` is the limit (a stop order's stop),
    /// `auxPrice` a stop-limit's stop; other types keep both as given.
    public static func fields(_ type: OrderType, limit: Double?, stop: Double?) -> (orderType: String, price: Double?, auxPrice: Double?) {
        switch type {
        case .market: (type.portalTicketWord, nil, nil)
        case .limit: (type.portalTicketWord, limit, nil)
        case .stop: (type.portalTicketWord, stop, nil)
        case .stopLimit: (type.portalTicketWord, limit, stop)
        case .trail, .trailLimit: (type.portalTicketWord, limit, stop)
        }
    }
}
