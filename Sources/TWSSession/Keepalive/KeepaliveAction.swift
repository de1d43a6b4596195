/// What the I/O layer must do after ``KeepaliveMonitor/tick(now:)``.
public enum KeepaliveAction: Hashable, Sendable {
    /// Nothing is due.
    case none
    /// The line has been quiet for the idle interval: send a probe (IB: reqCurrentTime, id 49).
    case sendProbe
    /// The probe went unanswered: close the socket and report the connection lost.
    case connectionDead(silentFor: Duration)
}
