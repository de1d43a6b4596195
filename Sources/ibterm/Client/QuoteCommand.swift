import ArgumentParser
import PaperGateway
import Synchronization
import TWSClient
import TWSSession
import TWSWire
import Vocabulary

/// `ibterm quote SYMBOL...`: one snapshot of bid, ask, last, volume and market data type, or
/// with `--watch` every change as it streams.
struct QuoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote",
        abstract: "Print one snapshot of bid, ask, last, volume and market data type per symbol.",
        discussion: """
            --json adds the day's open, high and low and the previous close (IB's ticks 14, 6, 7 \
            and 9; absent until the gateway sends them). \
            Exits non-zero when a symbol yields an error (for example 354: no market data subscription). \
            With --watch, streams instead: one line per change of bid, ask, last, volume or data type \
            (with --json one JSON object per line), notices and gaps on stderr, until SIGINT or SIGTERM; \
            each line's time is in the zone of --time-zone, else of the config file's time_zone \
            (default: the machine's), named in the TIME column's header.
            """
    )

    @Argument(help: "The symbols, e.g. AAPL MSFT.")
    var symbols: [String]

    @OptionGroup var gateway: GatewayOptions

    @OptionGroup var settings: ConfigOptions

    @OptionGroup var timeZone: TimeZoneOption

    @OptionGroup var contract: ContractOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Flag(help: "Stream every change until interrupted instead of printing one snapshot.")
    var watch = false

    /// One row of output.
    struct Row: Encodable {
        var symbol: String
        var bid: Double?
        var ask: Double?
        var last: Double?
        var volume: String?
        /// The day's opening price (IB tick 14).
        var open: Double?
        /// The day's high (IB tick 6).
        var high: Double?
        /// The day's low (IB tick 7).
        var low: Double?
        /// The previous session's close (IB tick 9).
        var previousClose: Double?
        var marketDataType: String?
        var error: String?
    }

    func validate() throws {
        guard !symbols.isEmpty else { throw ValidationError("Give at least one SYMBOL.") }
        for symbol in symbols { try OrderCommand.validateSymbol(symbol) }
    }

    func run() async throws {
        try await runReportingFailures {
            let zone = try watch ? timeZone.resolved(settings.load()) : .utc
            let client = try await gateway.connect(command: watch ? "quote --watch" : "quote", kind: watch ? .stream : .command)
            if watch {
                let contracts = symbols.map(contract.contract)
                await QuoteWatcher(contracts: contracts, json: json, timeZone: zone).run(client)
                await client.disconnect()
                return
            }
            let rows = try await snapshot(client)
            await client.disconnect()
            if json {
                try printJSON(rows)
            } else {
                print(pad("SYMBOL", 8) + pad("BID", 11, right: true) + pad("ASK", 11, right: true)
                    + pad("LAST", 11, right: true) + pad("VOLUME", 12, right: true) + "  TYPE")
                for row in rows where row.error == nil {
                    print(pad(row.symbol, 8) + pad(formatPrice(row.bid), 11, right: true) + pad(formatPrice(row.ask), 11, right: true)
                        + pad(formatPrice(row.last), 11, right: true) + pad(row.volume ?? "-", 12, right: true)
                        + "  " + (row.marketDataType ?? "-"))
                }
            }
            let failed = rows.filter { $0.error != nil }
            if !failed.isEmpty {
                throw CommandFailure(failed.map { "\($0.symbol): \($0.error!)" }.joined(separator: "; "))
            }
        }
    }

    /// Subscribes to every symbol and waits until each has bid, ask, last and volume, has
    /// failed, or the time limit has passed.
    private func snapshot(_ client: IBClient) async throws -> [Row] {
        try await withThrowingTaskGroup(of: Row.self) { group in
            for symbol in symbols {
                let contract = contract.contract(symbol)
                let stream = await client.subscribeQuotes(contract)
                let limit = gateway.timeLimit
                group.addTask { try await Self.firstSnapshot(of: stream, symbol: contract.symbol, within: limit) }
            }
            var rows: [String: Row] = [:]
            for try await row in group { rows[row.symbol] = row }
            return symbols.compactMap { rows[$0.uppercased()] }
        }
    }

    private static func firstSnapshot(of stream: AsyncStream<QuoteEvent>, symbol: String, within limit: Duration) async throws -> Row {
        let latest = LatestQuote()
        let result = await firstAnswer(within: limit) { () -> Row? in
            for await event in stream {
                switch event {
                case .update(let quote):
                    latest.value.withLock { $0 = quote }
                    // The previous close comes with the first answer; the day's open, high
                    // and low only once the day traded.
                    if quote.bid != nil, quote.ask != nil, quote.last != nil, quote.volume != nil, quote.close != nil {
                        return row(symbol, quote)
                    }
                case .notice(let notice) where !notice.isInformational && notice.unreadable == nil:
                    // An unreadable tick is skipped by the client; the next readable one answers.
                    return Row(symbol: symbol, error: notice.plainWords)
                default:
                    continue
                }
            }
            return nil
        }
        if let result { return result }
        // Time is up: show what arrived (a closed market may never send every field).
        if let partial = latest.value.withLock({ $0 }), partial.bid != nil || partial.ask != nil || partial.last != nil {
            return row(symbol, partial)
        }
        return Row(symbol: symbol, error: "no quote arrived within the time limit")
    }

    static func row(_ symbol: String, _ quote: Quote) -> Row {
        Row(
            symbol: symbol, bid: quote.bid, ask: quote.ask, last: quote.last,
            volume: quote.volume?.description, open: quote.open, high: quote.high, low: quote.low,
            previousClose: quote.close, marketDataType: typeName(quote.marketDataType), error: nil
        )
    }

    /// The market data type as printed: `live`, `frozen`, `delayed`, `delayed-frozen`.
    static func typeName(_ type: MarketDataType?) -> String? {
        switch type {
        case .live: "live"
        case .frozen: "frozen"
        case .delayed: "delayed"
        case .delayedFrozen: "delayed-frozen"
        case nil: nil
        }
    }
}

/// The latest quote seen by a reader task, shown when the time limit passes first.
private final class LatestQuote: Sendable {
    let value = Mutex<Quote?>(nil)
}
