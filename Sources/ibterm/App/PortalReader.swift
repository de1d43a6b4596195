import PortalAPI

/// What the dashboard's failover reads over the Client Portal: the account's id, positions,
/// summary, orders, and snapshots of the watchlist (``PortalClient`` does it over HTTPS).
protocol PortalReader: Sendable {
    /// The portal's address, for the screen (`https://127.0.0.1:5000`).
    var address: String { get }
    /// Keeps the brokerage session alive (`/tickle`; IB ends an idle one after about 5
    /// minutes) and reauthenticates one that is no longer authenticated; throws when the portal
    /// cannot be reached or will not authenticate.
    func keepAlive() async throws
    /// The account the session trades (`/iserver/accounts`' selected one).
    func selectedAccount() async throws -> String
    /// Every open position.
    func positions(account: String) async throws -> [PortalPosition]
    /// The account summary.
    func summary(account: String) async throws -> PortalAccountSummary
    /// The live orders.
    func liveOrders() async throws -> LiveOrders
    /// The conid of a symbol (the first stock the search lists), `nil` when none.
    func conid(symbol: String) async throws -> Int?
    /// Snapshots of `conids` (through IB's pre-flight).
    func snapshots(conids: [Int]) async throws -> [MarketDataSnapshot]
    /// Places one order through IB's reply flow, each question answered by `ask`.
    func place(_ ticket: PortalOrderTicket, account: String, ask: @escaping @Sendable (OrderReplyQuestion) async -> Bool) async throws -> PortalPlacement
    /// Cancels an order of the account.
    func cancel(orderId: Int, account: String) async throws
}

/// What became of an order sent through the portal.
enum PortalPlacement: Sendable, Equatable {
    /// Taken: the portal's order id and status.
    case placed(orderId: Int, status: String)
    /// Not placed: a question was declined, or the portal refused it (in words).
    case notPlaced(String)
}
