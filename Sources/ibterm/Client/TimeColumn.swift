import Vocabulary

/// A table's column of times in the zone the trader chose, with the zone named once in the
/// header (`TIME (EST)`), or after each time when the rows straddle a change of abbreviation
/// (`20261101 01:30:00 EDT`). A time IB sent in a form ibterm cannot read (a zone it does not
/// know) is shown as IB wrote it.
struct TimeColumn {
    /// The header: `TIME (EST)`, or `TIME` when each row names its zone.
    let header: String
    /// One text per row, in the order given.
    let texts: [String]
    /// The column's width with two spaces after its widest text (at least 22, as before).
    var width: Int { ([header] + texts).map(\.count).reduce(20, max) + 2 }

    /// The column for `times` (`nil`: not read, shown as its `raw` text) in `zone`.
    init(_ times: [(time: Timestamp?, raw: String)], zone: DisplayTimeZone) {
        let names = Set(times.compactMap { $0.time.map(zone.abbreviation(at:)) })
        let suffix = names.count > 1
        header = names.count == 1 ? "TIME (\(names.first!))" : "TIME"
        texts = times.map { row in
            guard let time = row.time else { return row.raw }
            return TimeText.dateTime(time, in: zone) + (suffix ? " " + zone.abbreviation(at: time) : "")
        }
    }
}
