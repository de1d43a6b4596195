import DashboardRuntime
import Histogram

/// Pairs every tick the gateway wrote with the update the client delivered for it and the
/// first frame that showed it, and measures the time between.
///
/// The n-th tick written for a ticker id is the n-th update on that symbol's stream (the
/// client makes one update per quote tick, in wire order); ticker ids map to symbols in
/// subscription order. Each pair is checked: the client's quote after the update must show
/// the tick's value, else the pair counts as mismatched and is left out.
struct TickLatencies {
    /// Write to presented frame, nanoseconds, for ticks written inside the window.
    var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
    /// Write to the update leaving the symbol's quote stream (socket, client decode, the
    /// client actor, the stream), nanoseconds.
    var received = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
    /// Ticks written inside the window.
    var written = 0
    /// Of those, ticks the client never delivered or no frame ever showed.
    var lost = 0
    /// Pairs whose values did not agree (a misaligned pairing; should be 0).
    var mismatched = 0
    /// Updates the client delivered beyond what the gateway wrote (should be 0).
    var phantom = 0
    /// Symbols whose ticker id could not be paired (fewer ticker ids than symbols).
    var unpairedSymbols = 0

    init(
        written log: [(reqId: Int, ticks: [GatewayTickLog.Written])], received: [[ReceivedQuote]],
        frames: [FrameReport], window: Range<ContinuousClock.Instant>
    ) {
        var shownAt = received.map { [ContinuousClock.Instant?](repeating: nil, count: $0.count) }
        for frame in frames {
            for mark in frame.marks where shownAt[Int(mark.stream)][Int(mark.sequence)] == nil {
                shownAt[Int(mark.stream)][Int(mark.sequence)] = frame.presentedAt
            }
        }
        unpairedSymbols = max(0, received.count - log.count)
        for (symbol, entry) in log.prefix(received.count).enumerated() {
            let updates = received[symbol]
            phantom += max(0, updates.count - entry.ticks.count)
            for (index, sent) in entry.ticks.enumerated() where window.contains(sent.at) {
                written += 1
                guard index < updates.count else { lost += 1; continue }
                guard sent.tick.isShown(in: updates[index]) else { mismatched += 1; continue }
                guard let shown = shownAt[symbol][index] else { lost += 1; continue }
                _ = histogram.record(Self.nanoseconds(shown - sent.at))
                _ = self.received.record(Self.nanoseconds(updates[index].receivedAt - sent.at))
            }
        }
    }

    static func nanoseconds(_ duration: Duration) -> UInt64 {
        UInt64(max(0, duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000))
    }

    /// A percentile in microseconds.
    func microseconds(atPercentile percentile: Double) -> UInt64 {
        histogram.valueAtPercentile(percentile) / 1000
    }
}
