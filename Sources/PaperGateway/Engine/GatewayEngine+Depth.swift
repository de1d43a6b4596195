import PaperExchange
import TWSWire
import Vocabulary

extension GatewayEngine {
    /// IB's limit on market-depth lines held at once by one client (error 309 past it).
    static let maximumDepthLines = 3
    /// The most rows a side the engine simulates.
    static let maximumDepthRows = 20

    /// reqMktDepth: the book under the live quote, inserted row by row (MARKET_DEPTH, or
    /// MARKET_DEPTH_L2 naming each row's exchange for smart depth), then kept up to date.
    func subscribeDepth(_ request: RequestMarketDepth, session: ClientSession) {
        let reqId = request.reqId
        guard let instrument = openLine(
            request.contract, reqId: reqId, inUse: session.depth[reqId] != nil, openLines: session.depth.count,
            limit: Self.maximumDepthLines,
            full: LineRefusal(code: 309, text: "Max number (\(Self.maximumDepthLines)) of market depth requests has been reached"),
            session: session)
        else { return }
        guard let quote = exchange.quote(conId: instrument.conId) else {
            send(error: 317, "Market depth data has been RESET. Please empty deep book contents before applying any new entries.", id: reqId, to: session)
            return
        }
        let rows = min(max(request.numRows, 1), Self.maximumDepthRows)
        var stream = DepthStream(conId: instrument.conId, rows: rows, smart: request.isSmartDepth, bids: [], asks: [])
        sendDepth(&stream, quote: quote, instrument: instrument, reqId: reqId, to: session)
        session.depth[reqId] = stream
    }

    /// cancelMktDepth: ends the line; nothing is sent for one that is not open (as TWS).
    func cancelDepth(reqId: Int, session: ClientSession) {
        session.depth[reqId] = nil
    }

    /// Sends each open depth line the rows a market move changed.
    func dispatchDepth(_ events: [MarketEvent]) {
        for session in readySessions where !session.depth.isEmpty {
            for (reqId, stream) in session.depth.sorted(by: { $0.key < $1.key }) {
                guard let event = events.last(where: { $0.conId == stream.conId }), !isStalled(stream.conId),
                      let instrument = universe.instrument(conId: stream.conId) else { continue }
                var updated = stream
                sendDepth(&updated, quote: event.quote, instrument: instrument, reqId: reqId, to: session)
                session.depth[reqId] = updated
            }
        }
    }

    /// Diffs the book under `quote` against the rows last sent: inserts for new rows, updates
    /// for changed ones.
    private func sendDepth(_ stream: inout DepthStream, quote: TopOfBook, instrument: Instrument, reqId: Int, to session: ClientSession) {
        for side in [1, 0] {
            let rows = DepthLadder.side(of: quote, instrument: instrument, bid: side == 1, rows: stream.rows, seed: configuration.seed)
            let old = side == 1 ? stream.bids : stream.asks
            for (position, row) in rows.enumerated() where position >= old.count || old[position] != row {
                let operation = position < old.count ? 1 : 0
                let size = FixedDecimal(row.size)
                if stream.smart {
                    session.send(.marketDepthL2(MarketDepthL2(
                        reqId: reqId, position: position, marketMaker: row.venue, operation: operation, side: side,
                        price: row.price.doubleValue, size: size, isSmartDepth: true)))
                } else {
                    session.send(.marketDepth(MarketDepth(
                        reqId: reqId, position: position, operation: operation, side: side, price: row.price.doubleValue, size: size)))
                }
            }
            if side == 1 { stream.bids = rows } else { stream.asks = rows }
        }
    }
}
