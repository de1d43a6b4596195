import Dashboard
import TWSStreams

extension SymbolSearchResult {
    /// The dashboard's search result for a match of IB's symbol matcher: a currency pair is
    /// named `BASE.QUOTE` (`EUR.USD`), as the watchlist writes it; anything else by its symbol.
    public init(_ match: SymbolMatch) {
        let contract = match.contract
        let symbol = contract.secType == "CASH" ? "\(contract.symbol).\(contract.currency)" : contract.symbol
        self.init(
            symbol: symbol, securityType: contract.secType, exchange: contract.primaryExchange.isEmpty ? contract.exchange : contract.primaryExchange,
            currency: contract.currency, description: match.description, contractID: contract.conId)
    }
}

extension InstrumentClass {
    /// The instrument class of IB's security type (`STK`, `CASH`, `FUT`, …); a stock for types
    /// the dashboard does not tell apart.
    public init(securityType: String) {
        switch securityType {
        case "CASH": self = .forex
        case "FUT", "CONTFUT": self = .future
        case "OPT", "FOP": self = .option
        case "IND": self = .index
        case "CRYPTO": self = .crypto
        default: self = .stock
        }
    }
}
