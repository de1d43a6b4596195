/// A broad class of instrument, used to choose staleness thresholds and tick sizes.
///
/// The raw value is the key used in the configuration file (`[staleness.class]`).
public enum InstrumentClass: String, Sendable, Hashable, Codable, CaseIterable {
    /// US stocks and ETFs (IB security type `STK`).
    case stock
    /// Options (`OPT`).
    case option
    /// Futures (`FUT`).
    case future
    /// Currencies (`CASH`).
    case forex
    /// Indices (`IND`); not tradable, quoted less often.
    case index
    /// Cryptocurrencies (`CRYPTO`).
    case crypto
}
