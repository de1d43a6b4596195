import ArgumentParser
import Foundation
import TestPrerequisites
import Testing

@testable import ibterm

/// `ibterm history`, `search`, `depth` and `quote --json`'s day range: the arguments in
/// process, the commands as built against `ibterm engine` (see ``CLIOrderGuardProcessTests``).
@Suite struct MarketDataCommandParsingTests {
    @Test func shortDurationsAndBarSizesBecomeIBsWords() {
        #expect(HistoryCommand.ibDuration("5D") == "5 D")
        #expect(HistoryCommand.ibDuration("2 w") == "2 W")
        #expect(HistoryCommand.ibDuration("3600S") == "3600 S")
        #expect(HistoryCommand.ibDuration("1 Y") == "1 Y")
        for bad in ["D", "0D", "5", "5X", "-1D", ""] { #expect(HistoryCommand.ibDuration(bad) == nil, "\(bad)") }
        #expect(HistoryCommand.ibBarSize("1h") == "1 hour")
        #expect(HistoryCommand.ibBarSize("4h") == "4 hours")
        #expect(HistoryCommand.ibBarSize("1m") == "1 min")
        #expect(HistoryCommand.ibBarSize("5m") == "5 mins")
        #expect(HistoryCommand.ibBarSize("30s") == "30 secs")
        #expect(HistoryCommand.ibBarSize("1d") == "1 day")
        #expect(HistoryCommand.ibBarSize("1mo") == "1 month")
        #expect(HistoryCommand.ibBarSize("5 mins") == "5 mins")
        for bad in ["2d", "h", "5x", "1 fortnight"] { #expect(HistoryCommand.ibBarSize(bad) == nil, "\(bad)") }
    }

    @Test func usageErrorsAreRefusedBeforeAnythingIsAsked() {
        #expect(throws: (any Error).self) { try IBTerm.parseAsRoot(["history", "AAPL", "--duration", "5X"]) }
        #expect(throws: (any Error).self) { try IBTerm.parseAsRoot(["history", "AAPL", "--bar", "7q"]) }
        #expect(throws: (any Error).self) { try IBTerm.parseAsRoot(["history", "AAPL", "--json", "--csv"]) }
        #expect(throws: (any Error).self) { try IBTerm.parseAsRoot(["depth", "AAPL", "--rows", "0"]) }
        #expect(throws: (any Error).self) { try IBTerm.parseAsRoot(["depth", "$$$"]) }
        #expect(throws: (any Error).self) { try IBTerm.parseAsRoot(["search", " "]) }
        let history = try? #require(try IBTerm.parseAsRoot(["history", "aapl", "--duration", "5D", "--bar", "1h"]) as? HistoryCommand)
        #expect(history?.contract.contract(history?.symbol ?? "").symbol == "AAPL")
    }
}

@Suite(.serialized, .requires(.ibterm)) struct MarketDataCommandProcessTests {
    typealias Engine = CLIOrderGuardProcessTests.Engine

    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func historyPrintsOrderedBarsAsATableJSONAndCSVAndSaysWhatTheGatewayRefused() async throws {
        let engine = try await Engine()
        defer { engine.stop() }

        let table = try await engine("history", "AAPL", "--duration", "2D", "--bar", "1h", "--time-zone", "utc")
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.first?.split(separator: " ", omittingEmptySubsequences: true) == ["TIME", "(UTC)", "OPEN", "HIGH", "LOW", "CLOSE", "VOLUME"])
        // The same bars in New York time: the regular session opens at 09:30 EST (14:30 UTC).
        let exchange = try await engine("history", "AAPL", "--duration", "2D", "--bar", "1h", "--time-zone", "exchange")
        let exchangeLines = exchange.stdout.split(separator: "\n")
        #expect(exchangeLines.first?.hasPrefix("TIME (EST)") == true, "\(exchange.stdout)")
        #expect(exchangeLines.dropFirst().first?.dropFirst(9).hasPrefix("09:30:00") == true, "\(exchange.stdout)")
        #expect(lines.dropFirst().first?.dropFirst(9).hasPrefix("14:30:00") == true, "\(table.stdout)")
        #expect(lines.count >= 8, "two sessions of hourly bars: \(table.stdout)")
        let times = lines.dropFirst().map { $0.prefix(17) }
        #expect(times == times.sorted() && Set(times).count == times.count, "oldest first: \(times)")

        let json = try await engine("history", "AAPL", "--duration", "5D", "--bar", "1d", "--json")
        #expect(json.status == 0, "\(json.stderr)")
        let bars = try #require(try Self.json(json.stdout) as? [[String: Any]])
        #expect(bars.count >= 3 && bars.count <= 5, "\(bars.count) daily bars in 5 days")
        let days = bars.compactMap { $0["time"] as? String }
        #expect(days.count == bars.count && days == days.sorted() && days.allSatisfy { $0.count == 10 }, "\(days)")
        for bar in bars {
            let low = try #require(bar["low"] as? Double), high = try #require(bar["high"] as? Double)
            let open = try #require(bar["open"] as? Double), close = try #require(bar["close"] as? Double)
            #expect(low <= min(open, close) && high >= max(open, close))
            #expect(Int(bar["volume"] as? String ?? "") ?? 0 > 0)
        }

        let csv = try await engine("history", "AAPL", "--bar", "30m", "--csv")
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.first == "time,open,high,low,close,volume,wap,count")
        #expect(rows.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 8 && $0.hasSuffix("Z") == false })
        #expect(rows.dropFirst().first?.hasPrefix("20") == true && rows.dropFirst().first?.contains("T") == true, "ISO 8601 times")

        let unknown = try await engine("history", "ZZZZQ")
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "ibterm: ZZZZQ: no such contract at the gateway (IB 200: No security definition has been found for the request)\n", "\(unknown.stderr)")
        #expect(unknown.stdout.isEmpty)

        let tooLong = try await engine("history", "AAPL", "--duration", "40Y", "--bar", "1m")
        #expect(tooLong.status == 1)
        #expect(tooLong.stderr.hasPrefix("ibterm: AAPL: the gateway refused the request: "), "\(tooLong.stderr)")
        #expect(tooLong.stderr.contains(" (IB 162: "), "the catalog's words, then IB's code and text: \(tooLong.stderr)")
    }

    @Test func searchListsAppleForAAWithItsDescriptionAndQuoteJSONHasTheDayRange() async throws {
        let engine = try await Engine()
        defer { engine.stop() }

        let table = try await engine("search", "AA")
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.first?.split(separator: " ") == ["SYMBOL", "TYPE", "EXCHANGE", "CUR", "DESCRIPTION"])
        #expect(lines.contains { $0.split(separator: " ") == ["AAPL", "STK", "NASDAQ", "USD", "APPLE", "INC"] }, "\(table.stdout)")

        let json = try await engine("search", "apple", "--json")
        #expect(json.status == 0, "\(json.stderr)")
        let matches = try #require(try Self.json(json.stdout) as? [[String: Any]])
        let apple = try #require(matches.first { $0["symbol"] as? String == "AAPL" }, "\(json.stdout)")
        #expect(apple["description"] as? String == "APPLE INC" && apple["conId"] as? Int == 265598 && apple["secType"] as? String == "STK")

        let none = try await engine("search", "QQQQZZZ", "--json")
        let noMatches = try Self.json(none.stdout) as? [Any]
        #expect(none.status == 0 && noMatches?.isEmpty == true, "\(none)")

        let quote = try await engine("quote", "AAPL", "--json")
        #expect(quote.status == 0, "\(quote.stderr)")
        let row = try #require((try Self.json(quote.stdout) as? [[String: Any]])?.first)
        let close = try #require(row["previousClose"] as? Double, "\(quote.stdout)")
        #expect(close > 100 && close < 500)
        // The day's open, high and low come once the simulated day has traded.
        if let high = row["high"] as? Double, let low = row["low"] as? Double { #expect(low <= high) }
    }

    @Test func depthPrintsTheFirstWholeBookBidsBesideAsksAndRefusesAnUnknownSymbol() async throws {
        let engine = try await Engine()
        defer { engine.stop() }

        let table = try await engine("depth", "AAPL", "--once")
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.count == 7, "symbol, header and 5 levels: \(table.stdout)")
        #expect(lines.first == "AAPL")
        let levels = lines.dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(levels.allSatisfy { $0.count == 5 && $0[2] == "|" }, "BID SIZE BID | ASK ASK SIZE: \(levels)")
        let bids = levels.compactMap { Double($0[1]) }, asks = levels.compactMap { Double($0[3]) }
        #expect(bids == bids.sorted(by: >) && asks == asks.sorted() && bids.count == 5 && asks.count == 5)
        let bestBid = try #require(bids.first), bestAsk = try #require(asks.first)
        #expect(bestBid < bestAsk)

        let json = try await engine("depth", "AAPL", "--once", "--json", "--rows", "3")
        #expect(json.status == 0, "\(json.stderr)")
        let book = try #require(try Self.json(json.stdout) as? [String: Any])
        #expect(book["symbol"] as? String == "AAPL")
        #expect((book["bids"] as? [[String: Any]])?.count == 3 && (book["asks"] as? [[String: Any]])?.count == 3)

        // Without --once the book is printed at every change until a signal ends the command.
        let streaming = try engine.run.start(["depth", "MSFT", "--rows", "2", "--json"])
        let deadline = ContinuousClock.now + .seconds(20)
        while streaming.stdout.split(separator: "\n").count < 3, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        streaming.kill(SIGTERM)
        try await streaming.waitForExit(within: .seconds(10))
        #expect(streaming.status == 0, "\(streaming.stderr)")
        let books = try streaming.stdout.split(separator: "\n").map { try #require(try Self.json(String($0)) as? [String: Any]) }
        #expect(books.count >= 3, "one book per change: \(streaming.stdout)")
        #expect(books.allSatisfy { ($0["bids"] as? [Any])?.count ?? 0 <= 2 && ($0["asks"] as? [Any])?.count ?? 0 <= 2 && $0["symbol"] as? String == "MSFT" })

        let unknown = try await engine("depth", "ZZZZQ", "--once")
        #expect(unknown.status == 2, "\(unknown.stderr)")
        #expect(unknown.stderr.contains("ZZZZQ: no such contract at the gateway (IB 200"))
    }
}
