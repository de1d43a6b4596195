/// Keeps the state of every IB data farm from the farm-status notices (ERR_MSG with id -1).
///
/// | Code | Farm kind | State |
/// |---|---|---|
/// | 2103 / 2104 / 2108 / 2119 | market data | broken / ok / inactive / connecting |
/// | 2105 / 2106 / 2107 | historical (HMDS) | broken / ok / inactive |
/// | 2157 / 2158 | security definition | broken / ok |
///
/// The state comes from the code alone, because the text is localised. The text is used only
/// for the farm's name: what follows its last `:` (`Market data farm connection is OK:usfarm`),
/// or, with no colon, its last `.` (`... available upon demand.ushmds`).
public struct FarmStatusTracker: Hashable, Sendable {
    /// The farms' states, keyed by kind and name.
    public private(set) var farms: [FarmID: FarmState] = [:]
    /// Farms reported broken and not reported OK since.
    private var interrupted: Set<FarmID> = []

    /// One farm's identity.
    public struct FarmID: Hashable, Sendable {
        /// The farm's kind.
        public var kind: FarmKind
        /// The farm's name.
        public var name: String

        /// Creates a farm identity.
        public init(kind: FarmKind, name: String) {
            self.kind = kind
            self.name = name
        }
    }

    /// Creates a tracker that knows no farm yet.
    public init() {}

    /// The kind and state a farm-status code reports, or `nil` for any other code.
    public static func classify(code: Int) -> (kind: FarmKind, state: FarmState)? {
        switch code {
        case 2103: (.marketData, .broken)
        case 2104: (.marketData, .ok)
        case 2108: (.marketData, .inactive)
        case 2119: (.marketData, .connecting)
        case 2105: (.historicalData, .broken)
        case 2106: (.historicalData, .ok)
        case 2107: (.historicalData, .inactive)
        case 2157: (.securityDefinition, .broken)
        case 2158: (.securityDefinition, .ok)
        default: nil
        }
    }

    /// The farm name in a notice text: after the last `:`, else after the last `.`, trimmed.
    public static func farmName(in text: String) -> String {
        let tail: Substring
        if let colon = text.lastIndex(of: ":") {
            tail = text[text.index(after: colon)...]
        } else if let dot = text.lastIndex(of: ".") {
            tail = text[text.index(after: dot)...]
        } else {
            tail = ""
        }
        return String(tail.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// The state of one farm, if it has been reported.
    public func state(of kind: FarmKind, named name: String) -> FarmState? {
        farms[FarmID(kind: kind, name: name)]
    }

    /// Applies a notice; returns the farm's transition, or `nil` when the code is not a
    /// farm-status code or the state did not change.
    public mutating func apply(code: Int, text: String) -> FarmTransition? {
        guard let (kind, state) = Self.classify(code: code) else { return nil }
        let id = FarmID(kind: kind, name: Self.farmName(in: text))
        let previous = farms[id]
        guard previous != state else { return nil }
        farms[id] = state
        var isRecovery = false
        switch state {
        case .broken: interrupted.insert(id)
        case .ok: isRecovery = interrupted.remove(id) != nil
        case .inactive, .connecting: break
        }
        return FarmTransition(kind: kind, farm: id.name, from: previous, to: state, isRecovery: isRecovery)
    }

    /// Forgets every farm (a new connection reports them afresh).
    public mutating func reset() {
        farms.removeAll()
        interrupted.removeAll()
    }
}
