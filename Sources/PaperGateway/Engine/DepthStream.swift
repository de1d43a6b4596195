import PaperExchange

/// A reqMktDepth line: its instrument, its shape and the rows last sent, so that each move of
/// the market sends only the rows that changed.
struct DepthStream {
    var conId: Int
    var rows: Int
    var smart: Bool
    var bids: [DepthLevel]
    var asks: [DepthLevel]
}
