import Vocabulary

/// Messages ibterm writes to the log itself (not from IB), with codes in a range IB does not use
/// (90001 and up) so that they never collide with or look like broker codes.
public enum LocalMessage: Int, Sendable, Hashable, CaseIterable {
    /// The ticket refused to review or send an order.
    case orderRefused = 90001
    /// An order was handed to the client for sending.
    case orderSent = 90002
    /// A cancel was requested.
    case cancelRequested = 90003
    /// A symbol was added to the watchlist.
    case symbolAdded = 90004
    /// A symbol could not be added (invalid, duplicate, unknown to IB).
    case symbolRejected = 90005
    /// A command line could not be run.
    case commandFailed = 90006
    /// There was nothing to do (no working orders, no selection).
    case nothingToDo = 90007
    /// A symbol was removed from the watchlist.
    case symbolRemoved = 90008
    /// The socket to the gateway closed.
    case connectionLost = 90009
    /// A cancel could not be sent or was refused (another client's order, the owner connected).
    case cancelRefused = 90010
    /// The configuration file has a key or value ibterm ignored (unknown key, bad binding).
    case configWarning = 90011
    /// An alert was set, removed, listed or acknowledged.
    case alertSet = 90012
    /// An alert's rule became true.
    case alertFired = 90013
    /// The gateway refused the client id as in use (326) and the dashboard connects as the
    /// next id of its range.
    case clientIDMoved = 90014
    /// The flight recorder's last minutes were written to a file (`:dump`).
    case traceDumped = 90015
    /// The Client Portal took over as the source of account, positions, orders and polled
    /// quotes while the socket link is down, gave it back, or failed too.
    case portalFailover = 90016

    /// The severity this kind of message has.
    public var severity: MessageSeverity {
        switch self {
        case .orderRefused, .connectionLost: .error
        case .symbolRejected, .commandFailed, .cancelRefused, .configWarning, .alertFired: .warning
        case .orderSent, .cancelRequested, .symbolAdded, .nothingToDo, .symbolRemoved, .alertSet, .clientIDMoved, .traceDumped: .info
        case .portalFailover: .warning
        }
    }

    /// Whether the message also goes to the journal: refusals, cancel requests and lost
    /// connections answer "what did I try, and what happened?"; housekeeping does not.
    public var isJournaled: Bool {
        switch self {
        case .orderRefused, .cancelRequested, .connectionLost, .cancelRefused, .alertFired, .clientIDMoved, .portalFailover: true
        case .alertSet, .traceDumped: false
        case .orderSent, .symbolAdded, .symbolRejected, .commandFailed, .nothingToDo, .symbolRemoved, .configWarning: false
        }
    }

    /// The area it concerns.
    public var category: MessageCategory {
        switch self {
        case .orderRefused, .orderSent, .cancelRequested, .nothingToDo, .cancelRefused: .order
        case .symbolAdded, .symbolRejected, .symbolRemoved: .marketData
        case .commandFailed, .configWarning, .alertSet, .alertFired, .traceDumped: .client
        case .connectionLost, .clientIDMoved, .portalFailover: .connectivity
        }
    }

    /// The one line ibterm's own message is shown as, in the message log and the footer: the
    /// title, then what it says (`Command not run: unknown command 'foo'; did you mean 'add'?`).
    public static func line(title: String, explanation: String) -> String {
        explanation.isEmpty ? title : "\(title): \(explanation)"
    }

    /// The message with its texts, for the log.
    public func message(
        title: String, explanation: String, action: String = "", requestID: Int = Notice.noRequestID
    ) -> ExplainedMessage {
        ExplainedMessage(
            code: rawValue, requestID: requestID, title: title, explanation: explanation, action: action,
            severity: severity, category: category, requestIsDead: false, ibText: "", isKnown: true)
    }
}
