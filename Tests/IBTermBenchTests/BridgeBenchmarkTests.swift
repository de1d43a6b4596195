import Testing
@testable import ibterm_bench

/// The pure parts of `ibterm-bench bridge`: its options, the terminal emulator that reads a
/// child dashboard's screen back, the watchlist cells, pairing a cell with the gateway's write,
/// and matching ticker ids by their prices. No timing is asserted.
struct BridgeBenchmarkTests {
    @Test func parsesItsOptions() throws {
        let command = try BridgeBenchmark.parse(["--screens", "3", "--symbols", "100", "--seconds", "10"])
        #expect(command.screens == 3)
        #expect(command.symbols == 100)
        #expect(command.seconds == 10)
        #expect(command.warmup == 5)
        #expect(throws: (any Error).self) { try BridgeBenchmark.parse(["--screens", "0"]) }
    }

    @Test func emulatorFollowsCursorMovesErasesAndScrolling() {
        var screen = ScreenEmulator(columns: 10, rows: 4)
        screen.feed(Array("\u{1B}[2;3Habc\u{1B}[1;1Hx\u{1B}[5b".utf8))
        #expect(screen.line(0) == "xxxxxx    ")
        #expect(screen.line(1) == "  abc     ")
        // Erase to the end of the line from column 4, then insert two blanks at column 2.
        screen.feed(Array("\u{1B}[2;4H\u{1B}[K\u{1B}[2;2H\u{1B}[2@".utf8))
        #expect(screen.line(1) == "    a     ")
        // A scroll region of rows 2-3: a line feed at its bottom scrolls only it.
        screen.feed(Array("\u{1B}[2;3r\u{1B}[3;1Hlow\n".utf8))
        #expect(screen.line(0) == "xxxxxx    ")
        #expect(screen.line(1) == "low       ")
        #expect(screen.line(2) == "          ")
        // UTF-8 box drawing takes one cell; SGR is skipped.
        screen.feed(Array("\u{1B}[r\u{1B}[4;1H\u{1B}[1;31m│9\u{1B}[0m".utf8))
        #expect(screen.line(3) == "│9        ")
    }

    @Test func readerNotesPriceCellsThatChange() {
        var reader = WatchlistReader(columns: 40, rows: 4, symbols: ["AAPL", "MSFT"])
        let clock = ContinuousClock()
        let first = clock.now
        reader.feed(Array("\u{1B}[1;1H  Symbol       Bid      Ask     Last\u{1B}[2;1H● AAPL      231.39   231.41   231.40\u{1B}[3;1H● MSFT      410.00   410.02        —".utf8), at: first)
        #expect(reader.visible == ["AAPL", "MSFT"])
        #expect(reader.changes.filter { $0.symbol == "AAPL" }.map(\.text).sorted() == ["231.39", "231.40", "231.41"])
        let second = first + .milliseconds(5)
        reader.feed(Array("\u{1B}[2;18H2".utf8), at: second)
        let last = reader.changes.last
        #expect(last?.symbol == "AAPL" && last?.field == .bid && last?.text == "231.32" && last?.at == second)
    }

    @Test func aChangeIsPairedWithTheNewestMatchingWrite() {
        let t0 = ContinuousClock.now
        let writes = [
            PriceTickLog.Written(at: t0, field: .bid, price: 10.00),
            PriceTickLog.Written(at: t0 + .milliseconds(10), field: .bid, price: 10.01),
            PriceTickLog.Written(at: t0 + .milliseconds(20), field: .ask, price: 10.03),
            PriceTickLog.Written(at: t0 + .milliseconds(30), field: .bid, price: 10.02),
        ]
        let changes = [
            WatchlistReader.Change(symbol: "A", field: .bid, text: "10.00", at: t0 + .milliseconds(1)),
            WatchlistReader.Change(symbol: "A", field: .bid, text: "10.02", at: t0 + .milliseconds(34)),
            // Nothing newer reads 10.50.
            WatchlistReader.Change(symbol: "A", field: .bid, text: "10.50", at: t0 + .milliseconds(40)),
        ]
        let latencies = ScreenLatencies(changes: changes, prices: ["A": writes], window: t0..<(t0 + .seconds(1)))
        #expect(latencies.paired == 1)
        #expect(latencies.unpaired == 1)
        #expect(latencies.histogram.max >= 3_990_000 && latencies.histogram.max <= 4_010_000)
        #expect(latencies.written == 4)
        #expect(WatchlistReader.price("1,234.5")?.value == 1234.5)
    }

    @Test func aWriteNotYetInRedisIsNoCandidate() {
        let t0 = ContinuousClock.now
        let writes = [
            PriceTickLog.Written(at: t0, field: .bid, price: 10.00),
            PriceTickLog.Written(at: t0 + .milliseconds(10), field: .bid, price: 10.01),
            PriceTickLog.Written(at: t0 + .milliseconds(20), field: .bid, price: 10.00),
        ]
        // 10.00 after 10.01 can only be the third write (the first is older than what the cell
        // showed), and Redis did not have it yet: not paired. Without Redis in the way it is.
        let available: [String: [ContinuousClock.Instant?]] = ["A": [t0 + .milliseconds(1), t0 + .milliseconds(11), t0 + .seconds(5)]]
        let changes = [
            WatchlistReader.Change(symbol: "A", field: .bid, text: "10.01", at: t0 + .milliseconds(12)),
            WatchlistReader.Change(symbol: "A", field: .bid, text: "10.00", at: t0 + .milliseconds(100)),
        ]
        let latencies = ScreenLatencies(changes: changes, prices: ["A": writes], window: t0..<(t0 + .seconds(1)), available: available)
        #expect(latencies.paired == 0)
        #expect(latencies.unpaired == 1)
        let direct = ScreenLatencies(changes: changes, prices: ["A": writes], window: t0..<(t0 + .seconds(1)))
        #expect(direct.paired == 1)
    }

    @Test func busArrivalsLineUpWithTheirWrites() {
        let t0 = ContinuousClock.now
        let writes = (0..<12).map { PriceTickLog.Written(at: t0 + .milliseconds($0), field: .ask, price: 50 + Double($0) / 100) }
        let arrivals = writes[3...].map { BusTap.Arrival(symbol: "A", field: $0.field, price: $0.price, at: $0.at + .milliseconds(7)) }
        let (available, aligned, unaligned) = BusTap.align(Array(arrivals), to: ["A": writes])
        #expect(aligned == 9 && unaligned == 0)
        #expect(available["A"]?[0] == writes[0].at)
        #expect(available["A"]?[3] == writes[3].at + .milliseconds(7))
        #expect(available["A"]?[11] == writes[11].at + .milliseconds(7))
    }

    @Test func tickerIdsAreMatchedByTheirLastPrices() {
        let t0 = ContinuousClock.now
        func series(_ base: Double) -> [PriceTickLog.Written] {
            (0..<12).map { PriceTickLog.Written(at: t0 + .milliseconds($0), field: $0 % 2 == 0 ? .bid : .ask, price: base + Double($0) / 100) }
        }
        var reference = PriceTickLog.Connection()
        reference.requestOrder = [1, 2]
        reference.byRequest = [1: series(10), 2: series(20)]
        var other = PriceTickLog.Connection()
        other.requestOrder = [7, 9]
        other.byRequest = [7: Array(series(20).suffix(9)), 9: Array(series(10).suffix(10))]
        let mapping = TickerMapping.map(other, reference: reference, before: t0 + .seconds(1))
        #expect(mapping == [7: 1, 9: 0])
    }

    @Test func figuresReadAsNameValueUnit() {
        let lines = BridgeFigures(
            screens: [], symbols: 100, mappedDirect: 100, mappedBridge: 99, bridgeCPUPercent: 12.34, bridgeMemory: (20 << 20, 24 << 20),
            redisCPUPercent: 3, redisMemory: (8 << 20, 9 << 20), screenCPUPercent: [], seconds: 10
        ).lines()
        #expect(lines.contains("ticker-ids-matched: direct 100 of 100, bridge 99 of 100"))
        #expect(lines.contains("bridge-process-cpu: 12.3 % of a core (over 10.0 s)"))
        #expect(lines.contains("bridge-process-rss: 20.0 MiB (peak 24.0 MiB)"))
    }
}
