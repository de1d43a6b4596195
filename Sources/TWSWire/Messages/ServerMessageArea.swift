/// The part of the protocol a server message belongs to, for telling a trader in plain words
/// what a message that could not be read was about.
public enum ServerMessageArea: Hashable, Sendable, CustomStringConvertible {
    /// Ticks, market data type, depth, tick parameters.
    case marketData
    /// Order status, open and completed orders, executions, commissions, order binding.
    case orders
    /// Account values, portfolio, positions, account summary, P&L.
    case account
    /// Contract details and symbol samples.
    case contracts
    /// Historical bars.
    case historicalData
    /// ERR_MSG: errors, warnings and status notices.
    case notices
    /// Session bookkeeping: next order id, managed accounts, current time, unknown ids.
    case session

    /// The adjective a sentence uses: `market-data`, `order`, `account`, ...
    public var description: String {
        switch self {
        case .marketData: "market-data"
        case .orders: "order"
        case .account: "account"
        case .contracts: "contract"
        case .historicalData: "historical-data"
        case .notices: "notice"
        case .session: "session"
        }
    }
}
