import Vocabulary

/// The Client Portal (IB's REST API) as the socket link's failover (issue #17): with a portal
/// configured beside the gateway, the socket link is primary; while it is down the portal is
/// the source of account values, positions, orders and polled quotes, each shown with its
/// source (`REST`) and the age of its last read; when the socket link is back the portal
/// stands by again. Ages are monotonic (`SessionInstant`).
public struct PortalFailover: Sendable, Hashable {
    /// What was read over the portal.
    public enum Read: String, Sendable, Hashable, CaseIterable {
        /// Positions (`/portfolio/{acct}/positions`).
        case positions
        /// Orders (`/iserver/account/orders`).
        case orders
        /// Account values (`/portfolio/{acct}/summary`).
        case account
        /// Snapshots of the watchlist (`/iserver/marketdata/snapshot`).
        case quotes
        /// The session kept alive while standing by (`/tickle`).
        case session
    }

    /// The portal's address (`https://127.0.0.1:5000`).
    public var portal: String
    /// Since when the portal is the source (`nil`: standing by, the socket link is primary).
    public internal(set) var engagedAt: SessionInstant?
    /// When each kind was last read over the portal during this engagement.
    public internal(set) var readAt: [Read: SessionInstant] = [:]
    /// The portal's last failure in words (`nil` after a good read).
    public internal(set) var failure: String?

    /// A portal standing by.
    public init(portal: String) { self.portal = portal }

    /// Whether the portal is the source now.
    public var isEngaged: Bool { engagedAt != nil }

    /// How old the last read of `kind` is (`nil`: not read since engaged, or standing by).
    public func age(of kind: Read, at now: SessionInstant) -> Duration? {
        guard isEngaged || kind == .session, let read = readAt[kind] else { return nil }
        return max(.zero, now - read)
    }

    /// The badge a pane fed by `kind` shows while engaged: `REST 4s`, `REST …` before the
    /// first read; `nil` when the socket link is the source.
    public func badge(for kind: Read, at now: SessionInstant) -> String? {
        guard isEngaged else { return nil }
        guard let age = age(of: kind, at: now) else { return "REST …" }
        return "REST \(age.components.seconds)s"
    }
}
