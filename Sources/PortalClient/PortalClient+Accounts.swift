import PortalAPI

extension PortalClient {
    /// The most pages of positions read (100 positions each).
    public static let maximumPositionPages = 100
    /// Positions per page, as IB pages them.
    public static let positionsPageSize = 100

    /// `GET /iserver/accounts`: the brokerage session's accounts and the selected one. IB wants
    /// it called before the `/iserver/account/…` endpoints.
    public func iserverAccounts() async throws(PortalClientError) -> IServerAccounts {
        try await send(.GET, "/iserver/accounts", as: IServerAccounts.self)
    }

    /// `GET /portfolio/accounts` (IB: once per 5 s).
    public func accounts() async throws(PortalClientError) -> [PortfolioAccount] {
        try await send(.GET, "/portfolio/accounts", as: [PortfolioAccount].self)
    }

    /// `GET /portfolio/{account}/summary`: the account's values by lower-case key
    /// (``AccountSummaryKey``).
    public func summary(account: String) async throws(PortalClientError) -> PortalAccountSummary {
        try await send(.GET, "/portfolio/\(Self.escape(account))/summary", as: PortalAccountSummary.self)
    }

    /// `GET /portfolio/{account}/ledger`: cash and values by currency (and `BASE`).
    public func ledger(account: String) async throws(PortalClientError) -> Ledger {
        try await send(.GET, "/portfolio/\(Self.escape(account))/ledger", as: Ledger.self)
    }

    /// `GET /portfolio/{account}/positions/{page}` for every page: pages are read from 0 until
    /// one holds fewer than ``positionsPageSize`` positions (at most ``maximumPositionPages``).
    public func positions(account: String) async throws(PortalClientError) -> [PortalPosition] {
        var all: [PortalPosition] = []
        for page in 0..<Self.maximumPositionPages {
            let positions = try await send(.GET, "/portfolio/\(Self.escape(account))/positions/\(page)", as: [PortalPosition].self)
            all += positions
            if positions.count < Self.positionsPageSize { break }
        }
        return all
    }
}
