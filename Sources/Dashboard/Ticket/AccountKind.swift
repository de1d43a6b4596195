/// Whether the logged-in account trades real money.
public enum AccountKind: String, Sendable, Hashable, Codable {
    /// A paper-trading account (IB account ids starting with `D`).
    case paper
    /// A live account.
    case live

    /// Classifies an IB account id: paper account ids start with `D` (for example `DU1234567`).
    public init(accountID: String) {
        self = accountID.hasPrefix("D") ? .paper : .live
    }
}
