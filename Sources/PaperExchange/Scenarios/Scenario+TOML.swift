import TOMLKit

extension Scenario {
    /// Parses a scenario file.
    ///
    /// ```toml
    /// name = "farm-blip"
    /// description = "US farm drops for 5 s"
    /// not_entitled = ["TSLA"]
    ///
    /// [[fault]]
    /// at = 20                 # seconds after start (fractions allowed)
    /// kind = "farm-blip"      # 2103, then 2104 after `duration` seconds (default 5)
    /// farm = "usfarm"
    /// ```
    ///
    /// Kinds: `expire-subscription` (symbol), `stall-symbol` (symbol, optional duration),
    /// `stall-all` (optional duration), `connectivity-lost` (optional `restore_after` seconds,
    /// `data = "maintained"` → 1102 or `"lost"` → 1101), `drop-connections`, `half-open`
    /// (optional duration), `exceed-rate`, `farm-blip` (farm, duration), `reject-orders` (symbol,
    /// optional `reason` and duration: new orders in the symbol get 201 with the reason),
    /// `socket-down` (optional duration: the socket API refuses connections), and the Client
    /// Portal's faults: `portal-down` (optional duration), `portal-slow` (`delay` seconds,
    /// optional duration), `portal-session-expired`, `portal-competing-session`.
    ///
    /// - Throws: ``ScenarioError`` naming the TOML position or the faulty entry.
    public static func parse(toml text: String) throws(ScenarioError) -> Scenario {
        let file: ScenarioFile
        do {
            file = try TOMLDecoder().decode(ScenarioFile.self, from: text)
        } catch let error as TOMLParseError {
            throw ScenarioError("TOML syntax error at \(error.source.begin): \(error.description)")
        } catch {
            throw ScenarioError("scenario does not match the schema: \(error)")
        }
        var faults: [ScheduledFault] = []
        for (index, entry) in (file.fault ?? []).enumerated() {
            faults += try entry.scheduled(number: index + 1)
        }
        return Scenario(
            name: file.name, description: file.description ?? "", notEntitled: file.not_entitled ?? [],
            faults: faults)
    }
}

private struct ScenarioFile: Decodable {
    var name: String
    var description: String?
    var not_entitled: [String]?
    var fault: [Entry]?

    struct Entry: Decodable {
        var at: Seconds
        var kind: String
        var symbol: String?
        var duration: Seconds?
        var restore_after: Seconds?
        var data: String?
        var farm: String?
        var reason: String?
        var delay: Seconds?

        func scheduled(number: Int) throws(ScenarioError) -> [Scenario.ScheduledFault] {
            let start = at.milliseconds
            guard start >= 0 else { throw ScenarioError("fault \(number): `at` must not be negative") }
            func later(_ seconds: Seconds?, _ fault: Fault) throws(ScenarioError) -> [Scenario.ScheduledFault] {
                guard let seconds else { return [] }
                guard seconds.milliseconds > 0 else {
                    throw ScenarioError("fault \(number): durations must be positive")
                }
                return [.init(offsetMilliseconds: start + seconds.milliseconds, fault: fault)]
            }
            func now(_ fault: Fault) -> Scenario.ScheduledFault {
                .init(offsetMilliseconds: start, fault: fault)
            }
            switch kind {
            case "expire-subscription":
                return [now(.expireSubscription(symbol: try requiredSymbol(number)))]
            case "stall-symbol":
                let symbol = try requiredSymbol(number)
                return [now(.stallSymbol(symbol: symbol))] + (try later(duration, .resumeSymbol(symbol: symbol)))
            case "stall-all":
                return [now(.stallAllMarketData)] + (try later(duration, .resumeAllMarketData))
            case "connectivity-lost":
                let maintained: Bool
                switch data ?? "maintained" {
                case "maintained": maintained = true
                case "lost": maintained = false
                default: throw ScenarioError("fault \(number): data must be \"maintained\" or \"lost\"")
                }
                return [now(.connectivityLost)]
                    + (try later(restore_after, .connectivityRestored(dataMaintained: maintained)))
            case "drop-connections":
                return [now(.dropAllConnections)]
            case "half-open":
                return [now(.beginHalfOpen)] + (try later(duration, .endHalfOpen))
            case "exceed-rate":
                return [now(.exceedRate)]
            case "reject-orders":
                let symbol = try requiredSymbol(number)
                let reason = reason.map { $0.trimmingCharacters(in: .whitespaces) } ?? Fault.defaultRejectionReason
                guard !reason.isEmpty else { throw ScenarioError("fault \(number): reason must not be empty") }
                return [now(.rejectOrders(symbol: symbol, reason: reason))] + (try later(duration, .acceptOrders(symbol: symbol)))
            case "farm-blip":
                let farm = farm ?? "usfarm"
                return [now(.dataFarmBroken(farm: farm))]
                    + (try later(duration ?? Seconds(milliseconds: 5000), .dataFarmRestored(farm: farm)))
            case "socket-down":
                return [now(.socketDown)] + (try later(duration, .socketUp))
            case "portal-down":
                return [now(.portalDown)] + (try later(duration, .portalUp))
            case "portal-slow":
                guard let delay, delay.milliseconds > 0 else { throw ScenarioError("fault \(number): portal-slow needs a positive delay (seconds)") }
                return [now(.portalSlow(milliseconds: Int(delay.milliseconds)))] + (try later(duration, .portalSlow(milliseconds: 0)))
            case "portal-session-expired":
                return [now(.portalSessionExpired)]
            case "portal-competing-session":
                return [now(.portalCompetingSession)]
            default:
                throw ScenarioError("fault \(number): unknown kind \"\(kind)\"")
            }
        }

        private func requiredSymbol(_ number: Int) throws(ScenarioError) -> String {
            guard let symbol, !symbol.isEmpty else {
                throw ScenarioError("fault \(number): \(kind) needs a symbol")
            }
            return symbol
        }
    }
}

/// Seconds written as an integer or a decimal, kept as whole milliseconds.
private struct Seconds: Decodable {
    var milliseconds: Int64

    init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let whole = try? container.decode(Int.self) {
            milliseconds = Int64(whole) * 1000
        } else {
            milliseconds = Int64((try container.decode(Double.self) * 1000).rounded())
        }
    }
}
