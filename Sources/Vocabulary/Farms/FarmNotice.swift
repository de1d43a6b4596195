/// What an IB data farm serves.
public enum FarmKind: String, Sendable, Hashable, CaseIterable {
    /// Quotes (for example `usfarm`): codes 2103, 2104, 2108, 2119.
    case marketData = "market data"
    /// Historical data, HMDS (for example `ushmds`): codes 2105, 2106, 2107.
    case historicalData = "historical data"
    /// Contract definitions (for example `secdefil`): codes 2157, 2158.
    case securityDefinition = "security definition"
}

/// The state IB last reported for one data farm.
public enum FarmState: String, Sendable, Hashable, CaseIterable {
    /// Connected and healthy (2104, 2106, 2158).
    case ok
    /// Disconnected; the data it serves pauses (2103, 2105, 2157).
    case broken
    /// Asleep because nothing uses it, available on demand (2107, 2108). Not proof of health.
    case inactive
    /// Connecting (2119).
    case connecting
}

/// One farm-status notice (ERR_MSG with id -1) read: which kind of farm, in which state, and
/// the farm's name.
///
/// | Code | Farm kind | State |
/// |---|---|---|
/// | 2103 / 2104 / 2108 / 2119 | market data | broken / ok / inactive / connecting |
/// | 2105 / 2106 / 2107 | historical (HMDS) | broken / ok / inactive |
/// | 2157 / 2158 | security definition | broken / ok |
///
/// The kind and state come from the code alone, because the text is localised. The text is used
/// only for the farm's name: what follows its last `:` (`Market data farm connection is
/// OK:usfarm`), or, with no colon, its last `.` (`... available upon demand.ushmds`).
///
/// ```swift
/// FarmNotice(code: 2104, text: "Market data farm connection is OK:usfarm")
/// // kind .marketData, state .ok, farmName "usfarm"
/// FarmNotice(code: 354, text: "...")   // nil: not a farm notice
/// ```
public struct FarmNotice: Sendable, Hashable {
    /// What the farm serves.
    public var kind: FarmKind
    /// The state the notice reports.
    public var state: FarmState
    /// The farm's name (`usfarm`, `ushmds`, `secdefil`), or `nil` when the text names none.
    public var farmName: String?

    /// Creates a notice's reading.
    public init(kind: FarmKind, state: FarmState, farmName: String?) {
        self.kind = kind
        self.state = state
        self.farmName = farmName
    }

    /// Reads a notice; `nil` when `code` is not a farm-status code.
    public init?(code: Int, text: String) {
        guard let (kind, state) = Self.classify(code: code) else { return nil }
        self.init(kind: kind, state: state, farmName: Self.farmName(in: text))
    }

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

    /// The farm name in a notice text: after the last `:`, else after the last `.`, trimmed;
    /// `nil` when that leaves nothing.
    public static func farmName(in text: String) -> String? {
        let tail: Substring
        if let colon = text.lastIndex(of: ":") {
            tail = text[text.index(after: colon)...]
        } else if let dot = text.lastIndex(of: ".") {
            tail = text[text.index(after: dot)...]
        } else {
            return nil
        }
        let trimmed = tail.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        return trimmed.isEmpty ? nil : String(trimmed)
    }
}
