import Foundation
import Vocabulary

/// The machine's own time zone as the pure layers take it: read once from the system's time
/// zone (`TZ`, `/etc/localtime`) by the executable, the only code that may.
enum MachineTimeZone {
    /// The local zone's offsets and abbreviations from a year before `now` to ten years after,
    /// with every daylight-saving change in between, so a dashboard left running across a change
    /// shows the new offset and abbreviation at the right instant.
    static func current(now: Date = Date(), zone: TimeZone = .current) -> DisplayTimeZone {
        let end = now.addingTimeInterval(10 * 366 * 86_400)
        var instant = now.addingTimeInterval(-366 * 86_400)
        var periods = [period(zone, from: instant)]
        while periods.count < 64, let change = zone.nextDaylightSavingTimeTransition(after: instant), change < end {
            periods.append(period(zone, from: change))
            instant = change
        }
        return .local(TimeZoneRules(periods: periods))
    }

    private static func period(_ zone: TimeZone, from instant: Date) -> TimeZoneRules.Period {
        let offset = zone.secondsFromGMT(for: instant)
        return TimeZoneRules.Period(
            start: Timestamp(fractionalSecondsSinceEpoch: instant.timeIntervalSince1970), offsetSeconds: offset,
            abbreviation: abbreviation(zone.abbreviation(for: instant), offsetSeconds: offset))
    }

    /// The zone's own abbreviation (`CET`, `EST`); `UTC` for a zero offset called `GMT` or
    /// `UTC`; else the offset as `UTC+05:30`, never an empty name.
    static func abbreviation(_ name: String?, offsetSeconds: Int) -> String {
        if offsetSeconds == 0, name == nil || name == "GMT" || name == "UTC" || name == "GMT+0" { return "UTC" }
        if let name, !name.isEmpty, !name.hasPrefix("GMT") { return name }
        let minutes = abs(offsetSeconds) / 60
        let sign = offsetSeconds < 0 ? "-" : "+"
        let hours = minutes / 60 < 10 ? "0\(minutes / 60)" : "\(minutes / 60)"
        let rest = minutes % 60 < 10 ? "0\(minutes % 60)" : "\(minutes % 60)"
        return "UTC\(sign)\(hours):\(rest)"
    }
}
