/// A condition that activates or cancels an order (IB: `OrderCondition` and its subclasses).
///
/// One value type covers IB's six kinds; ``kind`` says which fields apply. The compared value
/// stays as the text IB sends (a price, a time `yyyymmdd hh:mm:ss`, a percentage, a volume).
public struct OrderCondition: Hashable, Sendable, Codable {
    /// IB's condition type codes.
    public enum Kind: Int, Sendable, Codable {
        case price = 1, time = 3, margin = 4, execution = 5, volume = 6, percentChange = 7
    }

    /// What is compared.
    public var kind: Kind
    /// `true` joins with the next condition by AND (`a`), `false` by OR (`o`).
    public var isConjunction: Bool = true
    /// Whether the condition is met above (`true`) or below the value (operator kinds).
    public var isMore: Bool = true
    /// The value compared against, as text (operator kinds).
    public var value: String = ""
    /// The contract watched (price, volume, percent change).
    public var conId: Int = 0
    /// The exchange watched (price, volume, percent change, execution).
    public var exchange: String = ""
    /// The price trigger method (price conditions).
    public var triggerMethod: Int = 0
    /// Security type (execution conditions).
    public var secType: String = ""
    /// Symbol (execution conditions).
    public var symbol: String = ""

    /// Creates a condition of `kind`.
    public init(kind: Kind) { self.kind = kind }

    var watchesContract: Bool { kind == .price || kind == .volume || kind == .percentChange }
}

extension FieldReader {
    mutating func orderConditions() throws(WireDecodingError) -> (conditions: [OrderCondition], ignoreRth: Bool, cancelOrder: Bool) {
        let count = try int("conditionsCount")
        guard count > 0 else { return ([], false, false) }
        guard count <= 1000 else { throw WireDecodingError(message: messageName.description, field: "conditionsCount", index: fieldIndex - 1, bytes: String(count), reason: .unexpectedValue("too many conditions")) }
        var conditions: [OrderCondition] = []
        for _ in 0..<count {
            let code = try int("conditionType")
            guard let kind = OrderCondition.Kind(rawValue: code) else {
                throw WireDecodingError(message: messageName.description, field: "conditionType", index: fieldIndex - 1, bytes: String(code), reason: .unexpectedValue("unknown condition type"))
            }
            var condition = OrderCondition(kind: kind)
            condition.isConjunction = try string("conjunction") == "a"
            if kind == .execution {
                condition.secType = try string("secType")
                condition.exchange = try string("exchange")
                condition.symbol = try string("symbol")
            } else {
                condition.isMore = try bool("isMore")
                condition.value = try string("value")
                if condition.watchesContract {
                    condition.conId = try int("conId")
                    condition.exchange = try string("exchange")
                    if kind == .price { condition.triggerMethod = try int("triggerMethod") }
                }
            }
            conditions.append(condition)
        }
        return (conditions, try bool("conditionsIgnoreRth"), try bool("conditionsCancelOrder"))
    }
}

extension FieldWriter {
    mutating func orderConditions(_ conditions: [OrderCondition], ignoreRth: Bool, cancelOrder: Bool) {
        int(conditions.count)
        guard !conditions.isEmpty else { return }
        for condition in conditions {
            int(condition.kind.rawValue)
            string(condition.isConjunction ? "a" : "o")
            if condition.kind == .execution {
                string(condition.secType)
                string(condition.exchange)
                string(condition.symbol)
            } else {
                bool(condition.isMore)
                string(condition.value)
                if condition.watchesContract {
                    int(condition.conId)
                    string(condition.exchange)
                    if condition.kind == .price { int(condition.triggerMethod) }
                }
            }
        }
        bool(ignoreRth)
        bool(cancelOrder)
    }
}
