import Foundation

/// A message a client sends on the Client Portal websocket (`/v1/api/ws`), read from its text.
///
/// IB's topics (https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#websockets):
/// `smd+{conid}+{"fields":["31","84"]}` streams market data for a conid, `umd+{conid}+{}`
/// stops it; `sor+{}` streams live orders, `uor+{}` stops them; `spl+{}` streams profit and
/// loss, `upl{}` stops it; `tic` keeps the session alive; `ech+hb` asks for an echo. Clients
/// that follow IB's older guidance first send `{"session":"<token from /tickle>"}`: read as a
/// keep-alive.
public enum PortalStreamCommand: Sendable, Equatable {
    /// Stream market data of a conid, these field codes (all the server has when empty).
    case subscribeMarketData(conid: Int, fields: [String])
    /// Stop a conid's market data.
    case unsubscribeMarketData(conid: Int)
    /// Stream live orders.
    case subscribeOrders
    /// Stop live orders.
    case unsubscribeOrders
    /// Stream profit and loss.
    case subscribePnL
    /// Stop profit and loss.
    case unsubscribePnL
    /// Keep the session alive.
    case tickle
    /// Echo a heartbeat.
    case echo
    /// Not a message the server knows; the words say what is wrong.
    case unknown(String)

    /// Reads a message's text.
    public init(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed == "tic" || (trimmed.hasPrefix("{") && trimmed.contains("\"session\"")) { self = .tickle; return }
        if trimmed.hasPrefix("ech") { self = .echo; return }
        if trimmed.hasPrefix("upl") { self = .unsubscribePnL; return }
        let parts = trimmed.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        switch parts.first {
        case "sor": self = .subscribeOrders
        case "uor": self = .unsubscribeOrders
        case "spl": self = .subscribePnL
        case "smd", "umd":
            guard parts.count >= 2, let conid = Int(parts[1]) else {
                self = .unknown("\(parts[0]) needs a conid: \(parts[0])+265598+{...}")
                return
            }
            if parts[0] == "umd" {
                self = .unsubscribeMarketData(conid: conid)
            } else {
                self = .subscribeMarketData(conid: conid, fields: parts.count > 2 ? Self.fields(parts[2]) : [])
            }
        default:
            self = .unknown("unknown topic in \(trimmed.prefix(40)): smd, umd, sor, uor, spl, upl, tic, ech")
        }
    }

    /// The field codes of `{"fields":["31","84"]}` (without a JSON parser: the codes are digits).
    private static func fields(_ arguments: String) -> [String] {
        guard let range = arguments.range(of: "\"fields\"") else { return [] }
        let rest = arguments[range.upperBound...]
        guard let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") else { return [] }
        return rest[rest.index(after: open)..<close].split(separator: ",").map { (part: Substring) -> String in
            String(part.filter { $0.isNumber })
        }.filter { !$0.isEmpty }
    }
}
