import PaperExchange

/// Time texts in the shapes TWS writes them.
enum GatewayTimeText {
    /// The handshake's connection time: `20251124 14:30:00 UTC`.
    static func connectionTime(_ time: Timestamp) -> String {
        let civil = CivilTime(time)
        return civil.compactDate + " " + clock(civil) + " UTC"
    }

    /// ACCT_UPDATE_TIME's `HH:MM`.
    static func accountUpdateTime(_ time: Timestamp, utcOffsetSeconds: Int) -> String {
        let civil = CivilTime(time, utcOffsetSeconds: utcOffsetSeconds)
        return pad(civil.hour) + ":" + pad(civil.minute)
    }

    /// A bar date: `YYYYMMDD` for daily bars, `YYYYMMDD HH:MM:SS` otherwise (formatDate 1),
    /// or Unix seconds (formatDate 2).
    static func barDate(_ time: Timestamp, daily: Bool, formatDate: Int, utcOffsetSeconds: Int) -> String {
        if formatDate == 2, !daily { return String(time.secondsSinceEpoch) }
        let civil = CivilTime(time, utcOffsetSeconds: utcOffsetSeconds)
        return daily ? civil.compactDate : civil.compactDate + " " + clock(civil)
    }

    /// HEAD_TIMESTAMP's `yyyyMMdd-HH:mm:ss`, in UTC.
    static func headTimestamp(_ time: Timestamp) -> String {
        let civil = CivilTime(time)
        return civil.compactDate + "-" + clock(civil)
    }

    /// `HH:MM:SS`.
    static func clock(_ civil: CivilTime) -> String {
        pad(civil.hour) + ":" + pad(civil.minute) + ":" + pad(civil.second)
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}
