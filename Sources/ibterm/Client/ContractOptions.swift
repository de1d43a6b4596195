import ArgumentParser
import TWSWire

/// `--exchange`, `--currency`, `--sec-type`: how the commands that take a SYMBOL name its
/// contract (a stock on SMART in USD unless told otherwise).
struct ContractOptions: ParsableArguments {
    @Option(help: "The exchange to route to.")
    var exchange = "SMART"

    @Option(help: "The currency.")
    var currency = "USD"

    @Option(help: "The security type (STK, CASH, FUT, ...).")
    var secType = "STK"

    /// The contract of `symbol` (upper-cased).
    func contract(_ symbol: String) -> Contract {
        Contract(symbol: symbol.uppercased(), secType: secType, exchange: exchange, currency: currency)
    }
}
