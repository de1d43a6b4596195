/// How long a quote may go without a tick before it is aging, then stale.
///
/// A quote is `live` while its age is at most half the threshold, `aging` while it is above
/// half and at most the threshold, and `stale` once it is above the threshold. The threshold is
/// the symbol's override if there is one, else its instrument class's, else the default.
public struct StalenessPolicy: Sendable, Hashable {
    /// The threshold for classes without their own.
    public var defaultThreshold: Duration
    /// Thresholds per instrument class.
    public var classThresholds: [InstrumentClass: Duration]
    /// Thresholds per symbol, overriding the class.
    public var symbolThresholds: [String: Duration]

    /// Creates a policy.
    public init(
        defaultThreshold: Duration = .seconds(10),
        classThresholds: [InstrumentClass: Duration] = StalenessPolicy.standardClassThresholds,
        symbolThresholds: [String: Duration] = [:]
    ) {
        self.defaultThreshold = defaultThreshold
        self.classThresholds = classThresholds
        self.symbolThresholds = symbolThresholds
    }

    /// The standard thresholds: 5 s for US stocks and futures, which tick several times a second
    /// in regular hours; 10 s for currencies and crypto; 15 s for options, which often quote
    /// less often; 30 s for indices, which IB publishes every few seconds.
    public static let standardClassThresholds: [InstrumentClass: Duration] = [
        .stock: .seconds(5), .future: .seconds(5), .forex: .seconds(10),
        .crypto: .seconds(10), .option: .seconds(15), .index: .seconds(30),
    ]

    /// Every threshold divided by `factor`: a replay played `factor` times faster than it was
    /// recorded shows each gap `factor` times shorter, so a quote turns aging and stale after
    /// as much recorded time as it did live (`ibterm replay --speed 10`: a 5 s threshold is
    /// 0.5 s of this machine's time). A factor that is not a finite number above 0 changes nothing.
    public func scaled(by factor: Double) -> StalenessPolicy {
        guard factor.isFinite, factor > 0, factor != 1 else { return self }
        func scale(_ threshold: Duration) -> Duration {
            let nanoseconds = Double(threshold.components.seconds) * 1e9 + Double(threshold.components.attoseconds) / 1e9
            return .nanoseconds(Int64((nanoseconds / factor).rounded()))
        }
        return StalenessPolicy(
            defaultThreshold: scale(defaultThreshold), classThresholds: classThresholds.mapValues(scale),
            symbolThresholds: symbolThresholds.mapValues(scale))
    }

    /// The policy with the standard thresholds and no overrides.
    public static let standard = StalenessPolicy()

    /// The threshold that applies to `symbol` of class `instrumentClass`.
    public func threshold(for symbol: String, instrumentClass: InstrumentClass) -> Duration {
        if !symbolThresholds.isEmpty, let own = symbolThresholds[symbol] { return own }
        return classThresholds[instrumentClass] ?? defaultThreshold
    }

    /// Classifies a quote by its age alone: `live`, `aging` or `stale`.
    public func classify(age: Duration, threshold: Duration) -> Freshness {
        if age > threshold { return .stale }
        // age > threshold / 2, without a 128-bit division on every frame.
        if age + age > threshold { return .aging }
        return .live
    }
}
