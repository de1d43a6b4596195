import PaperExchange

/// A keepUpToDate historical request: its query, its instrument and the bar last sent, so the
/// bar in progress is sent again only when it changed.
struct HistoryStream {
    var query: HistoricalQuery
    var conId: Int
    var formatDate: Int
    var lastSent: HistoricalBar?
}

/// A historical answer being drawn: the engine draws at most
/// ``GatewayEngine/historyBarsPerTurn`` bars an event-loop turn across all jobs, so a large
/// request (or a flood of them) never keeps other clients waiting for more than a turn.
struct HistoryJob {
    var connectionNumber: Int
    var reqId: Int
    var formatDate: Int
    var drawer: HistoricalBars
    var plan: HistoricalPlan
    var next = 0
    var bars: [HistoricalBar] = []
}
