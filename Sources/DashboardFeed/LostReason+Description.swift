import TWSSession

extension LostReason {
    /// Why the link went down, in the words the dashboard's status bar and log use.
    public var plainDescription: String {
        switch self {
        case .socketClosed: "the gateway closed the connection"
        case let .socketError(text): "connection error: \(text)"
        case let .keepaliveTimeout(silent): "no answer from the gateway for \(silent.components.seconds) s"
        case .establishTimeout: "could not connect in time"
        case .synchronizationTimeout: "resubscribing took too long"
        case let .unsupportedServerVersion(version): "unsupported server version \(version)"
        default: "\(self)"
        }
    }
}
