import Foundation
@testable import PaperExchange
import Vocabulary

/// Shared test inputs: the shipped data files and hand-made quotes.
enum Fixtures {
    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// 2025-11-24 16:00:00 UTC (11:00 in New York).
    static let t0 = Timestamp(secondsSinceEpoch: 1_764_000_000)

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    static func universe() throws -> InstrumentUniverse {
        try InstrumentUniverse.parse(toml: text("Sources/PaperGateway/Resources/instruments.toml")).listingFutures(on: t0)
    }

    static func decimal(_ text: String) -> FixedDecimal {
        FixedDecimal(text)!
    }

    static func quote(
        _ instrument: Instrument, bid: String, ask: String, bidSize: Int = 500, askSize: Int = 500,
        last: String? = nil, at time: Timestamp = t0
    ) -> TopOfBook {
        TopOfBook(
            conId: instrument.conId, bid: decimal(bid), ask: decimal(ask), bidSize: bidSize,
            askSize: askSize, last: last.map(decimal) ?? decimal(bid), lastSize: 100, volume: 0,
            open: nil, high: nil, low: nil, close: instrument.referencePrice, time: time)
    }

    static func context(cash: FixedDecimal = 1_000_000) -> FillContext {
        FillContext(
            account: PaperAccount(accountId: "DU0000001", cash: cash), schedule: .ibkrProTiered,
            converter: CurrencyConverter(), utcOffsetSeconds: -5 * 3600)
    }

    static func order(
        _ id: Int, _ action: OrderAction, _ quantity: Int, _ type: OrderType, limit: String? = nil,
        stop: String? = nil, tif: TimeInForce = .day
    ) -> OrderRequest {
        order(id, "AAPL", action, quantity, type, limit: limit, stop: stop, tif: tif)
    }

    static func order(
        _ id: Int, _ symbol: String, _ action: OrderAction, _ quantity: Int,
        _ type: OrderType, limit: String? = nil, stop: String? = nil, tif: TimeInForce = .day
    ) -> OrderRequest {
        OrderRequest(
            orderId: id, clientId: 1,
            contract: ContractQuery(symbol: symbol, secType: "STK", exchange: "SMART", currency: "USD"),
            action: action, totalQuantity: quantity, orderType: type, lmtPrice: limit.map(decimal),
            auxPrice: stop.map(decimal), tif: tif)
    }

    /// Places `request` on `engine` against `quote`, resolving its contract in `universe`.
    static func place(
        _ engine: inout MatchingEngine, _ request: OrderRequest, _ quote: TopOfBook, _ context: inout FillContext,
        in universe: InstrumentUniverse
    ) -> [OrderOutcome] {
        engine.place(request, instrument: universe.resolve(request.contract), quote: quote, at: quote.time, context: &context)
    }

    /// A market event carrying `quote` (and `trade`).
    static func event(_ quote: TopOfBook, trade: Trade? = nil) -> MarketEvent {
        MarketEvent(conId: quote.conId, time: quote.time, changed: .all, quote: quote, trade: trade)
    }
}
