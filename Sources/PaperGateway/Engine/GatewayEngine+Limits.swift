import PaperExchange
import TWSWire

/// The limits that keep one client from starving the others: IB's message pacing, the
/// handshake deadline and the connection cap here; the request-size cap in each session's frame
/// decoder, the requests handled per turn and the bytes waiting for a client in ``GatewayEngine``
/// (see ``GatewayConfiguration``); the subscriptions per client below.
extension GatewayEngine {
    /// IB's pacing for one request of a ready client: counts it in the current second; past
    /// ``GatewayConfiguration/messagesPerSecond`` the client gets error 100 once that second,
    /// and a client over the limit for ``GatewayConfiguration/pacingViolationsBeforeDisconnect``
    /// seconds in a row is disconnected. Returns whether to serve the request (every request is
    /// served until the disconnect, as TWS queues them rather than dropping any).
    func paced(_ session: ClientSession) -> Bool {
        guard let limit = configuration.messagesPerSecond else { return true }
        let second = now.millisecondsSinceEpoch / 1000
        if second != session.pacingSecond {
            let wasOver = session.messagesThisSecond > limit
            let consecutive = second == session.pacingSecond + 1
            session.secondsOverLimit = wasOver && consecutive ? session.secondsOverLimit + 1 : (wasOver ? 1 : 0)
            session.pacingSecond = second
            session.messagesThisSecond = 0
            session.warnedThisSecond = false
        }
        session.messagesThisSecond += 1
        guard session.messagesThisSecond > limit else { return true }
        if !session.warnedThisSecond {
            session.warnedThisSecond = true
            if session.secondsOverLimit + 1 >= configuration.pacingViolationsBeforeDisconnect {
                logger.warning("\(session.label) exceeded \(limit) messages a second for \(session.secondsOverLimit + 1) seconds; disconnecting")
                send(error: 100, "Max rate of messages per second has been exceeded:max=\(limit) rec=\(session.messagesThisSecond) (\(session.secondsOverLimit + 1)). The connection is closed.", id: -1, to: session)
                close(session, reason: .pacing)
                return false
            }
            logger.info("\(session.label) exceeded \(limit) messages a second; sent 100")
            send(error: 100, "Max rate of messages per second has been exceeded:max=\(limit) rec=\(session.messagesThisSecond) (1)", id: -1, to: session)
        }
        return true
    }

    /// Closes connections that did not reach START_API within the handshake deadline.
    func closeStalledHandshakes() {
        let deadline = configuration.handshakeTimeoutMilliseconds
        let time = now
        for session in sessions.values where session.phase != .ready && session.phase != .closed && !session.isHalfOpen {
            guard time.millisecondsSinceEpoch - session.acceptedAt.millisecondsSinceEpoch >= deadline else { continue }
            logger.info("\(session.label) did not finish the handshake in \(deadline) ms; closing")
            close(session, reason: .handshakeTimeout)
        }
    }

    /// The most account summaries one client may hold open (IB: two).
    static let maximumAccountSummaries = 2
    /// The most subscriptions of one kind (PnL, PnL of a position, account updates by model)
    /// one client may hold: the engine's own limit, so that no client's requests grow the
    /// periodic pushes without bound.
    static let maximumSubscriptionsOfAKind = 50

    /// Whether `session` may open one more subscription of a kind it holds `held` of (at most
    /// `limit`); when not, sends 322 with `what` for `reqId`.
    func admitsSubscription(held: Int, limit: Int, what: String, reqId: Int, to session: ClientSession) -> Bool {
        guard held >= limit else { return true }
        send(error: 322, "Error processing request.-'\(what)' : cause - Maximum number of \(what) requests exceeded (\(limit))", id: reqId, to: session)
        return false
    }
}
