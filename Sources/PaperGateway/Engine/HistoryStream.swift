import PaperExchange
import TWSWire

/// A keepUpToDate historical request: its query, its instrument and the bar last sent, so the
/// bar in progress is sent again only when it changed.
struct HistoryStream {
    var query: HistoricalQuery
    var conId: Int
    var formatDate: Int
    var lastSent: HistoricalBar?
}

/// A historical answer being drawn: the engine draws and encodes at most
/// ``GatewayConfiguration/historyBarsPerTurn`` bars an event-loop turn across all jobs, so a
/// large request (or a flood of them) never keeps other clients waiting for more than a turn;
/// the bars are kept encoded (``HistoricalDataEncoder``) until the answer is whole, and sent as
/// one HISTORICAL_DATA message, as IB's clients read it.
struct HistoryJob {
    var connectionNumber: Int
    var reqId: Int
    var formatDate: Int
    var drawer: HistoricalBars
    var plan: HistoricalPlan
    /// Where drawing goes on; `nil` once every bar is drawn.
    var cursor: HistoricalCursor? = .start
    /// The bars drawn so far, encoded.
    var answer: HistoricalDataEncoder
    /// The newest bar drawn (a keepUpToDate request's first update compares with it).
    var lastBar: HistoricalBar?
}
