import Vocabulary

/// The trader's alerts: `:alert RULE`, `:alerts`, `:alert rm N`, `:ack` (or `A`), evaluated
/// after every event that can change them, firing on the change to true.
extension DashboardState {
    /// How long a fired alert's watchlist row flashes.
    public static let alertFlashDuration: Duration = .seconds(3)
    /// The most alerts kept (each is evaluated after the events that concern it).
    public static let alertLimit = 50

    /// Adds an alert for `rule` and saves the list.
    mutating func addAlert(_ rule: AlertRule, command: String? = nil) -> [DashboardEffect] {
        guard alerts.count < Self.alertLimit else {
            note(.commandFailed, "Alert not added", "There are already \(Self.alertLimit) alerts; remove one with ':alert rm N'.")
            return []
        }
        var alert = Alert(id: nextAlertID, rule: rule, command: command ?? config.alertCommand)
        alert.createdAt = eventTime.instant
        nextAlertID += 1
        // An alert whose rule already holds waits for it to turn false and true again: it
        // tells of a change, not of the state it was set in.
        alert.holds = currentValue(of: rule, createdAt: alert.createdAt).holds
        alerts.append(alert)
        changed = true
        var effects: [DashboardEffect] = [.saveAlerts(alertRecords)]
        // A symbol the dashboard does not follow joins the watchlist, so its quotes arrive.
        if let symbol = rule.symbol, quotes.tracked(symbol) == nil, !watchlist.contains(symbol) {
            effects += addToWatchlist(symbol)
        }
        let already = alert.holds ? " It holds already, so it fires when it turns false and true again." : ""
        note(.alertSet, "Alert \(alert.id) set: \(rule.text)", "ibterm watches \(rule.text) and says so here, in the log and with the bell when it becomes true.\(already)")
        return effects
    }

    /// `:alert rm N`.
    mutating func removeAlert(_ id: Int) -> [DashboardEffect] {
        guard let index = alerts.firstIndex(where: { $0.id == id }) else {
            note(.nothingToDo, "No alert \(id)", "There is no alert \(id); ':alerts' lists them.")
            return []
        }
        let removed = alerts.remove(at: index)
        changed = true
        note(.alertSet, "Alert \(id) removed", "\(removed.rule.text) is no longer watched.")
        return [.saveAlerts(alertRecords)]
    }

    /// `:alerts`: every alert with its state, in the message log and the footer.
    mutating func listAlerts() -> [DashboardEffect] {
        guard !alerts.isEmpty else {
            note(.nothingToDo, "No alerts", "Set one with ':alert AAPL > 275', ':alert pnl < -500', ':alert stale AAPL 30s' or ':alert farm'.")
            return []
        }
        let lines = alerts.map { alert -> String in
            let state = alert.firedValue.map { "fired at \($0)\(alert.acknowledged ? "" : ", not acknowledged")" } ?? "armed"
            return "\(alert.id): \(alert.rule.text) (\(state))"
        }
        note(.alertSet, "\(alerts.count) alert\(alerts.count == 1 ? "" : "s")", lines.joined(separator: "; "))
        return []
    }

    /// `:ack` or `A`: the fired alerts leave the footer.
    mutating func acknowledgeAlerts() -> [DashboardEffect] {
        let pending = alerts.indices.filter { !alerts[$0].acknowledged }
        guard !pending.isEmpty else {
            note(.nothingToDo, "No alert to acknowledge", "No alert fired since the last acknowledgement.")
            return []
        }
        for index in pending { alerts[index].acknowledged = true }
        changed = true
        note(.alertSet, "Alerts acknowledged", "\(pending.count) fired alert\(pending.count == 1 ? "" : "s") acknowledged.")
        return []
    }

    /// The alerts read back at start (saved with the state), with the config's `[[alerts.rule]]`
    /// ones not among them.
    mutating func loadAlerts(_ records: [AlertRecord]) {
        alerts = []
        var all = records
        for configured in config.configuredAlerts where !all.contains(where: { $0.rule == configured.rule }) {
            all.append(configured)
        }
        for record in all.prefix(Self.alertLimit) {
            var alert = Alert(id: nextAlertID, rule: record.rule, command: record.command)
            alert.createdAt = eventTime.instant
            alert.holds = currentValue(of: record.rule, createdAt: alert.createdAt).holds
            nextAlertID += 1
            alerts.append(alert)
        }
        changed = true
    }

    /// What is saved: every alert's rule and command.
    var alertRecords: [AlertRecord] { alerts.map { AlertRecord(rule: $0.rule, command: $0.command) } }

    /// Evaluates the alerts `event` can change (a quote only its symbol's), firing those whose
    /// rule turned true.
    mutating func evaluateAlerts(after event: DashboardEvent) {
        let symbol: String?
        switch event {
        case .quote(let update): symbol = update.symbol
        case .user, .quoteRequested, .commandHistoryLoaded, .configWarnings, .whatIf: return
        default: symbol = nil
        }
        for index in alerts.indices {
            if let symbol, alerts[index].rule.symbol != symbol { continue }
            let (holds, value) = currentValue(of: alerts[index].rule, createdAt: alerts[index].createdAt)
            let was = alerts[index].holds
            alerts[index].holds = holds
            guard holds, !was else { continue }
            fire(at: index, value: value)
        }
    }

    private mutating func fire(at index: Int, value: String) {
        alerts[index].firedAt = eventTime.instant
        alerts[index].firedWall = now
        alerts[index].firedValue = value
        alerts[index].acknowledged = false
        let alert = alerts[index]
        changed = true
        note(.alertFired, "Alert \(alert.id): \(alert.rule.text) (\(value))",
             "\(alert.rule.text) became true\(alert.rule.symbol != nil && alert.rule.isPriceRule ? " on a live quote" : ""): \(value).",
             action: "Press A or type ':ack' to acknowledge; ':alert rm \(alert.id)' removes it.")
        if config.bellOnAlert { outbox.append(.ringBell) }
        if let command = alert.command, !command.isEmpty {
            outbox.append(.runAlertCommand(command: command, json: alertJSON(alert)))
        }
    }

    /// The alert as one JSON object for its command's standard input.
    func alertJSON(_ alert: Alert) -> String {
        func quoted(_ text: String) -> String {
            var result = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": result += "\\\""
                case "\\": result += "\\\\"
                case "\n": result += "\\n"
                case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
                default: result.unicodeScalars.append(scalar)
                }
            }
            return result + "\""
        }
        var fields = ["\"id\":\(alert.id)", "\"rule\":\(quoted(alert.rule.text))",
                      "\"value\":\(quoted(alert.firedValue ?? ""))",
                      "\"time_ms\":\(alert.firedWall?.millisecondsSinceEpoch ?? 0)"]
        if let symbol = alert.rule.symbol { fields.append("\"symbol\":\(quoted(symbol))") }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// Whether `rule` holds now, and the value it was judged on (`275.10`, `-2.3 %`).
    /// Prices are judged on LIVE quotes only: a stale or delayed price holds nothing.
    func currentValue(of rule: AlertRule, createdAt: SessionInstant?) -> (holds: Bool, value: String) {
        switch rule {
        case let .price(symbol, comparison, level):
            guard let quote = liveQuote(symbol), let price = quote.last ?? quote.midpoint else { return (false, "") }
            return (comparison.holds(price, level), AmountText.price(price))
        case let .changePercent(symbol, comparison, level):
            guard let quote = liveQuote(symbol), let price = quote.last ?? quote.midpoint,
                  let close = quote.close, close > 0 else { return (false, "") }
            let change = (price - close) / close * 100
            return (comparison.holds(change, level), "\(AmountText.money(change, sign: .whenPositive)) %")
        case let .dailyPnL(comparison, level):
            guard let daily = pnl.daily.amount else { return (false, "") }
            return (comparison.holds(daily, level), AmountText.money(daily, sign: .whenPositive))
        case let .stale(symbol, seconds):
            let freshness = quotes.freshness(of: symbol, at: instant)
            guard freshness?.state != .live else { return (false, "") }
            let quiet = freshness?.age ?? createdAt.map { instant - $0 } ?? .zero
            return (quiet >= .seconds(seconds), "\(freshness?.state.word ?? "no data") \(quiet.components.seconds) s")
        case .farmDown:
            let down = dataFarms.values.filter { $0.state != .ok && $0.state != .inactive && $0.kind == .marketData }.map(\.name).sorted()
            return (!down.isEmpty, down.joined(separator: ", "))
        }
    }

    private func liveQuote(_ symbol: String) -> WatchedQuote? {
        guard quotes.freshness(of: symbol, at: instant)?.state == .live else { return nil }
        return quotes.tracked(symbol)?.quote
    }

    /// Whether a fired alert on `symbol` flashes its row at `instant` (a frame's).
    public func isAlerting(symbol: String, at instant: SessionInstant) -> Bool {
        alerts.contains { $0.rule.symbol == symbol && ($0.firedAt.map { instant < $0 + Self.alertFlashDuration } ?? false) }
    }

    /// The fired alerts the trader has not acknowledged, newest first.
    public var unacknowledgedAlerts: [Alert] {
        alerts.filter { !$0.acknowledged }.sorted { ($0.firedAt ?? .origin) > ($1.firedAt ?? .origin) }
    }
}
