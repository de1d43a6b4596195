import TWSWire

/// Turns a decoded TWSWire message into named fields by reflection: nested values dotted
/// (`contract.symbol`), unset values (`nil`, empty text and lists) left out, and inside an
/// order or contract also the fields equal to a new `Order()` / `Contract()`'s, so a
/// placeOrder shows what was set rather than IB's hundred defaults.
enum TraceFieldFlattener {
    /// The fields of a message (the payload of its enum case).
    static func fields(of message: Any) -> [TraceField] {
        var fields: [TraceField] = []
        for child in Mirror(reflecting: message).children {
            flatten(child.value, path: nil, defaults: nil, into: &fields, depth: 0)
        }
        return fields
    }

    /// Every contract symbol in a message (contracts nested at any depth up to 3).
    static func symbols(in message: Any) -> [String] {
        var found: [String] = []
        collectSymbols(message, into: &found, depth: 0)
        return found
    }

    /// The request, ticker or order ids a client message is about: its top-level `reqId`,
    /// `tickerId`, `orderId` (or its order's `orderId`).
    static func ids(in message: ClientMessage) -> [Int] {
        var ids: [Int] = []
        for child in Mirror(reflecting: message).children {
            collectIDs(child.value, into: &ids, depth: 0)
        }
        return ids
    }

    private static let idNames: Set<String> = ["reqId", "tickerId", "orderId", "id"]

    private static func collectIDs(_ value: Any, into ids: inout [Int], depth: Int) {
        let mirror = Mirror(reflecting: value)
        if mirror.children.isEmpty, depth == 0, let int = value as? Int { ids.append(int); return }
        for child in mirror.children {
            if let label = child.label, idNames.contains(label), let int = child.value as? Int {
                if !ids.contains(int) { ids.append(int) }
            } else if let order = child.value as? Order, depth < 2 {
                if !ids.contains(order.orderId) { ids.append(order.orderId) }
            } else if mirror.displayStyle == .tuple, child.label == nil, let int = child.value as? Int {
                ids.append(int)
            } else if depth < 1, Mirror(reflecting: child.value).displayStyle == .struct {
                collectIDs(child.value, into: &ids, depth: depth + 1)
            }
        }
    }

    private static func collectSymbols(_ value: Any, into found: inout [String], depth: Int) {
        if let contract = value as? Contract {
            let symbol = contract.symbol.isEmpty ? contract.localSymbol : contract.symbol
            if !symbol.isEmpty, !found.contains(symbol) { found.append(symbol) }
            return
        }
        guard depth < 4 else { return }
        for child in Mirror(reflecting: value).children { collectSymbols(child.value, into: &found, depth: depth + 1) }
    }

    private static func flatten(_ value: Any, path: String?, defaults: [String: String]?, into fields: inout [TraceField], depth: Int) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return }
            flatten(wrapped, path: path, defaults: defaults, into: &fields, depth: depth)
        case .struct where !(value is any CustomStringConvertible) && !(value is TickType) && depth < 3,
             .tuple where depth < 3:
            let nestedDefaults: [String: String]? = switch value {
            case is Order: defaultsOf(Order())
            case is Contract: defaultsOf(Contract())
            default: nil
            }
            for (index, child) in mirror.children.enumerated() {
                let label = child.label ?? "\(index)"
                let name = path.map { "\($0).\(label)" } ?? label
                if let nestedDefaults, nestedDefaults[label] == text(of: child.value) { continue }
                flatten(child.value, path: name, defaults: nil, into: &fields, depth: depth + 1)
            }
        case .collection, .set, .dictionary:
            guard !mirror.children.isEmpty else { return }
            fields.append(TraceField(path ?? "value", text(of: value)))
        default:
            let text = text(of: value)
            if text.isEmpty { return }
            fields.append(TraceField(path ?? "value", text))
        }
    }

    private static func defaultsOf(_ value: Any) -> [String: String] {
        var result: [String: String] = [:]
        for child in Mirror(reflecting: value).children {
            if let label = child.label { result[label] = text(of: child.value) }
        }
        return result
    }

    /// A value as text: an optional's wrapped value, a string as is, anything else described.
    static func text(of value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return "" }
            return text(of: wrapped)
        }
        if let string = value as? String { return string }
        if let tick = value as? TickType { return TickTypeName.text(tick) }
        if mirror.displayStyle == .collection, mirror.children.isEmpty { return "" }
        return String(describing: value)
    }
}
