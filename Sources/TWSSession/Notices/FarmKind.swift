/// The kinds of IB data farm that report their state through ERR_MSG notices.
public enum FarmKind: Hashable, Sendable, CaseIterable {
    /// A market-data farm (for example `usfarm`): codes 2103, 2104, 2108, 2119.
    case marketData
    /// A historical-data (HMDS) farm (for example `ushmds`): codes 2105, 2106, 2107.
    case historicalData
    /// A security-definition farm (for example `secdefil`): codes 2157, 2158.
    case securityDefinition
}
