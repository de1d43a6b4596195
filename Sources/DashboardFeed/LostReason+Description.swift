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
        case let .clientIDInUse(id, nil): "client id \(id) in use (IB 326)"
        case let .clientIDInUse(id, .some(next)): "client id \(id) in use (IB 326): trying \(next)"
        case let .clientIDsInUse(ids) where ids.count == 1: "client id \(ids.lowerBound) in use (IB 326)"
        case let .clientIDsInUse(ids): "client ids \(ids.lowerBound)-\(ids.upperBound) all in use (IB 326)"
        default: "\(self)"
        }
    }
}
