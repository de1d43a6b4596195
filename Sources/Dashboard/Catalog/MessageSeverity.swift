/// How much a broker message matters to the trader.
///
/// IB's own "critical" messages (connection-level) map to `.error`; the category `.connectivity`
/// tells the UI that the whole session is affected.
public enum MessageSeverity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Nothing is wrong; status bar or log only.
    case info
    /// Something is degraded or was adjusted, but the request or order continues.
    case warning
    /// A request, an order or the connection failed.
    case error

    /// Orders severities from least to most serious.
    public static func < (lhs: MessageSeverity, rhs: MessageSeverity) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }
}
