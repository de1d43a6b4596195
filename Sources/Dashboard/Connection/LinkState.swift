/// The state of the whole link from ibterm to IB's servers, as the dashboard shows it in the
/// status bar and the ticket checks it (TWSSession's `ConnectionState` is the client's state
/// machine, which this is derived from).
///
/// Two hops can fail separately: the socket from ibterm to TWS or IB Gateway, and the link from
/// TWS to IB (notices 1100/2110 lost, 1101/1102 restored).
public enum LinkState: String, Sendable, Hashable, Codable, CaseIterable {
    /// No socket to TWS or IB Gateway.
    case disconnected
    /// A socket is being opened or the handshake is running.
    case connecting
    /// The socket is up and TWS reports its link to IB as working.
    case connected
    /// The socket to TWS is up but TWS has lost its link to IB (notice 1100 or 2110).
    case linkLost

    /// Whether orders may be sent and quotes may be live.
    public var isUsable: Bool { self == .connected }
}
