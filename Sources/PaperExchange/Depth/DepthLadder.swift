import Vocabulary

/// One row of a simulated order book.
public struct DepthLevel: Sendable, Hashable {
    /// The row's price.
    public var price: FixedDecimal
    /// The shares (units, contracts) resting at that price.
    public var size: Int
    /// The exchange the row is on (named in smart depth).
    public var venue: String

    /// Creates a row.
    public init(price: FixedDecimal, size: Int, venue: String) {
        self.price = price
        self.size = size
        self.venue = venue
    }
}

/// The simulated book behind a quote: the top row is the quote itself (its bid or ask and
/// size), the rows below step away from it by one tick or, now and then, two; each row's size
/// and exchange are fixed by the seed, the instrument and the row's price, so a row keeps its
/// size while the market moves around it and the book stays consistent with the top of book.
public enum DepthLadder {
    /// The exchanges smart depth names for US stocks.
    static let stockVenues = ["NASDAQ", "ARCA", "BATS", "IEX", "EDGX", "NYSE", "MEMX", "BYX"]

    /// One side of the book under `quote`: `rows` rows, best first.
    public static func side(of quote: TopOfBook, instrument: Instrument, bid: Bool, rows: Int, seed: UInt64) -> [DepthLevel] {
        let top = bid ? quote.bid : quote.ask
        guard rows > 0, let topTicks = instrument.ticks(of: top) else { return [] }
        var levels = [DepthLevel(price: top, size: bid ? quote.bidSize : quote.askSize, venue: venue(instrument, topTicks, seed))]
        var ticks = topTicks
        while levels.count < rows {
            let gap: Int64 = draw(seed, instrument.conId, ticks, salt: bid ? 3 : 4) % 5 == 0 ? 2 : 1
            ticks += bid ? -gap : gap
            guard ticks > 0 else { break }
            let lots = Int(draw(seed, instrument.conId, ticks, salt: bid ? 1 : 2) % 12) + 1 + levels.count
            levels.append(DepthLevel(price: instrument.price(ticks: ticks), size: lots * instrument.secType.sizeUnit,
                                     venue: venue(instrument, ticks, seed)))
        }
        return levels
    }

    private static func venue(_ instrument: Instrument, _ ticks: Int64, _ seed: UInt64) -> String {
        switch instrument.secType {
        case .stock: stockVenues[Int(draw(seed, instrument.conId, ticks, salt: 5) % UInt64(stockVenues.count))]
        case .forex: "IDEALPRO"
        case .future: instrument.exchange
        }
    }

    private static func draw(_ seed: UInt64, _ conId: Int, _ ticks: Int64, salt: UInt64) -> UInt64 {
        var mixer = SeededGenerator(seed: seed ^ (UInt64(truncatingIfNeeded: conId) &* 0x9E37_79B9_7F4A_7C15)
            ^ (UInt64(bitPattern: ticks) &* 0xBF58_476D_1CE4_E5B9) ^ (salt &* 0x94D0_49BB_1331_11EB))
        return mixer.next()
    }
}
