import ArgumentParser
import Foundation
import TWSClient
import TWSWire
import Vocabulary

/// `ibterm history SYMBOL`: a contract's historical bars as a table, JSON or CSV.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Print a symbol's historical bars: time, open, high, low, close, volume.",
        discussion: """
            Asks the gateway for the bars (reqHistoricalData) over --duration ending now (or at \
            --end), oldest first. Intraday times are shown in the zone of --time-zone, else of \
            the config file's time_zone (default: the machine's), named in the TIME column's \
            header; --json and --csv write them in ISO 8601 UTC. Daily and longer bars are \
            dated by their trading day. --duration takes IB's units S, D, \
            W, M, Y (5D, 2W, 1Y, or IB's own `5 D`); --bar takes 1s/5s/10s/15s/30s, 1m ... 30m, \
            1h ... 8h, 1d, 1w, 1mo (or IB's own `1 hour`).

            Exit status: 0 with the bars; 2 when the gateway knows no such contract (IB 200); 1 \
            when it refuses the request (321: a duration or bar size it does not accept; 162: \
            the historical service refused, e.g. too many bars or pacing), does not answer in \
            time, or cannot be reached; 64 for a usage error.
            """
    )

    @Argument(help: "The symbol, e.g. AAPL.")
    var symbol: String

    @Option(help: ArgumentHelp("How far back: 5D, 2W, 1M, 1Y, 3600S (or IB's `5 D`).", valueName: "duration"))
    var duration = "1D"

    @Option(help: ArgumentHelp("The bar size: 1m, 5m, 15m, 1h, 1d, 1w, 1mo (or IB's `5 mins`).", valueName: "size"))
    var bar = "5m"

    @Option(help: ArgumentHelp("What the bars show: TRADES, MIDPOINT, BID, ASK, BID_ASK, ADJUSTED_LAST, ...", valueName: "kind"))
    var what = "TRADES"

    @Option(help: ArgumentHelp("The end of the bars, as IB writes it (`20261203 16:00:00 US/Eastern`, `20261203-21:00:00` in UTC); default now.", valueName: "time"))
    var end = ""

    @Flag(help: "Include bars outside the regular trading hours.")
    var allHours = false

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Flag(help: "Print CSV instead of a table.")
    var csv = false

    @OptionGroup var contract: ContractOptions

    @OptionGroup var gateway: GatewayOptions

    @OptionGroup var settings: ConfigOptions

    @OptionGroup var timeZone: TimeZoneOption

    func validate() throws {
        try OrderCommand.validateSymbol(symbol)
        guard !(json && csv) else { throw ValidationError("Choose one of --json and --csv.") }
        guard Self.ibDuration(duration) != nil else {
            throw ValidationError("--duration '\(duration)' is not a duration: a number and S, D, W, M or Y, e.g. 5D.")
        }
        guard Self.ibBarSize(bar) != nil else {
            throw ValidationError("--bar '\(bar)' is not a bar size: e.g. 30s, 1m, 5m, 1h, 1d, 1w, 1mo.")
        }
    }

    /// One bar as `--json` writes it.
    struct Row: Encodable {
        /// ISO 8601 UTC for an intraday bar, `YYYY-MM-DD` for a day's, else IB's text.
        var time: String
        var open: Double
        var high: Double
        var low: Double
        var close: Double
        var volume: String?
        var wap: Double?
        var count: Int?
    }

    func run() async throws {
        try await runReportingFailures {
            let contract = contract.contract(symbol)
            let zone = try timeZone.resolved(settings.load())
            let client = try await gateway.connect(command: "history")
            let bars: [PriceBar]
            do {
                bars = try await client.historicalBars(
                    contract, endDateTime: end, duration: Self.ibDuration(duration)!, barSize: Self.ibBarSize(bar)!,
                    whatToShow: what.uppercased(), useRTH: !allHours)
            } catch {
                await client.disconnect()
                throw CommandFailure(contract.symbol, error: error)
            }
            await client.disconnect()
            let rows = bars.map(Self.row)
            if json { return try printJSON(rows) }
            if csv {
                print("time,open,high,low,close,volume,wap,count")
                for row in rows {
                    print([row.time, "\(row.open)", "\(row.high)", "\(row.low)", "\(row.close)", row.volume ?? "",
                           row.wap.map { "\($0)" } ?? "", row.count.map { "\($0)" } ?? ""].joined(separator: ","))
                }
                return
            }
            guard !rows.isEmpty else { return print("No bars for \(contract.symbol) in that span.") }
            let times = TimeColumn(bars.map { ($0.start.instant, $0.start.description) }, zone: zone)
            let intraday = bars.contains { $0.start.instant != nil }
            let width = intraday ? times.width : 12
            print(pad(intraday ? times.header : "DATE", width) + pad("OPEN", 11, right: true) + pad("HIGH", 11, right: true)
                + pad("LOW", 11, right: true) + pad("CLOSE", 11, right: true) + pad("VOLUME", 12, right: true))
            for (time, row) in zip(times.texts, rows) {
                print(pad(time, width) + pad(formatPrice(row.open), 11, right: true)
                    + pad(formatPrice(row.high), 11, right: true) + pad(formatPrice(row.low), 11, right: true)
                    + pad(formatPrice(row.close), 11, right: true) + pad(row.volume ?? "-", 12, right: true))
            }
        }
    }

    static func row(_ bar: PriceBar) -> Row {
        let time: String
        switch bar.start {
        case .instant(let instant): time = TimeText.iso8601(instant)
        case .day(let day) where day.count == 8: time = "\(day.prefix(4))-\(day.dropFirst(4).prefix(2))-\(day.suffix(2))"
        case .day(let text), .text(let text): time = text
        }
        return Row(time: time, open: bar.open, high: bar.high, low: bar.low, close: bar.close,
                   volume: bar.volume?.description, wap: bar.wap, count: bar.tradeCount)
    }

    /// IB's duration for `5D`, `5 d`, `1Y`, `3600S` (or IB's own `5 D`); `nil` when it is none.
    static func ibDuration(_ text: String) -> String? {
        let (count, unit) = split(text)
        guard let count, ["S", "D", "W", "M", "Y"].contains(unit.uppercased()) else { return nil }
        return "\(count) \(unit.uppercased())"
    }

    /// IB's bar size for `5m`, `1h`, `1d`, `30s`, `1mo` (or IB's own `5 mins`); `nil` when it is none.
    static func ibBarSize(_ text: String) -> String? {
        let (count, unit) = split(text)
        guard let count else { return nil }
        let plural = count == 1 ? "" : "s"
        switch unit.lowercased() {
        case "s", "sec", "secs": return "\(count) secs"
        case "m", "min", "mins": return "\(count) min\(plural)"
        case "h", "hour", "hours": return "\(count) hour\(plural)"
        case "d", "day", "days": return count == 1 ? "1 day" : nil
        case "w", "week", "weeks": return count == 1 ? "1 week" : nil
        case "mo", "month", "months": return count == 1 ? "1 month" : nil
        default: return nil
        }
    }

    /// `5D` / `5 D` → (5, "D"); the count is `nil` unless a whole number above zero.
    private static func split(_ text: String) -> (Int?, String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        guard let count = Int(digits), count > 0, !unit.isEmpty else { return (nil, unit) }
        return (count, unit)
    }
}
