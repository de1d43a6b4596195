import Foundation
import Testing
import Vocabulary
@testable import Dashboard
import Vocabulary

private func parse(_ text: String) throws(ConfigError) -> DashboardConfig.Parsed {
    try DashboardConfig.parse(toml: text)
}

private func error(_ text: String) -> ConfigError? {
    do {
        _ = try parse(text)
        return nil
    } catch {
        return error
    }
}

@Suite struct DashboardConfigTests {
    @Test func givesDefaultsForAnEmptyFile() throws {
        let parsed = try parse("")
        #expect(parsed.config == DashboardConfig())
        #expect(parsed.config.watchlist == ["AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "SPY", "QQQ", "IWM"])
        #expect(parsed.config.gatewayPort == 4002)
        #expect(parsed.config.clientID == 1)
        #expect(parsed.config.clientIDRange == 10)
        #expect(parsed.config.allowLive == false)
        #expect(parsed.warnings.isEmpty)
    }

    @Test func readsEveryKey() throws {
        let parsed = try parse("""
            watchlist = ["spy", "QQQ", "SPY"]
            theme = "high-contrast"
            allow_live = true

            [gateway]
            host = "10.0.0.5"
            port = 7497
            client_id = 17
            client_id_range = 3

            [staleness]
            default_seconds = 8
            [staleness.class]
            option = 20
            [staleness.symbol]
            SPY = 2.5

            [ticket]
            max_quantity = 500
            max_notional = 25000.5
            max_net_liq_share = 0.1
            price_band = 0.02

            [keys]
            quit = ["Q", "ctrl-q"]
            buy = "B"
            """)
        let config = parsed.config
        #expect(config.watchlist == ["SPY", "QQQ"])
        #expect(config.themeName == "high-contrast")
        #expect(config.allowLive)
        #expect(config.gatewayHost == "10.0.0.5")
        #expect(config.gatewayPort == 7497)
        #expect(config.clientID == 17)
        #expect(config.clientIDRange == 3)
        #expect(config.staleness.defaultThreshold == .seconds(8))
        #expect(config.staleness.threshold(for: "X", instrumentClass: .option) == .seconds(20))
        #expect(config.staleness.threshold(for: "X", instrumentClass: .stock) == .seconds(5))
        #expect(config.staleness.threshold(for: "SPY", instrumentClass: .stock) == .milliseconds(2500))
        #expect(config.ticketLimits.maxQuantity == 500)
        #expect(config.ticketLimits.maxNotional == FixedDecimal("25000.5"))
        #expect(config.ticketLimits.maxShareOfNetLiquidation == FixedDecimal("0.1"))
        #expect(config.ticketLimits.priceBand == FixedDecimal("0.02"))
        #expect(config.keyBindings["quit"] == ["Q", "ctrl-q"])
        #expect(config.keyBindings["buy"] == ["B"])
        #expect(config.keyBindings["sell"] == nil, "an action the file does not name keeps the UI's own keys")
        #expect(parsed.warnings.isEmpty)
    }

    @Test func acceptsTheGatewayAsAHostPortString() throws {
        let config = try parse(#"gateway = "gw.local:4001""#).config
        #expect(config.gatewayHost == "gw.local")
        #expect(config.gatewayPort == 4001)
        #expect(error(#"gateway = "gw.local""#)?.keyPath == "gateway")
        #expect(error(#"gateway = "gw.local:99999""#)?.code == .invalidValue)
    }

    @Test func switchesLimitsOffWithZero() throws {
        let limits = try parse("[ticket]\nmax_net_liq_share = 0\nprice_band = 0").config.ticketLimits
        #expect(limits.maxShareOfNetLiquidation == nil)
        #expect(limits.priceBand == nil)
    }

    @Test func reportsUnknownKeysWithTheirLines() throws {
        let parsed = try parse("""
            watchlist = ["AAPL"]
            gatway = "x"

            [ticket]
            max_qty = 5
            [staleness.class]
            bond = 3
            """)
        #expect(parsed.warnings.map(\.keyPath) == ["gatway", "ticket.max_qty", "staleness.class.bond"])
        #expect(parsed.warnings.map(\.line) == [2, 5, 7])
        #expect(parsed.warnings[2].message.contains("stock"))
        #expect(parsed.warnings[0].description == "line 2: gatway: unknown key, ignored")
    }

    @Test func reportsASyntaxErrorWithItsLine() throws {
        let failure = try #require(error("watchlist = [\"AAPL\"]\n\n[ticket\nmax_quantity = 5"))
        #expect(failure.code == .syntax)
        #expect(failure.line == 3)
    }

    @Test func reportsADuplicateKeyAsASyntaxError() {
        #expect(error("theme = \"a\"\ntheme = \"b\"")?.line == 2)
    }

    @Test(arguments: [
        ("watchlist = \"AAPL\"", "watchlist", 1, ConfigError.Code.wrongType),
        ("watchlist = [1, 2]", "watchlist", 1, .wrongType),
        ("allow_live = \"yes\"", "allow_live", 1, .wrongType),
        ("theme = \"\"", "theme", 1, .invalidValue),
        ("\n[gateway]\nport = 0", "gateway.port", 3, .invalidValue),
        ("[gateway]\nport = \"4002\"", "gateway.port", 2, .wrongType),
        ("[gateway]\nclient_id = -1", "gateway.client_id", 2, .invalidValue),
        ("[gateway]\nclient_id_range = 0", "gateway.client_id_range", 2, .invalidValue),
        ("[gateway]\nclient_id_range = \"5\"", "gateway.client_id_range", 2, .wrongType),
        ("[staleness]\ndefault_seconds = 0", "staleness.default_seconds", 2, .invalidValue),
        ("[staleness.symbol]\nAAPL = \"fast\"", "staleness.symbol.AAPL", 2, .wrongType),
        ("[ticket]\nmax_quantity = 0", "ticket.max_quantity", 2, .invalidValue),
        ("[ticket]\nmax_quantity = 10.5", "ticket.max_quantity", 2, .wrongType),
        ("[ticket]\n\nmax_notional = -1", "ticket.max_notional", 3, .invalidValue),
        ("[ticket]\nmax_net_liq_share = 1.5", "ticket.max_net_liq_share", 2, .invalidValue),
        ("[ticket]\nprice_band = 1", "ticket.price_band", 2, .invalidValue),
        ("[keys]\nquit = 5", "keys.quit", 2, .wrongType),
        ("ticket = 5", "ticket", 1, .wrongType),
    ])
    func reportsABrokenValueWithItsLineAndKeyPath(text: String, keyPath: String, line: Int, code: ConfigError.Code) throws {
        let failure = try #require(error(text))
        #expect(failure.keyPath == keyPath)
        #expect(failure.line == line)
        #expect(failure.code == code)
        #expect(failure.description.hasPrefix("line \(line): \(keyPath): "))
    }
}

@Suite struct TimeZoneConfigTests {
    @Test func showsTimesInTheLocalZoneByDefault() throws {
        #expect(try parse("").config.timeZone == .local)
        #expect(DashboardConfig().timeZone == .local)
    }

    @Test(arguments: [("local", DisplayTimeZone.Choice.local), ("exchange", .exchange), ("utc", .utc), ("UTC", .utc)])
    func readsTheTimeZone(text: String, choice: DisplayTimeZone.Choice) throws {
        let parsed = try parse("time_zone = \"\(text)\"")
        #expect(parsed.config.timeZone == choice)
        #expect(parsed.warnings.isEmpty)
    }

    @Test func warnsOfAnUnknownZoneAndKeepsTheLocalOne() throws {
        let parsed = try parse("""
            theme = "light"
            time_zone = "Europe/Paris"
            """)
        #expect(parsed.config.timeZone == .local)
        #expect(parsed.config.themeName == "light")
        #expect(parsed.warnings.map(\.description) == [
            #"line 2: time_zone: must be "local", "exchange" or "utc", not "Europe/Paris"; using "local""#,
        ])
    }

    @Test func warnsOfAZoneThatIsNotAString() throws {
        let parsed = try parse("time_zone = 5")
        #expect(parsed.config.timeZone == .local)
        #expect(parsed.warnings.first?.keyPath == "time_zone")
        #expect(parsed.warnings.first?.message == #"must be "local", "exchange" or "utc" (a string); using "local""#)
    }
}

@Suite struct DisplayTimeZoneInTheDashboardTests {
    /// The harness starts at 2024-06-10 06:13:20 UTC (02:13:20 EDT in New York).
    @Test(arguments: [
        (DisplayTimeZone.Choice.local, "08:13:20 CEST"),
        (.exchange, "02:13:20 EDT"),
        (.utc, "06:13:20 UTC"),
    ])
    func aNoticeNamesTheLastGoodQuoteInTheDisplayZone(choice: DisplayTimeZone.Choice, shown: String) throws {
        var config = DashboardConfig()
        config.timeZone = choice
        config.localTimeZone = .fixed(offsetSeconds: 2 * 3600, abbreviation: "CEST")
        var harness = DashboardHarness.connected(config: config)
        harness.send(.quote(QuoteUpdate(symbol: "NVDA", last: 100)))
        harness.advance(milliseconds: 900)
        harness.send(.notice(Notice(requestID: harness.tickerID("NVDA"), code: 354, text: "Requested market data is not subscribed.")))
        let explanation = try #require(harness.latestMessage?.explanation)
        #expect(explanation.contains("Last good quote: \(shown)"), "\(explanation)")
    }

    @Test func theDisplayZoneIsTheChoiceWithTheMachinesZoneForLocal() {
        var config = DashboardConfig()
        #expect(config.displayTimeZone == .utc, "the machine's zone is UTC until the executable reads it")
        config.localTimeZone = .fixed(offsetSeconds: 3600, abbreviation: "CET")
        #expect(config.displayTimeZone == .fixed(offsetSeconds: 3600, abbreviation: "CET"))
        config.timeZone = .exchange
        #expect(config.displayTimeZone == .exchange)
    }
}
