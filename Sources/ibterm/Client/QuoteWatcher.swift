#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DashboardFeed
import Foundation
import TWSClient
import TWSWire
import Vocabulary

/// `ibterm quote --watch`: streams every symbol's quote, one line per change of bid, ask, last,
/// volume or data type, until SIGINT or SIGTERM.
///
/// Lines are written (and flushed) as they happen, so a script can read them from a pipe:
/// a table row (`time symbol bid ask last volume type`) or, with `--json`, one JSON object per
/// line. Notices (354, 10167, ...) and gaps in the feed go to stderr, or into the JSON stream
/// as rows with an `error`.
struct QuoteWatcher {
    /// The contracts to stream, in the order given.
    let contracts: [Contract]
    /// One JSON object per line instead of table rows.
    let json: Bool
    /// The zone of each line's time, named in the header (`TIME (CET)`).
    let timeZone: DisplayTimeZone

    /// The fields a line shows; a new line is written only when one of them changed.
    private struct Shown: Equatable {
        var bid: Double?
        var ask: Double?
        var last: Double?
        var volume: FixedDecimal?
        var marketDataType: MarketDataType?
    }

    /// Streams until a termination signal; then ends the subscriptions.
    func run(_ client: IBClient) async {
        if !json {
            emit(pad(timeHeader, timeWidth) + " " + pad("SYMBOL", 8) + pad("BID", 11, right: true) + pad("ASK", 11, right: true)
                + pad("LAST", 11, right: true) + pad("VOLUME", 12, right: true) + "  TYPE")
        }
        await withTaskGroup(of: Void.self) { group in
            for contract in contracts {
                let stream = await client.subscribeQuotes(contract)
                group.addTask { await follow(stream, symbol: contract.symbol) }
            }
            group.addTask { _ = await SignalWaiter.waitForTermination() }
            // The first child to finish is the signal waiter (streams end only with the client).
            await group.next()
            group.cancelAll()
        }
    }

    private func follow(_ stream: AsyncStream<QuoteEvent>, symbol: String) async {
        var shown: Shown?
        for await event in stream {
            switch event {
            case let .update(quote):
                let now = Shown(bid: quote.bid, ask: quote.ask, last: quote.last, volume: quote.volume, marketDataType: quote.marketDataType)
                guard now != shown, now.bid != nil || now.ask != nil || now.last != nil else { continue }
                shown = now
                line(symbol, quote)
            case let .notice(notice):
                problem(symbol, notice.plainWords)
            case let .gap(gap):
                problem(symbol, "quote not live: \(Self.describe(gap))")
            case .resumed:
                problem(symbol, "quote requested again")
            }
        }
    }

    private func line(_ symbol: String, _ quote: Quote) {
        let time = clockText()
        if json {
            let row = QuoteCommand.row(symbol, quote)
            emit(Self.jsonLine(time: time, row: row))
        } else {
            let type = QuoteCommand.typeName(quote.marketDataType) ?? "-"
            emit(pad(time, timeWidth) + " " + pad(symbol, 8) + pad(formatPrice(quote.bid), 11, right: true)
                + pad(formatPrice(quote.ask), 11, right: true) + pad(formatPrice(quote.last), 11, right: true)
                + pad(quote.volume?.description ?? "-", 12, right: true) + "  " + type)
        }
    }

    private func problem(_ symbol: String, _ text: String) {
        if json {
            emit(Self.jsonLine(time: clockText(), row: QuoteCommand.Row(symbol: symbol, error: text)))
        } else {
            FileHandle.standardError.write(Data("ibterm: \(symbol): \(text)\n".utf8))
        }
    }

    /// Writes one line to stdout and flushes it, so pipes see it at once.
    private func emit(_ text: String) {
        print(text)
        fflush(nil)
    }

    private static func jsonLine(time: String, row: QuoteCommand.Row) -> String {
        struct Line: Encodable {
            var time: String
            var row: QuoteCommand.Row
            func encode(to encoder: any Encoder) throws {
                try row.encode(to: encoder)
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(time, forKey: .time)
            }
            enum Key: String, CodingKey { case time }
        }
        return CommandOutput.compactJSON(Line(time: time, row: row))
    }

    /// The time column's header, naming the zone: `TIME (CET)`.
    private var timeHeader: String { "TIME (\(timeZone.abbreviation(at: Self.now())))" }

    /// The time column's width: `HH:MM:SS.mmm`, or the header when it is wider.
    private var timeWidth: Int { max(12, timeHeader.count) }

    /// The wall time now, in ``timeZone``, as `HH:MM:SS.mmm`.
    private func clockText() -> String {
        TimeText.timeOfDayWithMilliseconds(Self.now(), in: timeZone)
    }

    /// The wall clock's reading.
    private static func now() -> Timestamp {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Timestamp(millisecondsSinceEpoch: Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec / 1_000_000))
    }

    /// A gap in a stream, in words.
    static func describe(_ gap: StreamGap) -> String {
        switch gap {
        case let .connectionLost(reason): "connection lost (\(reason.plainDescription))"
        case let .serverLinkDown(code): "the gateway lost IB's servers (IB code \(code))"
        case .marketDataLost: "market data lost; requested again"
        case .silentFeed: "the feed went silent; requested again"
        }
    }
}
