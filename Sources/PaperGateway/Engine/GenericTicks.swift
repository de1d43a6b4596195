/// A reqMktData generic tick list read: which extra ticks the engine sends for it.
///
/// Served: 233 and 375 (RTVolume with each trade), 236 (shortable), 165 (13-, 26- and 52-week
/// lows and highs and the average daily volume), 221 (mark price), 104 (historical volatility),
/// 106 (implied volatility, stocks). Other ids of IB's list are accepted without data, as TWS
/// does for ticks an instrument does not have; anything else is refused with 321.
struct GenericTicks {
    /// A tick id that is not in IB's list.
    struct Incorrect: Error {
        var tick: String
    }

    /// IB's generic tick ids (TWS API, "Available Tick Types").
    static let legal: Set<Int> = [
        100, 101, 104, 105, 106, 162, 165, 221, 225, 232, 233, 236, 256, 258, 291, 292, 293, 294, 295, 318, 375,
        377, 381, 384, 387, 388, 391, 407, 411, 428, 439, 456, 459, 460, 499, 506, 511, 512, 513, 514, 515,
        516, 517, 521, 545, 576, 577, 578, 584, 585, 587, 588, 595, 614, 619,
    ]

    var ids: Set<Int> = []

    var rtVolume: Bool { ids.contains(233) || ids.contains(375) }
    var markPrice: Bool { ids.contains(221) }

    /// Reads `"233,236"`; an empty list is no extra ticks.
    init(list: String) throws(Incorrect) {
        for part in list.split(separator: ",") {
            let text = part.filter { $0 != " " }
            guard !text.isEmpty else { continue }
            guard let id = Int(text), Self.legal.contains(id) else { throw Incorrect(tick: String(text)) }
            ids.insert(id)
        }
    }
}
