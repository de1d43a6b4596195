/// Settings of the ``MarketSimulator``.
public struct MarketSimulatorConfiguration: Sendable, Hashable, Codable {
    /// The seed: the same seed and the same sequence of `now` values give the same tape.
    public var seed: UInt64
    /// Average time between two updates of one instrument, in milliseconds (default 250,
    /// i.e. 4 updates per second per instrument). Actual gaps are uniform in 50–150 % of it.
    public var meanUpdateIntervalMilliseconds: Int64
    /// Chance that an update of a trading instrument prints a trade (default 0.35).
    public var tradeProbability: Double
    /// Chance that an update redraws each displayed size (default 0.5).
    public var sizeChangeProbability: Double
    /// Pull of the price back toward the reference price per update, as a fraction of the
    /// distance (default 0.00005: a half-life of about an hour at 4 updates per second).
    public var meanReversion: Double

    /// Creates a configuration; the defaults give 4 updates per second per instrument.
    public init(
        seed: UInt64, meanUpdateIntervalMilliseconds: Int64 = 250, tradeProbability: Double = 0.35,
        sizeChangeProbability: Double = 0.5, meanReversion: Double = 0.000_05
    ) {
        precondition(meanUpdateIntervalMilliseconds >= 2, "update interval must be at least 2 ms")
        self.seed = seed
        self.meanUpdateIntervalMilliseconds = meanUpdateIntervalMilliseconds
        self.tradeProbability = tradeProbability
        self.sizeChangeProbability = sizeChangeProbability
        self.meanReversion = meanReversion
    }
}
