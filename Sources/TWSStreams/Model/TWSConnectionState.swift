import TWSSession

/// The connection's state as ``IBClient/connectionStates()`` reports it.
public enum TWSConnectionState: Hashable, Sendable {
    /// Not connected and not trying (before `connect`, after `disconnect`).
    case disconnected
    /// Opening the socket; attempt 0 is the first connect.
    case connecting(attempt: Int)
    /// The socket is open; handshake and start-up messages are under way.
    case handshaking
    /// Start-up finished: the server version and the managed accounts are known.
    case connected(serverVersion: Int, accounts: [String])
    /// Subscriptions are being re-sent and orders reconciled.
    case synchronizing
    /// Ready for requests and orders.
    case usable(serverVersion: Int, accounts: [String])
    /// The connection was lost; a reconnect follows.
    case lost(LostReason)
    /// Waiting `nextTryIn` before reconnect attempt `attempt`.
    case reconnecting(attempt: Int, nextTryIn: Duration)
}

/// A connection state with the time it was reported and the time of the last inbound message.
public struct TWSConnectionStatus: Hashable, Sendable, CustomStringConvertible {
    /// The state.
    public var state: TWSConnectionState
    /// When the state was reported.
    public var at: SessionInstant
    /// When the last inbound message arrived; `nil` before the first.
    public var lastMessageAt: SessionInstant?
    /// The API client id the connection uses or is trying, when known.
    public var clientId: Int?

    /// Creates a status.
    public init(state: TWSConnectionState, at: SessionInstant, lastMessageAt: SessionInstant?) {
        self.state = state
        self.at = at
        self.lastMessageAt = lastMessageAt
    }

    /// Converts the session layer's status at `now`.
    package init(_ status: ConnectionStatus, now: SessionInstant) {
        let state: TWSConnectionState
        switch status.state {
        case .disconnected: state = .disconnected
        case .connecting(let attempt): state = .connecting(attempt: attempt)
        case .handshaking: state = .handshaking
        case .connected(let info): state = .connected(serverVersion: info.serverVersion, accounts: info.accounts)
        case .synchronizing: state = .synchronizing
        case .usable(let info): state = .usable(serverVersion: info.serverVersion, accounts: info.accounts)
        case .lost(let reason): state = .lost(reason)
        case .reconnecting(let attempt, let at): state = .reconnecting(attempt: attempt, nextTryIn: at - now)
        }
        self.init(state: state, at: now, lastMessageAt: status.lastMessageReceivedAt)
    }

    /// A short line for logs and the CLI.
    public var description: String {
        switch state {
        case .disconnected: "disconnected"
        case .connecting(let attempt): attempt == 0 ? "connecting" : "connecting (attempt \(attempt))"
        case .handshaking: "handshaking"
        case .connected(let version, let accounts): "connected (server version \(version), accounts \(accounts.joined(separator: ",")))"
        case .synchronizing: "synchronizing (resubscribing, reconciling orders)"
        case .usable: "usable"
        case .lost(let reason): "lost: \(reason)"
        case .reconnecting(let attempt, let delay): "reconnecting: attempt \(attempt) in \(delay)"
        }
    }
}
