import Vocabulary

/// Converts amounts in other currencies to the USD base, at rates taken from the current FX
/// marks (EUR via EUR.USD, JPY via 1 / USD.JPY).
public struct CurrencyConverter: Sendable, Hashable {
    /// USD per one unit of each currency; USD itself is 1.
    public private(set) var usdPerUnit: [String: FixedDecimal]

    /// A converter that knows only USD.
    public init() {
        usdPerUnit = ["USD": FixedDecimal(1)]
    }

    /// Builds the rates from the FX instruments among `instruments` at `marks` (conId → price).
    public init(instruments: [Instrument], marks: [Int: FixedDecimal]) {
        self.init()
        for instrument in instruments where instrument.secType == .forex {
            guard let mark = marks[instrument.conId], mark > .zero else { continue }
            if instrument.currency == "USD" {
                usdPerUnit[instrument.baseCurrency] = mark
            } else if instrument.baseCurrency == "USD" {
                usdPerUnit[instrument.currency] = FixedDecimal(1) / mark
            }
        }
    }

    /// `amount` of `currency` in USD. A currency without a rate converts at 1 (the universe
    /// ships a pair for every currency it quotes in, so this does not happen with it).
    public func toUSD(_ amount: FixedDecimal, from currency: String) -> FixedDecimal {
        guard let rate = usdPerUnit[currency], currency != "USD" else { return amount }
        return amount * rate
    }
}
