/// Why ``PaperGuard`` refused to let an order through.
public struct PaperGuardError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of refusal.
    public enum Code: Hashable, Sendable {
        /// The order would go to a live account and allow-live was not set.
        case liveAccount
        /// The accounts are not known yet, so the order could go to a live account.
        case accountsUnknown
        /// The order names an account this connection does not manage.
        case accountNotManaged
    }

    /// The kind of refusal.
    public var code: Code
    /// The account the order named, or that made the connection live; `nil` when unknown.
    public var account: String?

    /// Creates a refusal.
    public init(code: Code, account: String?) {
        self.code = code
        self.account = account
    }

    /// A plain sentence for the user.
    public var description: String {
        switch code {
        case .liveAccount:
            "refusing to place an order on live account \(account ?? "?"): start with allow-live to trade real money"
        case .accountsUnknown:
            "refusing to place an order before the managed accounts are known"
        case .accountNotManaged:
            "refusing to place an order for account \(account ?? "?"), which this connection does not manage"
        }
    }
}
