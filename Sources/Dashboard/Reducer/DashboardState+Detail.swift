import Vocabulary

/// The symbol detail view: `Enter` on a watchlist row opens it, `1` `5` `m` pick the chart's
/// span, `Esc` closes it and stops its depth and time & sales.
extension DashboardState {
    /// `Enter` in the watchlist.
    mutating func openDetail() -> [DashboardEffect] {
        guard interface.focusedPane == .watchlist, let symbol = selectedSymbol else {
            note(.nothingToDo, "No symbol selected", "Select a symbol in the watchlist and press Enter for its chart, book and trades.")
            return []
        }
        var opened = SymbolDetail(symbol: symbol)
        opened.chartStyle = detailChartStyle
        detail = opened
        setOverlay(.detail)
        return [.followDetail(symbol: symbol), .requestDetailBars(symbol: symbol, range: .day)]
    }

    /// A new span for the chart.
    mutating func setDetailRange(_ range: SymbolDetail.Range) -> [DashboardEffect] {
        guard var current = detail, current.range != range else { return [] }
        current.range = range
        current.closes = []
        current.barsLoaded = false
        current.barsMessage = nil
        detail = current
        changed = true
        return [.requestDetailBars(symbol: current.symbol, range: range)]
    }

    /// `c`: the chart as a braille line, or back to blocks; kept for the next detail view.
    mutating func toggleDetailChartStyle() -> [DashboardEffect] {
        guard var current = detail else { return [] }
        current.chartStyle = current.chartStyle == .blocks ? .line : .blocks
        detailChartStyle = current.chartStyle
        detail = current
        changed = true
        return []
    }

    /// `Esc`: closes the view and stops its streams.
    mutating func closeDetail() -> [DashboardEffect] {
        guard let current = detail else { return [] }
        detail = nil
        closeOverlay()
        return [.stopDetail(symbol: current.symbol)]
    }

    /// The bars of `range` (their closes), or why they were refused; kept only for the span
    /// the view shows.
    mutating func receiveDetailBars(symbol: String, range: SymbolDetail.Range, closes: [Double], failure: String?) {
        guard var current = detail, current.symbol == symbol, current.range == range else { return }
        current.closes = closes
        current.barsLoaded = true
        current.barsMessage = failure ?? (closes.isEmpty ? "The gateway sent no bars for \(range.rawValue)." : nil)
        detail = current
        changed = true
    }

    /// The whole book as it stands, or why it was refused.
    mutating func receiveDetailDepth(symbol: String, bids: [DepthLevel], asks: [DepthLevel], failure: String?) {
        guard var current = detail, current.symbol == symbol else { return }
        if let failure {
            current.depthMessage = failure
        } else {
            current.bids = bids
            current.asks = asks
            current.depthMessage = nil
        }
        detail = current
        changed = true
    }

    /// A trade of the time & sales (its side judged against the quote now), or why they were
    /// refused.
    mutating func receiveDetailTrade(symbol: String, time: Timestamp, price: Double, size: Double?, failure: String?) {
        guard var current = detail, current.symbol == symbol else { return }
        if let failure {
            current.tradesMessage = failure
        } else {
            let quote = quotes.tracked(symbol)?.quote
            let aggressor: TradePrint.Aggressor
            if let ask = quote?.ask, price >= ask { aggressor = .buyer } else if let bid = quote?.bid, price <= bid {
                aggressor = .seller
            } else { aggressor = .unknown }
            current.record(TradePrint(time: time, price: price, size: size, aggressor: aggressor))
            current.tradesMessage = nil
        }
        detail = current
        changed = true
    }
}
