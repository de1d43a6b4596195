/// The account's P&L and balances, each with where it came from, and the session history.
public struct PnLSummary: Hashable, Sendable {
    /// One labelled value.
    public struct Line: Hashable, Sendable {
        /// The value.
        public var value: Figure
        /// Where it came from (`gateway`, `computed`), shown dimmed; nil for none.
        public var source: String?

        /// Creates a line.
        public init(_ value: Figure, source: String? = nil) {
            self.value = value
            self.source = source
        }
    }

    /// Today's P&L.
    public var daily: Line
    /// Unrealized P&L.
    public var unrealized: Line
    /// Realized P&L.
    public var realized: Line
    /// Net liquidation value.
    public var netLiquidation: Line
    /// Buying power.
    public var buyingPower: Line
    /// The session's P&L samples, oldest first, for the sparkline.
    public var history: [Double]

    /// Creates a summary.
    public init(
        daily: Line, unrealized: Line, realized: Line, netLiquidation: Line, buyingPower: Line,
        history: [Double] = []
    ) {
        self.daily = daily
        self.unrealized = unrealized
        self.realized = realized
        self.netLiquidation = netLiquidation
        self.buyingPower = buyingPower
        self.history = history
    }

    /// Every value unknown and no history.
    public static let empty = PnLSummary(
        daily: Line(.missing), unrealized: Line(.missing), realized: Line(.missing),
        netLiquidation: Line(.missing), buyingPower: Line(.missing))

    /// The labelled lines in display order.
    public var lines: [(label: String, line: Line)] {
        [("Daily", daily), ("Unrealized", unrealized), ("Realized", realized),
         ("Net liq", netLiquidation), ("Buying power", buyingPower)]
    }
}
