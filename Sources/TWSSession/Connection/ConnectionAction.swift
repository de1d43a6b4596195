/// What the I/O layer must do, returned by ``ConnectionStateMachine``. Carry them out in order.
public enum ConnectionAction: Hashable, Sendable {
    /// Open a socket to the gateway; answer with `socketConnected` or `socketError`.
    case openSocket(attempt: Int)
    /// Write the `API\0` prefix and the version range.
    case sendHandshake
    /// Send START_API (id 71) with the client id.
    case sendStartAPI
    /// From now on connect as this client id (the pool moved past an id in use, IB 326).
    case useClientID(Int)
    /// Start (or restart) the keepalive monitor from now.
    case startKeepalive
    /// Stop the keepalive monitor.
    case stopKeepalive
    /// Close the socket (it may already be closed).
    case closeSocket
    /// The connection is gone: mark per-connection state (subscription request ids, order-id
    /// validity, farm states) as stale and tell subscribers there is a gap.
    case connectionLost(LostReason)
    /// Arm a timer; at `at` call ``ConnectionStateMachine/tick(now:)``, which opens the socket.
    case scheduleReconnect(attempt: Int, at: SessionInstant)
    /// Send every subscription again with fresh request ids (``SubscriptionTable/resubscribeAll(ids:)``),
    /// then report `resubscriptionSent`.
    case resubscribeAll
    /// Request open orders and the executions since `since` (`nil`: today's, on the first
    /// connection), apply them, then report `reconcileFinished`.
    case reconcileOrders(since: SessionInstant?)
    /// Publish this status on the connection-state stream.
    case reportState(ConnectionStatus)
}
