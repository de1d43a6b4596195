import Vocabulary

/// IB's pacing rules for historical-data requests, kept per client:
///
/// - for small bars (30 seconds or less): no identical request within 15 seconds; no six or
///   more requests for the same contract, exchange and `whatToShow` within 2 seconds; no more
///   than 60 requests in any 10 minutes (a BID_ASK request counts twice);
/// - for every request: the engine's own budget of ``barsPerMinute`` bars drawn per client a
///   minute, so that no client's requests can keep the engine from serving the others.
///
/// A refused request is not counted. Memory is bounded whatever a client sends: small-bar
/// requests are kept for 10 minutes and at most 60 of them are admitted in that time; the bar
/// budget is kept as one total per second of the last minute (so it is exact to the second).
public struct HistoricalPacing: Sendable {
    private struct Entry: Sendable {
        var at: Int64
        var request: String
        var series: String
        var weight: Int
    }

    /// The most bars the engine draws for one client in a minute.
    public static let barsPerMinute = 200_000

    /// Admitted small-bar requests of the last 10 minutes (at most 60 by IB's rule).
    private var small: [Entry] = []
    /// Bars admitted per second (seconds since the epoch) in the last minute: at most 60.
    private var barsBySecond: [(second: Int64, bars: Int)] = []

    /// Creates an empty history.
    public init() {}

    /// How many records the pacing holds (small-bar requests and seconds with bars): at most
    /// 60 of each, however many requests were made.
    public var heldRecords: Int { small.count + barsBySecond.count }

    /// Checks one request at `nowMilliseconds` (wall clock, the engine's time): `request`
    /// names it whole (identical requests have equal names), `series` its contract, exchange and
    /// `whatToShow`; `bars` is how many bars the answer holds. Counts and returns `nil` when it
    /// may be served, else IB's pacing error.
    public mutating func admit(
        request: String, series: String, show: HistoricalShow, barSize: HistoricalBarSize, bars: Int, nowMilliseconds: Int64
    ) -> HistoricalRequestError? {
        small.removeAll { nowMilliseconds - $0.at >= 600_000 }
        let second = Timestamp.floorDivide(nowMilliseconds, 1000)
        barsBySecond.removeAll { second - $0.second >= 60 }
        let weight = show == .bidAsk ? 2 : 1
        if barSize.isSmall {
            if small.contains(where: { $0.request == request && nowMilliseconds - $0.at < 15_000 }) {
                return .service("Historical data request pacing violation (an identical request within 15 seconds)")
            }
            let sameSeries = small.filter { $0.series == series && nowMilliseconds - $0.at < 2000 }.reduce(0) { $0 + $1.weight }
            if sameSeries + weight >= 6 {
                return .service("Historical data request pacing violation (6 or more requests for the same contract, exchange and data type within 2 seconds)")
            }
            let lastTenMinutes = small.reduce(0) { $0 + $1.weight }
            if lastTenMinutes + weight > 60 {
                return .service("Historical data request pacing violation (more than 60 requests of bars of 30 seconds or less in 10 minutes)")
            }
        }
        let lastMinute = barsBySecond.reduce(0) { $0 + $1.bars }
        if lastMinute + bars > Self.barsPerMinute, lastMinute > 0 {
            return .service("Historical data request pacing violation (more than \(Self.barsPerMinute) bars a minute from one client; wait a minute)")
        }
        if barSize.isSmall {
            small.append(Entry(at: nowMilliseconds, request: request, series: series, weight: weight))
        }
        if let last = barsBySecond.indices.last, barsBySecond[last].second == second {
            barsBySecond[last].bars += bars
        } else {
            barsBySecond.append((second, bars))
        }
        return nil
    }
}

