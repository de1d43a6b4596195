import PaperExchange

/// A keepUpToDate historical request: its query, its instrument and the bar last sent, so the
/// bar in progress is sent again only when it changed.
struct HistoryStream {
    var query: HistoricalQuery
    var conId: Int
    var formatDate: Int
    var lastSent: HistoricalBar?
}
