import Dashboard
import Foundation
import TWSClient
import TWSWire
import Vocabulary

/// The symbol detail view's data: the chart's bars, the depth book and the time & sales, while
/// the view is open (issue #14 item 2).
extension BrokerBridge {
    /// Follows `symbol`'s book (5 rows a side) and trades until `stopDetail`.
    func followDetail(_ symbol: String) {
        stopDetail()
        let contract = contract(for: symbol)
        let book = Task { [self] in
            for await event in await client.marketDepth(contract, rows: 5) {
                switch event {
                case .value(let book):
                    store.send(.detailDepth(
                        symbol: symbol,
                        bids: book.bids.map { DepthLevel(price: $0.price, size: $0.size?.doubleValue, marketMaker: $0.marketMaker) },
                        asks: book.asks.map { DepthLevel(price: $0.price, size: $0.size?.doubleValue, marketMaker: $0.marketMaker) },
                        failure: nil))
                case .notice(let notice) where !notice.isInformational:
                    store.send(.detailDepth(symbol: symbol, bids: [], asks: [], failure: "No book: \(notice.message) (\(notice.code))"))
                default:
                    break
                }
            }
        }
        let trades = Task { [self] in
            for await event in await client.tickByTick(contract, type: .last) {
                switch event {
                case .value(let tick):
                    guard let price = tick.tradePrice else { continue }
                    store.send(.detailTrade(symbol: symbol, time: tick.time, price: price, size: tick.tradeSize?.doubleValue, failure: nil))
                case .notice(let notice) where !notice.isInformational:
                    store.send(.detailTrade(symbol: symbol, time: Timestamp(secondsSinceEpoch: 0), price: 0, size: nil,
                                            failure: "No time & sales: \(notice.message) (\(notice.code))"))
                default:
                    break
                }
            }
        }
        state.withLock { $0.detailTasks = [book, trades] }
    }

    /// Stops the detail view's book and trades (ending their streams cancels them at IB).
    func stopDetail() {
        let tasks = state.withLock { state -> [Task<Void, Never>] in
            defer { state.detailTasks = [] }
            return state.detailTasks
        }
        for task in tasks { task.cancel() }
    }

    /// Reads the chart's bars for `range`.
    func requestDetailBars(_ symbol: String, range: SymbolDetail.Range) {
        Task { [self] in
            let (duration, barSize) = range.request
            do {
                let bars = try await client.historicalBars(contract(for: symbol), duration: duration, barSize: barSize)
                store.send(.detailBars(symbol: symbol, range: range, closes: bars.map(\.close), failure: nil))
            } catch {
                store.send(.detailBars(symbol: symbol, range: range, closes: [], failure: "No bars: \(error)"))
            }
        }
    }
}
