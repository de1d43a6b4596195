import Vocabulary

/// What the footer answers for a few seconds: the result of the trader's last action or
/// command, in one line.
///
/// Every message ibterm writes itself (`DashboardState.note`) shows here as well as in the
/// message log, and so do answers that belong only on screen (the matches of a Tab
/// completion). It is shown from `since` (a monotonic instant, so a stepped wall clock changes
/// nothing) for `duration`.
public struct FooterNote: Sendable, Hashable {
    /// The line: `Order 12 sent: BUY 100 AAPL LMT 231.20 was handed to the gateway.`
    public var text: String
    /// How it is styled.
    public var severity: MessageSeverity
    /// When it was written.
    public var since: SessionInstant
    /// How long it is shown.
    public var duration: Duration

    /// How long a note of `severity` stays: 4 s for information, 8 s for warnings and errors
    /// (they carry a reason to read).
    public static func duration(for severity: MessageSeverity) -> Duration {
        severity == .info ? .seconds(4) : .seconds(8)
    }

    /// Creates a note shown for `duration` (by default, the severity's).
    public init(_ text: String, severity: MessageSeverity, since: SessionInstant, duration: Duration? = nil) {
        self.text = text
        self.severity = severity
        self.since = since
        self.duration = duration ?? Self.duration(for: severity)
    }

    /// Whether the note is still shown at `instant`.
    public func isShown(at instant: SessionInstant) -> Bool {
        instant < since + duration
    }
}

/// What the keys do right now, which picks the footer's key hints.
public enum FooterMode: Sendable, Hashable {
    /// Nothing on top: the focused pane's keys.
    case pane(Pane)
    /// The ticket, editing its fields; `canOverride` when the refusal is a quote that is not
    /// live (`o` accepts it).
    case ticketEditing(canOverride: Bool)
    /// The ticket's review; `canOverride` as for editing.
    case ticketReview(canOverride: Bool)
    /// The ticket after sending (any key closes it).
    case ticketSent
    /// The `:` command line.
    case commandLine
    /// The add-symbol prompt.
    case prompt
    /// The symbol search.
    case search
    /// The symbol detail view.
    case detail
    /// A yes/no question.
    case confirmation
    /// Help or an explanation.
    case reading
}

extension DashboardState {
    /// The footer's note at `instant` (a frame's), while it is shown.
    /// A fired alert that was not acknowledged stays once the note is gone, until `A` or
    /// `:ack`.
    public func footerNote(at instant: SessionInstant) -> FooterNote? {
        if let footer, footer.isShown(at: instant) { return footer }
        guard let alert = unacknowledgedAlerts.first, let firedAt = alert.firedAt else { return nil }
        let more = unacknowledgedAlerts.count > 1 ? " (+\(unacknowledgedAlerts.count - 1) more)" : ""
        return FooterNote("Alert \(alert.id): \(alert.rule.text) (\(alert.firedValue ?? ""))\(more); A acknowledges",
                          severity: .warning, since: firedAt, duration: .seconds(365 * 86_400))
    }

    /// What the keys do now, for the footer's hints.
    public var footerMode: FooterMode {
        switch interface.overlay {
        case .none: return .pane(interface.focusedPane)
        case .help, .explanation: return .reading
        case .search: return .search
        case .detail: return .detail
        case .commandLine: return .commandLine
        case .addSymbol: return .prompt
        case .confirm: return .confirmation
        case .ticket:
            guard let editor = ticket else { return .ticketEditing(canOverride: false) }
            let canOverride = editor.refusal?.code == .quoteNotLive
            switch editor.ticket.phase {
            case .editing: return .ticketEditing(canOverride: canOverride)
            case .reviewing: return .ticketReview(canOverride: canOverride)
            case .sent: return .ticketSent
            }
        }
    }

    /// Shows `text` in the footer only (not in the message log).
    mutating func showInFooter(_ text: String, severity: MessageSeverity = .info) {
        footer = FooterNote(text, severity: severity, since: eventTime.instant)
        changed = true
    }
}
