import Vocabulary

/// What a delayed market-data line shows: each recorded instrument's top of book as it was
/// ``delay`` ago, as IB serves delayed data (typically 15 minutes behind) to an account not
/// entitled to live data.
///
/// The tape keeps at most one sample per second per instrument and only as far back as the
/// delay reaches (plus the newest sample older than that), so its memory is bounded by
/// `delay` in seconds per recorded instrument. Before a delay's worth of market has been
/// recorded (the engine just started), the line shows the oldest sample recorded: less
/// delayed, and the quote's own time says by how much.
public struct DelayedTape: Sendable {
    /// How far behind the delayed line runs.
    public let delay: Duration
    private var samples: [Int: [TopOfBook]] = [:]

    /// Creates an empty tape running `delay` behind the market.
    public init(delay: Duration) {
        self.delay = max(.zero, delay)
    }

    /// Records `quote` (its own `time` is when it changed) observed at `now`. A sample within
    /// the same second as the previous one replaces it; samples the delay no longer reaches
    /// are dropped.
    public mutating func record(_ quote: TopOfBook, at now: Timestamp) {
        var tape = samples[quote.conId, default: []]
        if let previous = tape.last, previous.time.secondsSinceEpoch == quote.time.secondsSinceEpoch {
            tape[tape.count - 1] = quote
        } else {
            tape.append(quote)
        }
        let horizon = now - delay
        // Keep the newest sample at or before the horizon: it is what the line shows now.
        var drop = 0
        while drop + 1 < tape.count, tape[drop + 1].time <= horizon { drop += 1 }
        if drop > 0 { tape.removeFirst(drop) }
        samples[quote.conId] = tape
    }

    /// The quote of `conId` the delayed line shows at `now`: the newest sample at or before
    /// `now - delay`, else the oldest one recorded; `nil` when nothing was recorded.
    public func quote(conId: Int, at now: Timestamp) -> TopOfBook? {
        guard let tape = samples[conId], let oldest = tape.first else { return nil }
        let horizon = now - delay
        var shown = oldest
        for sample in tape {
            guard sample.time <= horizon else { break }
            shown = sample
        }
        return shown
    }

    /// How many samples are held for `conId` (for tests of the bound).
    public func sampleCount(conId: Int) -> Int {
        samples[conId]?.count ?? 0
    }
}

extension TopOfBook {
    /// The fields that differ between `self` and `other` (a delayed line's next sample against
    /// the one it showed).
    public func changedFields(since other: TopOfBook) -> QuoteFields {
        var changed: QuoteFields = []
        if bid != other.bid { changed.insert(.bid) }
        if ask != other.ask { changed.insert(.ask) }
        if bidSize != other.bidSize { changed.insert(.bidSize) }
        if askSize != other.askSize { changed.insert(.askSize) }
        if last != other.last { changed.insert(.last) }
        if lastSize != other.lastSize || (last != other.last) { changed.insert(.lastSize) }
        if volume != other.volume { changed.insert(.volume) }
        if high != other.high { changed.insert(.high) }
        if low != other.low { changed.insert(.low) }
        if close != other.close { changed.insert(.close) }
        if open != other.open { changed.insert(.open) }
        return changed
    }
}
