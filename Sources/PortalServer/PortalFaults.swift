import Synchronization

/// The REST faults in force (set by the gateway's scenario or a test): how slow every answer
/// is, and whether the portal is down (not listening).
final class PortalFaults: Sendable {
    private let state = Mutex((delay: Duration.zero, down: false))

    /// The delay before every answer (`portal-slow`).
    var delay: Duration {
        get { state.withLock { $0.delay } }
        set { state.withLock { $0.delay = newValue } }
    }

    /// Whether the portal is down (`portal-down`): the server stops listening until it is up.
    var down: Bool {
        get { state.withLock { $0.down } }
        set { state.withLock { $0.down = newValue } }
    }
}
