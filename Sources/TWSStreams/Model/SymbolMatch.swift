import TWSWire

/// One contract the gateway's symbol matcher found (IB: a `ContractDescription` of
/// SYMBOL_SAMPLES), as ``IBClient`` returns it from `matchingSymbols`.
public struct SymbolMatch: Hashable, Sendable {
    /// The contract: conId, symbol, security type, primary exchange and currency (not yet
    /// qualified: ask contract details for the rest).
    public var contract: Contract
    /// The derivative security types listed on it (`OPT`, `FUT`, ...).
    public var derivativeSecTypes: [String]
    /// The company or instrument name (server version 176+; empty before).
    public var description: String

    /// Creates a match.
    public init(contract: Contract, derivativeSecTypes: [String] = [], description: String = "") {
        self.contract = contract
        self.derivativeSecTypes = derivativeSecTypes
        self.description = description
    }

    /// Reads one match of SYMBOL_SAMPLES.
    public init(_ match: SymbolSamples.Match) {
        self.init(contract: match.contract, derivativeSecTypes: match.derivativeSecTypes, description: match.description)
    }
}
