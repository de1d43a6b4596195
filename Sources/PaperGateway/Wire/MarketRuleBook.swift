import PaperExchange
import Vocabulary

/// The market-rule ids contract details list (`marketRuleIds`) and reqMarketRule answers: one
/// rule a minimum tick, with IB's ids for the common ones (26: US stocks' 0.01; 32: 0.25 index
/// futures; 239: IDEALPRO's 0.00005) and 1000 + ticks of 10⁻⁸ otherwise.
enum MarketRuleBook {
    static func ruleId(for minTick: FixedDecimal) -> Int {
        switch minTick.raw {
        case 1_000_000: 26
        case 25_000_000: 32
        case 5000: 239
        default: 1000 + Int(minTick.raw % 1_000_000_000)
        }
    }

    /// The increment of rule `id`, when some instrument uses it.
    static func increment(ofRule id: Int, in universe: InstrumentUniverse) -> FixedDecimal? {
        universe.instruments.first { ruleId(for: $0.minTick) == id }?.minTick
    }
}
