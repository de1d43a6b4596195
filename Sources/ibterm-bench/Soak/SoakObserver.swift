import TWSClient
import TWSSession
import TWSWire

/// What the client told the soak: every connection state with its instant, every quote tick,
/// and every event on every order handle. Collected while the soak runs, judged afterwards.
actor SoakObserver {
    /// One placed order as its handle's event stream told it.
    struct OrderTrace: Sendable {
        var orderId: Int
        var orderRef: String
        var placedAt: SessionInstant
        var events: [String] = []
        var statuses: [OrderStatusUpdate] = []
        var executionCounts: [String: Int] = [:]
        var executionShares: [String: Int] = [:]
        var commissionCounts: [String: Int] = [:]
        var notices: [Int] = []
        var gaps = 0
        var resumed = 0
        var finished = false

        /// Whether the stream showed that the gateway had the order (a status with the
        /// gateway's permId, or a fill), rather than only the client's own verdict or a notice
        /// such as 10147 (order to cancel not found).
        var heardFromGateway: Bool {
            statuses.contains { $0.permId != 0 } || !executionCounts.isEmpty
        }

        /// The last status, if any.
        var last: OrderStatusUpdate? { statuses.last }
    }

    /// One connection state as reported.
    struct StateChange: Sendable {
        var state: TWSConnectionState
        var at: SessionInstant
    }

    private(set) var states: [StateChange] = []
    private(set) var orders: [Int: OrderTrace] = [:]
    private(set) var lastTick: [String: SessionInstant] = [:]
    private(set) var tickCount = 0
    private(set) var quoteGaps = 0
    private(set) var quoteResumes = 0
    private let clock: any TWSClock

    init(clock: any TWSClock) {
        self.clock = clock
    }

    // MARK: Recording

    func record(state: TWSConnectionStatus) {
        states.append(StateChange(state: state.state, at: state.at))
    }

    func record(tick symbol: String) {
        lastTick[symbol] = clock.now()
        tickCount += 1
    }

    func recordQuoteGap() { quoteGaps += 1 }
    func recordQuoteResumed() { quoteResumes += 1 }

    func track(orderId: Int, orderRef: String) {
        orders[orderId] = OrderTrace(orderId: orderId, orderRef: orderRef, placedAt: clock.now())
    }

    func record(_ event: OrderEvent, orderId: Int) {
        guard var trace = orders[orderId] else { return }
        trace.events.append("\(clock.now()) \(event)".prefix(160).description)
        switch event {
        case .status(let update): trace.statuses.append(update)
        case .execution(let execution, _):
            trace.executionCounts[execution.execId, default: 0] += 1
            trace.executionShares[execution.execId] = execution.shares.wholeValue ?? 0
        case .commission(let report): trace.commissionCounts[report.execId, default: 0] += 1
        case .notice(let notice): trace.notices.append(notice.code)
        case .gap: trace.gaps += 1
        case .resumed: trace.resumed += 1
        }
        orders[orderId] = trace
    }

    func finished(orderId: Int) {
        orders[orderId]?.finished = true
    }

    // MARK: Questions

    /// The first state reported at or after `instant` that is not usable.
    func firstNotUsable(since instant: SessionInstant) -> StateChange? {
        states.first { $0.at >= instant && !Self.isUsable($0.state) }
    }

    /// The first usable state reported after `instant`.
    func firstUsable(after instant: SessionInstant) -> StateChange? {
        states.first { $0.at > instant && Self.isUsable($0.state) }
    }

    /// The first `synchronizing` state reported after `instant`.
    func first(_ wanted: TWSConnectionState, after instant: SessionInstant) -> StateChange? {
        states.first { $0.at > instant && $0.state == wanted }
    }

    /// Whether the client is usable now (its last reported state).
    var isUsable: Bool { states.last.map { Self.isUsable($0.state) } ?? false }

    /// How many symbols ticked after `instant`.
    func symbolsTicked(after instant: SessionInstant, of symbols: [String]) -> Int {
        symbols.count { (lastTick[$0].map { $0 > instant }) ?? false }
    }

    /// How many connection losses were reported.
    var lossCount: Int {
        states.count { if case .lost = $0.state { true } else { false } }
    }

    /// How many orders still have an open stream.
    var openStreams: Int { orders.values.count { !$0.finished } }

    static func isUsable(_ state: TWSConnectionState) -> Bool {
        if case .usable = state { return true }
        return false
    }
}
