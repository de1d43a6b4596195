/// How much a message matters, as the message log and overlays draw it.
public enum MessageLevel: String, CaseIterable, Hashable, Sendable {
    /// Nothing is wrong.
    case info
    /// Degraded or adjusted, but going on.
    case warning
    /// A request, an order or the connection failed.
    case error

    /// The theme role of the mark and title.
    public var role: ThemeRole {
        switch self {
        case .info: .info
        case .warning: .warning
        case .error: .error
        }
    }

    /// The short word after the mark (`info`, `warn`, `error`).
    public var word: String {
        switch self {
        case .info: "info"
        case .warning: "warn"
        case .error: "error"
        }
    }
}
