import Histogram

/// Gateway write to the screen, per price cell that changed on a child dashboard's terminal.
///
/// A cell that now shows price `x` shows the newest price the gateway wrote for that symbol
/// and column, before the read, that reads as `x` (within the rounding of the cell's last
/// digit): its latency is the read's instant minus that write's. A write must be newer than
/// the one the cell showed before (a screen never goes back); prices overwritten before a frame
/// showed them are not counted (the screen never showed them), which is also how the
/// dashboard's frames coalesce. A cell's first text (the screen filling) is not counted; nor
/// are changes outside the window.
struct ScreenLatencies {
    /// Write to the terminal read that showed it, nanoseconds.
    var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
    /// Cell changes inside the window that were paired with a write.
    var paired = 0
    /// Cell changes inside the window no newer write explains (a half-drawn cell, a misread;
    /// should be few).
    var unpaired = 0
    /// Prices written inside the window for the symbols the screen showed (more than
    /// `paired`: a price overwritten before a frame showed it, or equal to the one shown, is
    /// never a change on screen).
    var written = 0

    /// How much later than the screen's own reader the benchmark's reader of Redis may see an
    /// entry (both wait on the same `XREAD`; the screen then still draws and presents).
    static let readerSlack: Duration = .milliseconds(20)

    /// `prices[symbol]` are the writes to the connection the screen is fed from. For a screen
    /// fed through Redis, `available[symbol][i]` is when write `i` could be read from Redis
    /// (``BusTap``; nil: never): a write the screen could not have read yet is not a candidate.
    init(
        changes: [WatchlistReader.Change], prices: [String: [PriceTickLog.Written]], window: Range<ContinuousClock.Instant>,
        available: [String: [ContinuousClock.Instant?]]? = nil
    ) {
        var last: [String: [PriceTickLog.Field: Int]] = [:]
        var seen: [String: Set<PriceTickLog.Field>] = [:]
        var shownSymbols: Set<String> = []
        for change in changes {
            guard let writes = prices[change.symbol] else { continue }
            let first = seen[change.symbol, default: []].insert(change.field).inserted
            shownSymbols.insert(change.symbol)
            guard let parsed = WatchlistReader.price(change.text) else { continue }
            let (value, tolerance) = parsed
            // The newest write of this field at or before the read.
            var index = Self.lastIndex(in: writes, atOrBefore: change.at)
            let floor = last[change.symbol]?[change.field] ?? -1
            var found: Int?
            let oldest = change.at - .seconds(10)
            while let candidate = index, candidate > floor, writes[candidate].at > oldest {
                let write = writes[candidate]
                var readable = true
                if let times = available?[change.symbol] {
                    readable = times[candidate].map { $0 <= change.at + Self.readerSlack } ?? false
                }
                if readable, write.field == change.field, abs(write.price - value) <= tolerance { found = candidate; break }
                index = candidate > 0 ? candidate - 1 : nil
            }
            if let found { last[change.symbol, default: [:]][change.field] = found }
            guard !first, window.contains(change.at) else { continue }
            if let found {
                paired += 1
                _ = histogram.record(TickLatencies.nanoseconds(change.at - writes[found].at))
            } else {
                unpaired += 1
            }
        }
        for symbol in shownSymbols {
            for write in prices[symbol] ?? [] where window.contains(write.at) { written += 1 }
        }
    }

    /// The index of the last write at or before `instant` (writes are in time order).
    static func lastIndex(in writes: [PriceTickLog.Written], atOrBefore instant: ContinuousClock.Instant) -> Int? {
        var low = 0, high = writes.count
        while low < high {
            let middle = (low + high) / 2
            if writes[middle].at <= instant { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? low - 1 : nil
    }

    /// A percentile in microseconds.
    func microseconds(atPercentile percentile: Double) -> UInt64 {
        histogram.valueAtPercentile(percentile) / 1000
    }
}
