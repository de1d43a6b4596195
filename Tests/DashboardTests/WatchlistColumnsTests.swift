import Testing
import Vocabulary
@testable import Dashboard

/// The watchlist's columns from the config, its sort, and the session's sparkline samples.
@Suite struct WatchlistColumnsTests {
    // MARK: Config

    @Test func columnsAreChosenAndOrderedInTheConfigWithUnknownNamesWarned() throws {
        let parsed = try DashboardConfig.parse(toml: """
            [watchlist]
            symbols = ["aapl", "MSFT"]
            columns = ["last", "chg%", "spark", "bogus", "position", "last"]
            """)
        #expect(parsed.config.watchlist == ["AAPL", "MSFT"])
        #expect(parsed.config.watchlistColumns == [.symbol, .last, .changePercent, .spark, .position])
        #expect(parsed.warnings.count == 1)
        #expect(parsed.warnings.first?.keyPath == "watchlist.columns")
        #expect(parsed.warnings.first?.message.contains("unknown column \"bogus\"") == true)
        #expect(parsed.warnings.first?.line == 3)
    }

    @Test func theTopLevelListStillWorksAndEveryColumnIsShownByDefault() throws {
        let parsed = try DashboardConfig.parse(toml: "watchlist = [\"SPY\"]\n")
        #expect(parsed.config.watchlist == ["SPY"])
        #expect(parsed.config.watchlistColumns == WatchlistColumn.standard)
        #expect(parsed.warnings.isEmpty)
        #expect(throws: ConfigError.self) { try DashboardConfig.parse(toml: "[watchlist]\ncolumns = \"last\"\n") }
        let unknownKey = try DashboardConfig.parse(toml: "[watchlist]\nsort = \"last\"\n")
        #expect(unknownKey.warnings.map(\.keyPath) == ["watchlist.sort"])
    }

    // MARK: Sort

    /// A harness with AAPL, MSFT, NVDA, SPY, each with its own values; SPY has none, and
    /// MSFT and NVDA tie on volume.
    static func sortable() -> DashboardHarness {
        var harness = DashboardHarness.connected(config: DashboardConfig(watchlist: ["AAPL", "MSFT", "NVDA", "SPY"]))
        harness.send(.quote(QuoteUpdate(symbol: "AAPL", values: QuoteValues(
            bid: 230, ask: 230.02, last: 230.01, bidSize: 3, askSize: 9, volume: 500, high: 233, low: 228, close: 225,
            open: 226))))
        harness.send(.quote(QuoteUpdate(symbol: "MSFT", values: QuoteValues(
            bid: 410, ask: 410.05, last: 410.02, bidSize: 7, askSize: 1, volume: 300, high: 415, low: 400, close: 420,
            open: 419))))
        harness.send(.quote(QuoteUpdate(symbol: "NVDA", values: QuoteValues(
            bid: 120, ask: 120.01, last: 120.00, bidSize: 5, askSize: 4, volume: 300, high: 125, low: 119, close: 118,
            open: 121))))
        harness.send(.position(PositionUpdate(account: DashboardHarness.paperAccount, symbol: "NVDA", quantity: 50, averageCost: 100)))
        harness.send(.position(PositionUpdate(account: DashboardHarness.paperAccount, symbol: "AAPL", quantity: -10, averageCost: 240)))
        // Sparkline moves: AAPL up 2 %, MSFT down 1 %, NVDA flat.
        harness.send(.sessionBarsLoaded(symbol: "AAPL", closes: [100, 102]))
        harness.send(.sessionBarsLoaded(symbol: "MSFT", closes: [100, 99]))
        harness.send(.sessionBarsLoaded(symbol: "NVDA", closes: [50, 50]))
        return harness
    }

    /// The order each column sorts ascending; descending is its reverse except that SPY (no
    /// values) stays last and ties keep the list's order.
    static let ascending: [WatchlistColumn: [String]] = [
        .symbol: ["AAPL", "MSFT", "NVDA", "SPY"],
        .bidSize: ["AAPL", "NVDA", "MSFT", "SPY"],
        .bid: ["NVDA", "AAPL", "MSFT", "SPY"],
        .ask: ["NVDA", "AAPL", "MSFT", "SPY"],
        .askSize: ["MSFT", "NVDA", "AAPL", "SPY"],
        .last: ["NVDA", "AAPL", "MSFT", "SPY"],
        .change: ["MSFT", "NVDA", "AAPL", "SPY"],
        .changePercent: ["MSFT", "NVDA", "AAPL", "SPY"],
        .open: ["NVDA", "AAPL", "MSFT", "SPY"],
        .high: ["NVDA", "AAPL", "MSFT", "SPY"],
        .low: ["NVDA", "AAPL", "MSFT", "SPY"],
        .volume: ["MSFT", "NVDA", "AAPL", "SPY"],
        .spark: ["MSFT", "NVDA", "AAPL", "SPY"],
        .position: ["AAPL", "NVDA", "MSFT", "SPY"],
    ]

    @Test(arguments: WatchlistColumn.allCases)
    func everyColumnSortsBothWaysMissingLastTiesInListOrder(_ column: WatchlistColumn) throws {
        var harness = Self.sortable()
        let up = try #require(Self.ascending[column])
        harness.user(.runCommand("sort \(column.rawValue) asc"))
        #expect(harness.state.watchlistSort == WatchlistSort(column, descending: false))
        #expect(harness.state.watchlistOrder == up, "\(column) ascending")
        harness.user(.runCommand("sort \(column.rawValue) desc"))
        var down = Array(up.dropLast().reversed()) + ["SPY"]
        if column == .symbol { down = ["SPY", "NVDA", "MSFT", "AAPL"] }
        // MSFT and NVDA tie on volume: the list's order (MSFT first) both ways.
        if column == .volume { down = ["AAPL", "MSFT", "NVDA", "SPY"] }
        // MSFT has no position: missing, after those held, both ways.
        if column == .position { down = ["NVDA", "AAPL", "MSFT", "SPY"] }
        #expect(harness.state.watchlistOrder == down, "\(column) descending")
        #expect(harness.state.watchlistRows.map(\.symbol) == down)
        harness.user(.runCommand("sort none"))
        #expect(harness.state.watchlistSort == nil)
        #expect(harness.state.watchlistOrder == ["AAPL", "MSFT", "NVDA", "SPY"])
    }

    @Test func theSortedRowMovesWhenItsValueCrossesANeighbourAndSelectionFollowsTheSymbol() {
        var harness = Self.sortable()
        harness.user(.runCommand("sort chg% desc"))
        #expect(harness.state.watchlistOrder == ["AAPL", "NVDA", "MSFT", "SPY"])
        harness.user(.moveSelection(.down))
        #expect(harness.state.selectedSymbol == "NVDA")
        // MSFT jumps above everything: +10 % against its close of 420.
        harness.send(.quote(QuoteUpdate(symbol: "MSFT", last: 462)))
        #expect(harness.state.watchlistOrder == ["MSFT", "AAPL", "NVDA", "SPY"])
        #expect(harness.state.selectedSymbol == "NVDA")
        // A tick that keeps the order leaves it alone.
        harness.send(.quote(QuoteUpdate(symbol: "AAPL", last: 230.5)))
        #expect(harness.state.watchlistOrder == ["MSFT", "AAPL", "NVDA", "SPY"])
    }

    @Test func sKeyCyclesColumnsInTheirFirstDirectionThenTheOtherThenNone() {
        var harness = DashboardHarness.connected(config: {
            var config = DashboardConfig(watchlist: ["AAPL", "MSFT"])
            config.watchlistColumns = [.symbol, .changePercent]
            return config
        }())
        var seen: [WatchlistSort?] = []
        for _ in 0..<5 {
            harness.user(.cycleSort)
            seen.append(harness.state.watchlistSort)
        }
        #expect(seen == [
            WatchlistSort(.symbol, descending: false), WatchlistSort(.symbol, descending: true),
            WatchlistSort(.changePercent, descending: true), WatchlistSort(.changePercent, descending: false), nil,
        ])
    }

    @Test func sortCommandsAreInTheVerbTableAndRefuseUnknownColumns() {
        #expect(DashboardCommand.verb(named: "sort") != nil)
        #expect(DashboardCommand.verb(named: "wl") != nil)
        #expect(DashboardCommand.closestVerb(to: "srot") == "sort")
        #expect(DashboardCommand.parse("sort chg% desc") == .success(.sort(WatchlistSort(.changePercent, descending: true))))
        #expect(DashboardCommand.parse("sort last") == .success(.sort(WatchlistSort(.last, descending: true))))
        #expect(DashboardCommand.parse("sort symbol") == .success(.sort(WatchlistSort(.symbol, descending: false))))
        #expect(DashboardCommand.parse("sort none") == .success(.sort(nil)))
        guard case .failure(let error) = DashboardCommand.parse("sort price") else {
            Issue.record("sort price parsed")
            return
        }
        #expect(error.message.contains("not a watchlist column"))
        guard case .failure = DashboardCommand.parse("sort last sideways") else {
            Issue.record("a bad direction parsed")
            return
        }
    }

    @Test func movingASymbolByHandIsRefusedWhileSorted() {
        var harness = Self.sortable()
        harness.user(.runCommand("sort last desc"))
        harness.user(.moveSelectedSymbol(up: false))
        #expect(harness.state.watchlist.symbols == ["AAPL", "MSFT", "NVDA", "SPY"])
        #expect(harness.latestMessage?.title == "Watchlist is sorted")
    }

    // MARK: Sparkline

    @Test func tradesAreSampledAsPerMinuteClosesOnTheMonotonicInstant() {
        var harness = DashboardHarness.connected(config: DashboardConfig(watchlist: ["AAPL"]))
        // Align to a minute of the monotonic clock.
        harness.clock = 1_718_000_040_000  // 28,633,334 minutes
        harness.send(.quote(QuoteUpdate(symbol: "AAPL", last: 10)))
        harness.clock += 20_000
        harness.send(.quote(QuoteUpdate(symbol: "AAPL", last: 11)))
        harness.clock += 50_000
        harness.send(.quote(QuoteUpdate(symbol: "AAPL", last: 12)))
        harness.send(.quote(QuoteUpdate(symbol: "AAPL", bid: 12.5)))
        harness.clock += 180_000
        harness.send(.quote(QuoteUpdate(symbol: "AAPL", last: 9)))
        #expect(harness.state.trails["AAPL"]?.closes == [11, 12, 9])
    }

    @Test func theTrailIsBoundedToItsCapacityOldestDropped() {
        var trail = SessionTrail(capacity: 5)
        for minute in 0..<12 {
            trail.record(Double(minute + 1), at: .seconds(minute * 60))
        }
        #expect(trail.count == 5)
        #expect(trail.closes == [8, 9, 10, 11, 12])
        #expect(trail.latest == 12)
        #expect(trail.movePercent == 50)
        trail.record(.nan, at: .seconds(13 * 60))
        trail.record(-1, at: .seconds(14 * 60))
        #expect(trail.closes == [8, 9, 10, 11, 12])
        trail.seed(Array(repeating: 1, count: 3) + [2, 3, 4, 5, 6])
        #expect(trail.closes == [2, 3, 4, 5, 6])
    }

    @Test func sessionBarsSeedTheSparklineAndLiveTradesContinueIt() {
        var harness = DashboardHarness.connected(config: DashboardConfig(watchlist: ["AAPL"]))
        harness.send(.sessionBarsLoaded(symbol: "aapl", closes: [229, 230, 231]))
        #expect(harness.state.trails["AAPL"]?.closes == [229, 230, 231])
        harness.send(.quote(QuoteUpdate(symbol: "AAPL", last: 232)))
        #expect(harness.state.trails["AAPL"]?.closes == [229, 230, 231, 232])
        // A symbol neither listed nor subscribed is not kept.
        harness.send(.sessionBarsLoaded(symbol: "ZZZZ", closes: [1, 2]))
        #expect(harness.state.trails["ZZZZ"] == nil)
        // Removing the symbol forgets its trail.
        harness.user(.runCommand("remove AAPL"))
        #expect(harness.state.trails["AAPL"] == nil)
    }
}
