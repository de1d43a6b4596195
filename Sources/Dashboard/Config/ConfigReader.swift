import TOMLKit
import Vocabulary

/// Walks a parsed TOML table into a `DashboardConfig`, checking types and ranges.
struct ConfigReader {
    let locator: TOMLLineLocator
    var warnings: [ConfigWarning] = []

    init(locator: TOMLLineLocator) {
        self.locator = locator
    }

    mutating func read(_ root: TOMLTable, into config: inout DashboardConfig) throws(ConfigError) {
        for (key, value) in root {
            switch key {
            case "watchlist": try readWatchlist(value, into: &config)
            case "theme": config.themeName = try nonEmptyString(value, "theme")
            case "allow_live": config.allowLive = try bool(value, "allow_live")
            case "mouse": config.mouse = try bool(value, "mouse")
            case "market_data":
                let text = try nonEmptyString(value, "market_data")
                guard let choice = MarketDataChoice(rawValue: text) else {
                    throw invalid("market_data", "must be \"live\" or \"delayed-fallback\", not \"\(text)\"")
                }
                config.marketData = choice
            case "time_zone": config.timeZone = timeZone(value) ?? config.timeZone
            case "gateway": try readGateway(value, into: &config)
            case "portal":
                let text = try nonEmptyString(value, "portal")
                guard text.lowercased().hasPrefix("https://") else {
                    throw invalid("portal", "must be \"https://HOST:PORT\" (IB's Client Portal gateway speaks HTTPS), got \"\(text)\"")
                }
                config.portal = text
            case "portal_cert": config.portalCertificate = try nonEmptyString(value, "portal_cert")
            case "staleness": config.staleness = try readStaleness(table(value, "staleness"))
            case "ticket": config.ticketLimits = try readTicket(table(value, "ticket"))
            case "keys": config.keyBindings = try readKeys(table(value, "keys"))
            case "alerts": try readAlerts(table(value, "alerts"), into: &config)
            case "trace": config.recorder = try readTrace(table(value, "trace"))
            case "redis":
                for (item, entry) in try table(value, "redis") {
                    switch item {
                    case "user": config.redisUser = try nonEmptyString(entry, "redis.user")
                    case "password": config.redisPassword = try nonEmptyString(entry, "redis.password")
                    default: unknown("redis.\(item)")
                    }
                }
            default: unknown(key)
            }
        }
    }

    private mutating func readGateway(_ value: any TOMLValueConvertible, into config: inout DashboardConfig) throws(ConfigError) {
        if let text = value.string {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, let port = Int(parts[1]), (1...65535).contains(port) else {
                throw invalid("gateway", "must be \"host:port\" with a port from 1 to 65535, got \"\(text)\"")
            }
            config.gatewayHost = String(parts[0])
            config.gatewayPort = port
            return
        }
        guard let gateway = value.table else {
            throw wrongType("gateway", "must be a table or a \"host:port\" string")
        }
        for (key, item) in gateway {
            let path = "gateway.\(key)"
            switch key {
            case "host": config.gatewayHost = try nonEmptyString(item, path)
            case "port": config.gatewayPort = try integer(item, path, in: 1...65535)
            case "client_id": config.clientID = try integer(item, path, in: 0...Int(Int32.max))
            case "client_id_range": config.clientIDRange = try integer(item, path, in: 1...1000)
            default: unknown(path)
            }
        }
    }

    private mutating func readStaleness(_ table: TOMLTable) throws(ConfigError) -> StalenessPolicy {
        var policy = StalenessPolicy.standard
        for (key, item) in table {
            switch key {
            case "default_seconds":
                policy.defaultThreshold = try seconds(item, "staleness.default_seconds")
            case "class":
                for (name, threshold) in try self.table(item, "staleness.class") {
                    let path = "staleness.class.\(name)"
                    guard let instrumentClass = InstrumentClass(rawValue: name) else {
                        unknown(path, hint: "classes are " + InstrumentClass.allCases.map(\.rawValue).joined(separator: ", "))
                        continue
                    }
                    policy.classThresholds[instrumentClass] = try seconds(threshold, path)
                }
            case "symbol":
                for (symbol, threshold) in try self.table(item, "staleness.symbol") {
                    policy.symbolThresholds[symbol.uppercased()] = try seconds(threshold, "staleness.symbol.\(symbol)")
                }
            default: unknown("staleness.\(key)")
            }
        }
        return policy
    }

    private mutating func readTicket(_ table: TOMLTable) throws(ConfigError) -> TicketLimits {
        var limits = TicketLimits()
        for (key, item) in table {
            let path = "ticket.\(key)"
            switch key {
            case "max_quantity": limits.maxQuantity = try integer(item, path, in: 1...Int.max)
            case "max_notional": limits.maxNotional = try decimal(item, path, positive: true)
            case "max_net_liq_share":
                let share = try decimal(item, path, positive: false)
                guard share <= 1 else { throw invalid(path, "must be a fraction from 0 to 1 (0.25 = 25 %)") }
                limits.maxShareOfNetLiquidation = share == 0 ? nil : share
            case "price_band":
                let band = try decimal(item, path, positive: false)
                guard band < 1 else { throw invalid(path, "must be a fraction below 1 (0.05 = 5 %)") }
                limits.priceBand = band == 0 ? nil : band
            default: unknown(path)
            }
        }
        return limits
    }

    /// `watchlist = [...]`, or a `[watchlist]` table with `symbols` and `columns`.
    private mutating func readWatchlist(_ value: any TOMLValueConvertible, into config: inout DashboardConfig) throws(ConfigError) {
        if value.array != nil {
            config.watchlist = try symbols(value, "watchlist")
            return
        }
        guard let table = value.table else { throw wrongType("watchlist", "must be a list of symbols or a table") }
        for (key, item) in table {
            let path = "watchlist.\(key)"
            switch key {
            case "symbols": config.watchlist = try symbols(item, path)
            case "columns": config.watchlistColumns = try columns(item, path)
            default: unknown(path)
            }
        }
    }

    /// Column names: an unknown one is a warning and skipped, a repeat is dropped; the symbol
    /// column is put first when missing (a row without its symbol means nothing).
    private mutating func columns(_ value: any TOMLValueConvertible, _ path: String) throws(ConfigError) -> [WatchlistColumn] {
        guard let array = value.array else { throw wrongType(path, "must be a list of column names") }
        var result: [WatchlistColumn] = []
        for element in array {
            guard let name = element.string else { throw wrongType(path, "must list column names as strings") }
            guard let column = WatchlistColumn(name: name) else {
                warnings.append(ConfigWarning(
                    line: locator.line(for: path), keyPath: path,
                    message: "unknown column \"\(name)\", ignored (columns are "
                        + WatchlistColumn.allCases.map(\.rawValue).joined(separator: ", ") + ")"))
                continue
            }
            if !result.contains(column) { result.append(column) }
        }
        if !result.contains(.symbol) { result.insert(.symbol, at: 0) }
        return result
    }

    private mutating func readAlerts(_ table: TOMLTable, into config: inout DashboardConfig) throws(ConfigError) {
        for (key, item) in table {
            let path = "alerts.\(key)"
            switch key {
            case "bell_on_fill": config.bellOnFill = try bool(item, path)
            case "bell_on_alert": config.bellOnAlert = try bool(item, path)
            case "command": config.alertCommand = try nonEmptyString(item, path)
            case "rule": config.configuredAlerts = try readAlertRules(item, path)
            default: unknown(path)
            }
        }
    }

    private mutating func readTrace(_ table: TOMLTable) throws(ConfigError) -> RecorderSettings {
        var settings = RecorderSettings()
        for (key, item) in table {
            let path = "trace.\(key)"
            switch key {
            case "enabled": settings.enabled = try bool(item, path)
            case "ring_minutes": settings.ringMinutes = try integer(item, path, in: 1...1440)
            case "ring_mb": settings.ringMegabytes = try integer(item, path, in: 1...1024)
            default: unknown(path)
            }
        }
        return settings
    }

    /// `time_zone`'s choice, or `nil` with a warning naming the accepted values.
    private mutating func timeZone(_ value: any TOMLValueConvertible) -> DisplayTimeZone.Choice? {
        if let text = value.string, let choice = DisplayTimeZone.Choice(rawValue: text.lowercased()) { return choice }
        let problem = value.string.map { ", not \"\($0)\"" } ?? " (a string)"
        warnings.append(ConfigWarning(
            line: locator.line(for: "time_zone"), keyPath: "time_zone",
            message: "must be \(DisplayTimeZone.Choice.acceptedValues)\(problem); using \"local\""))
        return nil
    }

    /// `[[alerts.rule]]` tables: `when = "AAPL > 275"` and an optional `command`; a rule that
    /// does not parse is a warning and is left out.
    private mutating func readAlertRules(_ item: any TOMLValueConvertible, _ path: String) throws(ConfigError) -> [AlertRecord] {
        guard let array = item.array else { throw wrongType(path, "must be an array of tables ([[alerts.rule]])") }
        var records: [AlertRecord] = []
        for (index, element) in array.enumerated() {
            let at = "\(path)[\(index)]"
            guard let table = element.table, let when = table["when"]?.string else {
                warnings.append(ConfigWarning(line: locator.line(for: path), keyPath: at,
                    message: "needs when = \"SYMBOL > PRICE\" (or chg%, pnl, stale, farm); left out"))
                continue
            }
            switch AlertRule.parse(when) {
            case .success(let rule): records.append(AlertRecord(rule: rule, command: table["command"]?.string))
            case .failure(let error):
                warnings.append(ConfigWarning(line: locator.line(for: path), keyPath: at, message: "\(error.message) Left out."))
            }
        }
        return records
    }

    private func readKeys(_ table: TOMLTable) throws(ConfigError) -> [String: [String]] {
        var bindings: [String: [String]] = [:]
        for (action, item) in table {
            let path = "keys.\(action)"
            if let single = item.string {
                bindings[action] = [single]
                continue
            }
            guard let array = item.array else { throw wrongType(path, "must be a list of key names") }
            var keys: [String] = []
            for element in array {
                guard let key = element.string, !key.isEmpty else { throw wrongType(path, "must list key names as strings") }
                keys.append(key)
            }
            bindings[action] = keys
        }
        return bindings
    }

    // MARK: Typed accessors

    private func table(_ value: any TOMLValueConvertible, _ path: String) throws(ConfigError) -> TOMLTable {
        guard let table = value.table else { throw wrongType(path, "must be a table") }
        return table
    }

    private func bool(_ value: any TOMLValueConvertible, _ path: String) throws(ConfigError) -> Bool {
        guard let bool = value.bool else { throw wrongType(path, "must be true or false") }
        return bool
    }

    private func nonEmptyString(_ value: any TOMLValueConvertible, _ path: String) throws(ConfigError) -> String {
        guard let string = value.string else { throw wrongType(path, "must be a string") }
        guard !string.isEmpty else { throw invalid(path, "must not be empty") }
        return string
    }

    private func integer(_ value: any TOMLValueConvertible, _ path: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard let int = value.int else { throw wrongType(path, "must be a whole number") }
        guard range.contains(int) else {
            throw invalid(path, range.upperBound == Int.max ? "must be at least \(range.lowerBound)" : "must be from \(range.lowerBound) to \(range.upperBound)")
        }
        return int
    }

    private func seconds(_ value: any TOMLValueConvertible, _ path: String) throws(ConfigError) -> Duration {
        let number: Double
        if let int = value.int { number = Double(int) } else if let double = value.double { number = double } else {
            throw wrongType(path, "must be a number of seconds")
        }
        guard number > 0, number.isFinite else { throw invalid(path, "must be above 0 seconds") }
        return .milliseconds(Int64((number * 1000).rounded()))
    }

    private func decimal(_ value: any TOMLValueConvertible, _ path: String, positive: Bool) throws(ConfigError) -> FixedDecimal {
        let number: FixedDecimal
        if let int = value.int, let whole = FixedDecimal(exactly: int) { number = whole } else if let double = value.double,
            double.isFinite, let parsed = FixedDecimal("\(double)") { number = parsed } else {
            throw wrongType(path, "must be a number")
        }
        if positive ? number <= 0 : number < 0 {
            throw invalid(path, positive ? "must be above 0" : "must not be negative")
        }
        return number
    }

    private func symbols(_ value: any TOMLValueConvertible, _ path: String) throws(ConfigError) -> [String] {
        guard let array = value.array else { throw wrongType(path, "must be a list of symbols") }
        var result: [String] = []
        for element in array {
            guard let symbol = element.string?.uppercased(), !symbol.isEmpty else {
                throw wrongType(path, "must list symbols as non-empty strings")
            }
            if !result.contains(symbol) { result.append(symbol) }
        }
        return result
    }

    // MARK: Problems

    private mutating func unknown(_ path: String, hint: String? = nil) {
        warnings.append(ConfigWarning(
            line: locator.line(for: path), keyPath: path,
            message: "unknown key, ignored" + (hint.map { " (\($0))" } ?? "")))
    }

    private func wrongType(_ path: String, _ message: String) -> ConfigError {
        ConfigError(.wrongType, line: locator.line(for: path), keyPath: path, message: message)
    }

    private func invalid(_ path: String, _ message: String) -> ConfigError {
        ConfigError(.invalidValue, line: locator.line(for: path), keyPath: path, message: message)
    }
}
