#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Vocabulary

/// The machine's own time zone as the pure layers take it: read once from the system's time
/// zone (`TZ`, `/etc/localtime`) by the executable, the only code that may.
enum MachineTimeZone {
    /// The machine's zone: the process's local zone (`TZ`, else `/etc/localtime`), named as the
    /// C library names it (`CET`, `CEST`; Foundation on Linux says `GMT+1`).
    static func current(now: Date = Date()) -> DisplayTimeZone {
        rules(now: now, zone: .current) { instant in
            var seconds = time_t(instant.timeIntervalSince1970.rounded(.down))
            var local = tm()
            guard localtime_r(&seconds, &local) != nil, let name = local.tm_zone else { return nil }
            return String(cString: name)
        }
    }

    /// `zone`'s offsets and abbreviations (`name` at an instant, else Foundation's) from a year
    /// before `now` to ten years after, with every daylight-saving change in between, so a
    /// dashboard left running across a change shows the new offset and abbreviation at the
    /// right instant.
    static func rules(now: Date, zone: TimeZone, name: (Date) -> String? = { _ in nil }) -> DisplayTimeZone {
        func period(from instant: Date) -> TimeZoneRules.Period {
            let offset = zone.secondsFromGMT(for: instant)
            return TimeZoneRules.Period(
                start: Timestamp(fractionalSecondsSinceEpoch: instant.timeIntervalSince1970), offsetSeconds: offset,
                abbreviation: abbreviation(name(instant) ?? zone.abbreviation(for: instant), offsetSeconds: offset))
        }
        let end = now.addingTimeInterval(10 * 366 * 86_400)
        var instant = now.addingTimeInterval(-366 * 86_400)
        var periods = [period(from: instant)]
        while periods.count < 64, let change = zone.nextDaylightSavingTimeTransition(after: instant), change < end {
            periods.append(period(from: change))
            instant = change
        }
        return .local(TimeZoneRules(periods: periods))
    }

    /// The zone's own abbreviation (`CET`, `EST`); `UTC` for a zero offset called `GMT` or
    /// `UTC`; else the offset as `UTC+05:30` (for Foundation's `GMT+1` and tzdata's `-03`),
    /// never an empty name.
    static func abbreviation(_ name: String?, offsetSeconds: Int) -> String {
        if offsetSeconds == 0, name == nil || name == "GMT" || name == "UTC" || name == "GMT+0" { return "UTC" }
        if let name, let first = name.first, first.isLetter, !name.hasPrefix("GMT") { return name }
        let minutes = abs(offsetSeconds) / 60
        let sign = offsetSeconds < 0 ? "-" : "+"
        let hours = minutes / 60 < 10 ? "0\(minutes / 60)" : "\(minutes / 60)"
        let rest = minutes % 60 < 10 ? "0\(minutes % 60)" : "\(minutes % 60)"
        return "UTC\(sign)\(hours):\(rest)"
    }
}
