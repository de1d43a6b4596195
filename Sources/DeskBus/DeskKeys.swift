/// The Redis key names of one desk: every stream and hash the bridge writes and the dashboards
/// read, all under the prefix `ibterm:desk:<name>:` (the layout table is in this target's
/// README).
///
/// A desk is one gateway connection shared through one bridge. Its name is checked here, once:
/// letters, digits, `-` and `_`, 1 to 32 characters, so a key never holds a space, a colon or a
/// glob character.
///
/// ```swift
/// let keys = try DeskKeys(desk: "main")
/// keys.events          // "ibterm:desk:main:events"
/// keys.commandGroup    // "bridge"
/// ```
public struct DeskKeys: Sendable, Hashable {
    /// The longest desk name accepted.
    public static let maximumNameLength = 32
    /// The desk a bridge or dashboard uses when none is named.
    public static let defaultDesk = "main"

    /// The desk's name.
    public let desk: String
    /// The prefix of every key of the desk: `ibterm:desk:<name>:`.
    public let prefix: String

    /// Checks `desk` and derives its keys.
    ///
    /// - Throws: ``DeskNameError`` when the name is empty, longer than 32 characters or holds a
    ///   character other than a letter, digit, `-` or `_`.
    public init(desk: String) throws(DeskNameError) {
        if desk.isEmpty { throw .empty }
        if desk.count > Self.maximumNameLength { throw .tooLong(desk, length: desk.count) }
        if let bad = desk.first(where: { !Self.isNameCharacter($0) }) { throw .invalidCharacter(desk, bad) }
        self.desk = desk
        prefix = "ibterm:desk:\(desk):"
    }

    /// Stream of what the bridge forwards from the gateway (quotes, notices, orders, fills,
    /// positions, account values), bounded with `MAXLEN ~`.
    public var events: String { prefix + "events" }
    /// String key holding the bridge's latest heartbeat (as stream fields' JSON), with a short
    /// expiry, for a dashboard that starts after the bridge.
    public var heartbeat: String { prefix + "heartbeat" }
    /// Stream of the bridge's heartbeats, bounded with `MAXLEN ~`; dashboards block-read it.
    public var heartbeats: String { prefix + "heartbeats" }
    /// Hash: symbol → the latest quote event (merged values), for late joiners.
    public var quotes: String { prefix + "latest:quotes" }
    /// Hash: symbol → the bridge's latest quote subscription (its ticker id), so a dashboard
    /// starting later knows which notices are about which symbol.
    public var requests: String { prefix + "latest:requests" }
    /// Hash: symbol → the latest position event.
    public var positions: String { prefix + "latest:positions" }
    /// Hash: `<order id>:open`, `<order id>:status`, `<order id>:completed` (`perm<perm id>:completed`
    /// when the order id is unknown) → the latest open-order, order-status or completed-order
    /// event.
    public var orders: String { prefix + "latest:orders" }
    /// Hash: `account|key|currency` → the latest account-value event.
    public var accountValues: String { prefix + "latest:account" }
    /// Stream of commands from dashboards (orders, cancels, subscriptions).
    public var commands: String { prefix + "commands" }
    /// The consumer group the bridge reads ``commands`` through (`XREADGROUP GROUP bridge …`).
    public var commandGroup: String { "bridge" }
    /// Stream of command results, each naming the command's idempotency key.
    public var results: String { prefix + "results" }
    /// Hash: idempotency key → the ledger record (started, or the final result): the
    /// at-most-once guard (``CommandLedger``).
    public var done: String { prefix + "done" }

    /// Every key of the desk, for a cleanup or a listing.
    public var allKeys: [String] {
        [events, heartbeat, heartbeats, quotes, requests, positions, orders, accountValues, commands, results, done]
    }

    /// The field of ``accountValues`` for one account value.
    public static func accountValueField(account: String, key: String, currency: String) -> String {
        "\(account)|\(key)|\(currency)"
    }

    static func isNameCharacter(_ character: Character) -> Bool {
        guard character.isASCII, let scalar = character.unicodeScalars.first else { return false }
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_": return true
        default: return false
        }
    }
}
