/// The kind of instrument, with IB's `secType` codes as raw values.
public enum SecurityType: String, Sendable, Hashable, Codable, CaseIterable {
    /// A stock or ETF (`STK`).
    case stock = "STK"
    /// A currency pair traded on IDEALPRO (`CASH`).
    case forex = "CASH"
    /// A futures contract (`FUT`).
    case future = "FUT"

    /// Whether the simulated market prints trades (last, last size, volume). IDEALPRO FX quotes
    /// have no trades in TWS, so CASH instruments only move their bid and ask.
    public var printsTrades: Bool { self != .forex }

    /// The unit displayed sizes are drawn in: a round lot of 100 shares for stocks, 100,000
    /// units of the base currency for FX, one contract for futures.
    public var sizeUnit: Int {
        switch self {
        case .stock: 100
        case .forex: 100_000
        case .future: 1
        }
    }

    /// The annualised volatility used when the data file gives none.
    public var defaultVolatility: Double {
        switch self {
        case .stock: 0.30
        case .forex: 0.08
        case .future: 0.16
        }
    }
}
