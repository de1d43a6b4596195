/// Every text ibterm writes for a wall-clock time, shown on screen or sent on the wire, written
/// without Foundation's formatters so it is the same on every machine and locale.
///
/// Each function takes the ``Timestamp`` and the offset from UTC of the zone to write it in (`0`,
/// UTC, unless said otherwise):
///
/// | function | text |
/// | --- | --- |
/// | ``timeOfDay(_:utcOffsetSeconds:)`` | `14:31:07` |
/// | ``timeOfDayWithMilliseconds(_:utcOffsetSeconds:)`` | `14:31:07.123` |
/// | ``timeOfDayUTC(_:)`` | `14:31:07 UTC` |
/// | ``hourMinute(_:utcOffsetSeconds:)`` | `14:31` (IB's account update time) |
/// | ``date(_:utcOffsetSeconds:)`` | `20251124` (IB's `yyyyMMdd`) |
/// | ``month(_:utcOffsetSeconds:)`` | `202511` |
/// | ``dateTime(_:utcOffsetSeconds:)`` | `20251124 14:31:07` (IB's `yyyyMMdd HH:mm:ss`) |
/// | ``executionTime(_:utcOffsetSeconds:)`` | `20251124  14:31:07` (two spaces, as TWS sends executions) |
/// | ``connectionTime(_:)`` | `20251124 14:31:07 UTC` (the handshake's) |
/// | ``dashedDateTime(_:)`` | `20251124-14:31:07` (IB's UTC `yyyyMMdd-HH:mm:ss`, as HEAD_TIMESTAMP's) |
/// | ``iso8601(_:fractionalSeconds:)`` | `2025-11-24T14:31:07Z` |
///
/// The times shown to the trader take a ``DisplayTimeZone`` instead of an offset (the offset in
/// force at that instant): ``timeOfDay(_:in:)``, ``timeOfDayWithZone(_:in:)`` (`14:31:07 EST`),
/// ``timeOfDayWithMilliseconds(_:in:)`` and ``dateTime(_:in:)``.
public enum TimeText {
    /// `HH:MM:SS`.
    public static func timeOfDay(_ time: Timestamp, utcOffsetSeconds: Int = 0) -> String {
        clock(CivilTime(time, utcOffsetSeconds: utcOffsetSeconds))
    }

    /// `HH:MM:SS.mmm`.
    public static func timeOfDayWithMilliseconds(_ time: Timestamp, utcOffsetSeconds: Int = 0) -> String {
        let civil = CivilTime(time, utcOffsetSeconds: utcOffsetSeconds)
        return clock(civil) + "." + pad(civil.millisecond, 3)
    }

    /// `HH:MM:SS UTC`.
    public static func timeOfDayUTC(_ time: Timestamp) -> String {
        timeOfDayWithZone(time, in: .utc)
    }

    /// `HH:MM:SS` in `zone`.
    public static func timeOfDay(_ time: Timestamp, in zone: DisplayTimeZone) -> String {
        timeOfDay(time, utcOffsetSeconds: zone.offsetSeconds(at: time))
    }

    /// `HH:MM:SS ZONE` in `zone`, with the abbreviation in force then: `14:31:07 EST`.
    public static func timeOfDayWithZone(_ time: Timestamp, in zone: DisplayTimeZone) -> String {
        timeOfDay(time, in: zone) + " " + zone.abbreviation(at: time)
    }

    /// `HH:MM:SS.mmm` in `zone`.
    public static func timeOfDayWithMilliseconds(_ time: Timestamp, in zone: DisplayTimeZone) -> String {
        timeOfDayWithMilliseconds(time, utcOffsetSeconds: zone.offsetSeconds(at: time))
    }

    /// `YYYYMMDD HH:MM:SS` in `zone`.
    public static func dateTime(_ time: Timestamp, in zone: DisplayTimeZone) -> String {
        dateTime(time, utcOffsetSeconds: zone.offsetSeconds(at: time))
    }

    /// `HH:MM`.
    public static func hourMinute(_ time: Timestamp, utcOffsetSeconds: Int = 0) -> String {
        let civil = CivilTime(time, utcOffsetSeconds: utcOffsetSeconds)
        return pad(civil.hour, 2) + ":" + pad(civil.minute, 2)
    }

    /// `YYYYMMDD`, IB's date.
    public static func date(_ time: Timestamp, utcOffsetSeconds: Int = 0) -> String {
        compactDate(CivilTime(time, utcOffsetSeconds: utcOffsetSeconds))
    }

    /// `YYYYMM`, the key of a commission month.
    public static func month(_ time: Timestamp, utcOffsetSeconds: Int = 0) -> String {
        let civil = CivilTime(time, utcOffsetSeconds: utcOffsetSeconds)
        return pad(civil.year, 4) + pad(civil.month, 2)
    }

    /// `YYYYMMDD HH:MM:SS`, IB's date and time (`yyyyMMdd HH:mm:ss`).
    public static func dateTime(_ time: Timestamp, utcOffsetSeconds: Int = 0) -> String {
        dateAndClock(CivilTime(time, utcOffsetSeconds: utcOffsetSeconds), separator: " ")
    }

    /// `YYYYMMDD  HH:MM:SS`, IB's execution time, with the two spaces real TWS sends.
    public static func executionTime(_ time: Timestamp, utcOffsetSeconds: Int = 0) -> String {
        dateAndClock(CivilTime(time, utcOffsetSeconds: utcOffsetSeconds), separator: "  ")
    }

    /// `YYYYMMDD HH:MM:SS UTC`, the handshake's connection time.
    public static func connectionTime(_ time: Timestamp) -> String {
        dateTime(time) + " UTC"
    }

    /// `YYYYMMDD-HH:MM:SS` in UTC, IB's `yyyyMMdd-HH:mm:ss` (HEAD_TIMESTAMP's date).
    public static func dashedDateTime(_ time: Timestamp) -> String {
        dateAndClock(CivilTime(time), separator: "-")
    }

    /// ISO 8601 in UTC: `YYYY-MM-DDTHH:MM:SSZ`, or `YYYY-MM-DDTHH:MM:SS.mmmZ` with
    /// `fractionalSeconds`.
    public static func iso8601(_ time: Timestamp, fractionalSeconds: Bool = false) -> String {
        let civil = CivilTime(time)
        let date = pad(civil.year, 4) + "-" + pad(civil.month, 2) + "-" + pad(civil.day, 2)
        let fraction = fractionalSeconds ? "." + pad(civil.millisecond, 3) : ""
        return date + "T" + clock(civil) + fraction + "Z"
    }

    /// `YYYYMMDD`, `separator`, `HH:MM:SS`, written straight into one string (a history answer
    /// writes one per bar); years outside 0...9999 take the general path.
    private static func dateAndClock(_ civil: CivilTime, separator: StaticString) -> String {
        guard (0...9999).contains(civil.year) else {
            return compactDate(civil) + separator.description + clock(civil)
        }
        return String(unsafeUninitializedCapacity: 16 + separator.utf8CodeUnitCount) { buffer in
            var index = 0
            func digits(_ value: Int, _ width: Int) {
                var divisor = 1
                for _ in 1..<width { divisor *= 10 }
                var rest = value
                while divisor > 0 {
                    buffer[index] = UInt8(ascii: "0") + UInt8(rest / divisor)
                    rest %= divisor
                    divisor /= 10
                    index += 1
                }
            }
            func byte(_ value: UInt8) {
                buffer[index] = value
                index += 1
            }
            digits(civil.year, 4)
            digits(civil.month, 2)
            digits(civil.day, 2)
            separator.withUTF8Buffer { for value in $0 { byte(value) } }
            digits(civil.hour, 2)
            byte(UInt8(ascii: ":"))
            digits(civil.minute, 2)
            byte(UInt8(ascii: ":"))
            digits(civil.second, 2)
            return index
        }
    }

    private static func clock(_ civil: CivilTime) -> String {
        pad(civil.hour, 2) + ":" + pad(civil.minute, 2) + ":" + pad(civil.second, 2)
    }

    private static func compactDate(_ civil: CivilTime) -> String {
        pad(civil.year, 4) + pad(civil.month, 2) + pad(civil.day, 2)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
