/// Detects a dead connection even when the socket still looks open (a half-open TCP link).
///
/// The TWS protocol has no heartbeat. When nothing has arrived for ``idleInterval`` the monitor
/// asks for a probe (IB: `reqCurrentTime`); when nothing at all arrives within ``probeTimeout``
/// after the probe, the connection is declared dead. Any inbound message, not only the probe's
/// answer, proves the link alive and resets the monitor.
///
/// ```swift
/// monitor.received(now: now)                  // on every inbound frame
/// switch monitor.tick(now: now) {             // when the timer for nextDeadline fires
/// case .none: break
/// case .sendProbe: send(.requestCurrentTime)
/// case .connectionDead(let silence): close(reason: .keepaliveTimeout(silentFor: silence))
/// }
/// ```
public struct KeepaliveMonitor: Hashable, Sendable {
    /// Where the monitor stands.
    public enum Phase: Hashable, Sendable {
        /// Waiting for traffic; a probe is due at `lastReceived + idleInterval`.
        case idle
        /// A probe was sent at this instant and is unanswered.
        case probing(sentAt: SessionInstant)
        /// The connection was declared dead; the monitor stays silent until ``restart(now:)``.
        case dead
    }

    /// IB practice: probe after 2 s of silence.
    public static let defaultIdleInterval = Duration.seconds(2)
    /// Declare the link dead 3 s after an unanswered probe.
    public static let defaultProbeTimeout = Duration.seconds(3)

    /// How long the line may be quiet before a probe is sent.
    public let idleInterval: Duration
    /// How long to wait for any message after a probe.
    public let probeTimeout: Duration

    /// When the last inbound message arrived (or the monitor was started).
    public private(set) var lastReceived: SessionInstant
    /// Where the monitor stands.
    public private(set) var phase: Phase = .idle

    /// Creates a monitor for a connection that starts (or last heard from the peer) at `now`.
    ///
    /// - Precondition: both intervals are positive.
    public init(
        now: SessionInstant,
        idleInterval: Duration = KeepaliveMonitor.defaultIdleInterval,
        probeTimeout: Duration = KeepaliveMonitor.defaultProbeTimeout
    ) {
        precondition(idleInterval > .zero && probeTimeout > .zero, "KeepaliveMonitor needs positive intervals")
        self.idleInterval = idleInterval
        self.probeTimeout = probeTimeout
        self.lastReceived = now
    }

    /// When ``tick(now:)`` next has something to do; `nil` once the connection is dead.
    public var nextDeadline: SessionInstant? {
        switch phase {
        case .idle: lastReceived + idleInterval
        case .probing(let sentAt): sentAt + probeTimeout
        case .dead: nil
        }
    }

    /// Records an inbound message: the link is alive.
    public mutating func received(now: SessionInstant) {
        guard phase != .dead else { return }
        lastReceived = max(lastReceived, now)
        phase = .idle
    }

    /// Starts watching a new connection from `now`, forgetting any earlier state.
    public mutating func restart(now: SessionInstant) {
        lastReceived = now
        phase = .idle
    }

    /// Returns what is due at `now`: a probe, a dead-connection verdict, or nothing.
    public mutating func tick(now: SessionInstant) -> KeepaliveAction {
        guard let deadline = nextDeadline, now >= deadline else { return .none }
        switch phase {
        case .idle:
            phase = .probing(sentAt: now)
            return .sendProbe
        case .probing:
            phase = .dead
            return .connectionDead(silentFor: now - lastReceived)
        case .dead:
            return .none
        }
    }
}
