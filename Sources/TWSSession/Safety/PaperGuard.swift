/// Keeps orders off live accounts unless the user explicitly allowed live trading.
///
/// The managed accounts decide: IB paper account codes begin `DU` (individual) or `DF`
/// (advisor). The gateway port is only a hint (4002 and 7497 are IB's paper defaults, 4001 and
/// 7496 the live ones), shown before the accounts arrive; it never makes a live account paper,
/// because ports are configurable and forwarded.
///
/// ```swift
/// let guardrail = PaperGuard(allowLive: options.allowLive)
/// try guardrail.authorizeOrder(account: order.account, managedAccounts: info.accounts)
/// ```
public struct PaperGuard: Hashable, Sendable {
    /// IB's default paper ports: IB Gateway 4002, TWS 7497.
    public static let paperPorts: Set<Int> = [4002, 7497]
    /// IB's default live ports: IB Gateway 4001, TWS 7496.
    public static let livePorts: Set<Int> = [4001, 7496]

    /// Whether orders may go to live accounts.
    public let allowLive: Bool

    /// Creates a guard; `allowLive` must come from an explicit user choice.
    public init(allowLive: Bool = false) {
        self.allowLive = allowLive
    }

    /// Whether one account code is a paper account.
    public static func isPaperAccount(_ account: String) -> Bool {
        account.hasPrefix("DU") || account.hasPrefix("DF")
    }

    /// The environment a port suggests, before any account is known.
    public static func environmentHint(port: Int) -> TradingEnvironment {
        if paperPorts.contains(port) { return .paper }
        if livePorts.contains(port) { return .live }
        return .unknown
    }

    /// The environment of a connection: paper only when every managed account is paper; with
    /// no accounts yet, the port's hint.
    public static func environment(managedAccounts: [String], port: Int? = nil) -> TradingEnvironment {
        let accounts = managedAccounts.filter { !$0.isEmpty }
        guard !accounts.isEmpty else { return port.map(environmentHint(port:)) ?? .unknown }
        return accounts.allSatisfy(isPaperAccount) ? .paper : .live
    }

    /// Allows an order, or throws why not.
    ///
    /// - Parameters:
    ///   - account: the order's account, or `nil` to let the gateway pick (then every managed
    ///     account must be paper).
    ///   - managedAccounts: the connection's MANAGED_ACCTS.
    public func authorizeOrder(account: String?, managedAccounts: [String]) throws(PaperGuardError) {
        let accounts = managedAccounts.filter { !$0.isEmpty }
        guard !accounts.isEmpty else {
            if allowLive { return }
            throw PaperGuardError(code: .accountsUnknown, account: account)
        }
        if let account, !account.isEmpty {
            guard accounts.contains(account) else {
                throw PaperGuardError(code: .accountNotManaged, account: account)
            }
            if allowLive || Self.isPaperAccount(account) { return }
            throw PaperGuardError(code: .liveAccount, account: account)
        }
        if allowLive { return }
        if let live = accounts.first(where: { !Self.isPaperAccount($0) }) {
            throw PaperGuardError(code: .liveAccount, account: live)
        }
    }
}
