/// The answer of `GET /iserver/accounts`: the accounts the username can trade, and the one
/// selected. IB requires this call before orders are placed or listed.
///
/// Shape (https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#accounts):
/// `{"accounts":["U1234567"],"aliases":{"U1234567":"U1234567"},"selectedAccount":"U1234567", …}`.
/// Only the fields ibterm uses are modelled; the gateway may send more.
public struct IServerAccounts: Codable, Sendable, Equatable {
    /// The tradable account ids.
    public var accounts: [String]
    /// Each account's alias, keyed by account id.
    public var aliases: [String: String]?
    /// The account orders go to unless another is switched to.
    public var selectedAccount: String

    /// An accounts answer.
    public init(accounts: [String], aliases: [String: String]? = nil, selectedAccount: String) {
        self.accounts = accounts
        self.aliases = aliases
        self.selectedAccount = selectedAccount
    }
}
