import PortalAPI
import Vocabulary

/// The portal's rules in one place: the brokerage session, the rate limits, the snapshot
/// pre-flight and the order questions waiting for a reply. One portal serves one user, as
/// IB's CP Gateway does, so there is one of each.
actor PortalState {
    private(set) var session: PortalSession
    private var limiter: PortalRateLimiter
    private var preflight = SnapshotPreflight()
    private var replies: OrderReplyFlow
    let clock: @Sendable () -> SessionInstant
    /// The most questions left unanswered at once; the oldest are dropped beyond it.
    static let maximumWaitingQuestions = 64
    private var waitingOrder: [String] = []

    init(configuration: PortalServerConfiguration, replyIDPrefix: String) {
        clock = configuration.clock
        var session = PortalSession(idleTimeout: configuration.idleTimeout)
        // There is no browser login on the paper gateway: the session starts validated.
        session.validate(at: configuration.clock())
        self.session = session
        limiter = configuration.rateLimiter
        replies = OrderReplyFlow(precautions: configuration.precautions, replyIDPrefix: replyIDPrefix)
    }

    var now: SessionInstant { clock() }

    /// Whether a request of this scope is served now (it counts as activity when it is).
    func admit(_ scope: PortalSession.Scope) -> Bool { session.admit(scope, at: now) }

    /// The rate limits' verdict on a request.
    func limit(method: String, path: String) -> PortalRateLimiter.Verdict { limiter.admit(method: method, path: path, at: now) }

    /// `/iserver/auth/status`.
    func authStatus() -> AuthStatus {
        session.authStatus(at: now, serverInfo: AuthStatus.ServerInfo(serverName: "ibterm paper gateway", serverVersion: "Build 10.30.0"))
    }

    /// `/tickle`: keeps the session alive.
    func tickle() -> AuthStatus { session.tickle(at: now) }

    /// `/sso/validate`, `/iserver/auth/ssodh/init`: the session is (again) validated.
    func validate() { session.validate(at: now) }

    /// `/iserver/reauthenticate`: `false` when there is no session to reauthenticate.
    func reauthenticate() -> Bool { session.reauthenticate(at: now) }

    /// `/logout`.
    func logout() {
        session.logout()
        preflight.unsubscribeAll()
    }

    /// Fault: the session expires now, as after 5 idle minutes.
    func expireSession() { session.expire(at: now) }

    /// Fault: another session takes the brokerage session.
    func startCompetingSession() { session.competingSessionStarted(at: now) }

    /// The snapshot answer for a conid under the pre-flight rule.
    func snapshot(conid: Int, fields: [String], values: [String: String], updated: Int64) -> MarketDataSnapshot {
        preflight.answer(conid: conid, fields: fields, values: values, updated: updated, serverID: "paper")
    }

    /// `/iserver/marketdata/{conid}/unsubscribe`.
    func unsubscribe(conid: Int) -> Bool { preflight.unsubscribe(conid: conid) }

    /// `/iserver/marketdata/unsubscribeall`.
    func unsubscribeAll() { preflight.unsubscribeAll() }

    /// What an order request waiting on a question goes on to do once the questions are
    /// answered yes: place the bracket's other tickets with it, or modify a working order.
    struct Pending: Sendable, Equatable {
        /// A bracket's tickets after the first.
        var rest: [PortalOrderTicket] = []
        /// The working order a modification is for (`nil`: a new order).
        var modifying: Int?
    }

    /// An order arrives (the first ticket carries the questions, as IB asks per request); a
    /// modification (`modifying`) is asked the same questions as a new order.
    func submit(_ tickets: [PortalOrderTicket], symbol: String, marketPrice: Double?, modifying: Int? = nil) -> OrderReplyFlow.Step {
        guard let first = tickets.first else { return .dropped(PortalOrderTicket(conid: 0, orderType: "MKT", side: "BUY", tif: "DAY", quantity: 0)) }
        let step = replies.submit(first, symbol: symbol, marketPrice: marketPrice)
        remember(step, Pending(rest: Array(tickets.dropFirst()), modifying: modifying))
        return step
    }

    /// What each question's request goes on to do, by its reply id.
    private var pending: [String: Pending] = [:]

    /// `POST /iserver/reply/{id}`: the next step, and what the request goes on to do.
    func reply(id: String, confirmed: Bool) -> (OrderReplyFlow.Step, Pending) {
        let waiting = pending.removeValue(forKey: id) ?? Pending()
        waitingOrder.removeAll { $0 == id }
        let step = replies.reply(id: id, confirmed: confirmed)
        remember(step, waiting)
        return (step, waiting)
    }

    private func remember(_ step: OrderReplyFlow.Step, _ waiting: Pending) {
        guard case let .ask(question) = step else { return }
        pending[question.id] = waiting
        waitingOrder.append(question.id)
        while waitingOrder.count > Self.maximumWaitingQuestions {
            let oldest = waitingOrder.removeFirst()
            pending[oldest] = nil
            _ = replies.reply(id: oldest, confirmed: false)
        }
    }

    /// `/iserver/questions/suppress`.
    func suppress(_ ids: [String]) { replies.suppress(ids) }

    /// `/iserver/questions/suppress/reset`.
    func resetSuppression() { replies.resetSuppression() }
}
