import TerminalUI

/// A known dashboard: ten symbols in several freshness states (AAPL live, MSFT stale 47 s,
/// NVDA no entitlement, SPY delayed, ...), positions, P&L, a limit-buy ticket, orders with a
/// lifecycle and a rejection, fills and messages, on a paper account.
enum DashboardFixture {
    static let watchlist: [WatchlistLine] = [
        WatchlistLine(symbol: "AAPL", bid: "231.18", ask: "231.22", last: "231.20", change: Figure("+1.25", .up),
                     changePercent: Figure("+0.54%", .up), volume: "41.2M", state: .live),
        WatchlistLine(symbol: "MSFT", bid: "415.02", ask: "415.10", last: "415.06", change: Figure("-1.64", .down),
                     changePercent: Figure("-0.39%", .down), volume: "18.9M", state: .stale, age: "47 s"),
        WatchlistLine(symbol: "NVDA", bid: nil, ask: nil, last: nil, state: .noEntitlement),
        WatchlistLine(symbol: "AMZN", bid: "186.40", ask: "186.44", last: "186.41", change: Figure("+0.30", .up),
                     changePercent: Figure("+0.16%", .up), volume: "30.1M", state: .aging, age: "3 s"),
        WatchlistLine(symbol: "GOOGL", bid: "171.90", ask: "171.95", last: "171.92", change: Figure("0.00"),
                     changePercent: Figure("0.00%"), volume: "22.0M", state: .live),
        WatchlistLine(symbol: "META", bid: "512.10", ask: "512.30", last: "512.20", change: Figure("-2.10", .down),
                     changePercent: Figure("-0.41%", .down), volume: "11.4M", state: .halted, age: "2 min 07 s"),
        WatchlistLine(symbol: "TSLA", bid: "243.00", ask: "243.10", last: "243.05", change: Figure("+5.05", .up),
                     changePercent: Figure("+2.12%", .up), volume: "95.3M", state: .frozen),
        WatchlistLine(symbol: "SPY", bid: "561.20", ask: "561.22", last: "561.21", change: Figure("+0.80", .up),
                     changePercent: Figure("+0.14%", .up), volume: "52.7M", state: .delayed),
        WatchlistLine(symbol: "QQQ", bid: nil, ask: nil, last: nil, state: .noData),
        WatchlistLine(symbol: "IWM", bid: "220.10", ask: "220.14", last: "220.12", change: Figure("-0.20", .down),
                     changePercent: Figure("-0.09%", .down), volume: "25.5M", state: .disconnected, age: "12 s"),
    ]

    static let positions: [PositionLine] = [
        PositionLine(symbol: "AAPL", quantity: "100", averageCost: "228.40", marketPrice: "231.20",
                    marketValue: "23,120.00", unrealizedPnL: Figure("+280.00", .up), realizedPnL: Figure("0.00"),
                    dailyPnL: Figure("+62.00", .up)),
        PositionLine(symbol: "MSFT", quantity: "-50", averageCost: "420.00", marketPrice: "415.06",
                    marketValue: "-20,753.00", priceState: .stale, unrealizedPnL: Figure("+247.00", .up),
                    realizedPnL: Figure("-12.50", .down), dailyPnL: Figure("-31.50", .down)),
    ]

    static let pnl = PnLSummary(
        daily: .init(Figure("+514.50", .up), source: "gateway"),
        unrealized: .init(Figure("+527.00", .up), source: "gateway"),
        realized: .init(Figure("-12.50", .down), source: "computed"),
        netLiquidation: .init(Figure("1,002,514.50")),
        buyingPower: .init(Figure.missing),
        history: [0, 40, 120, 90, 200, 310, 280, 420, 514.5])

    static let ticket = TicketView(
        side: .buy, quantity: "100", symbol: "AAPL", orderType: "LMT", limitPrice: "231.20",
        timeInForce: "DAY", mode: .edit, focusedField: .limitPrice, reference: "231.18 × 231.22",
        referenceState: .live)

    static let reviewLines = [
        "Side:        BUY", "Quantity:    100", "Symbol:      AAPL", "Type:        LMT",
        "Limit:       231.20", "TIF:         DAY", "Notional:    ≈ 23,120.00",
        "Commission:  ≈ 1.00 (IBKR Pro tiered estimate)", "Position:    100 → 200",
    ]

    static let orders: [OrderLine] = [
        OrderLine(orderID: "1044", side: .buy, quantity: "10", symbol: "MSFT", typeAndPrice: "STP LMT 420.00 420.10",
                 timeInForce: "GTC", status: .working, statusText: "PreSubmitted",
                 steps: [.init("10:29:58", "presubmitted")], owner: "cl 7", isOtherClient: true),
        OrderLine(orderID: "1043", side: .sell, quantity: "50", symbol: "TSLA", typeAndPrice: "LMT 243.001",
                 status: .rejected, statusText: "Rejected", steps: [.init("10:32:10", "submitted")],
                 rejectReason: "Limit price 243.001 is off the 0.01 tick"),
        OrderLine(orderID: "1042", side: .buy, quantity: "100", symbol: "AAPL", typeAndPrice: "LMT 231.20",
                 status: .filled, statusText: "Filled 100/100",
                 steps: [.init("10:31:02", "submitted"), .init("10:31:05", "filled 100")]),
    ]

    static let executions: [ExecutionLine] = [
        ExecutionLine(time: "10:31:05", side: .buy, quantity: "100", symbol: "AAPL", price: "231.19",
                     commission: "1.00", orderID: "1042", exchange: "ISLAND"),
    ]

    static let messages: [MessageLine] = [
        MessageLine(time: "10:32:11", level: .error, code: "354", text: "NVDA: not subscribed to market data", count: 3),
        MessageLine(time: "10:30:00", level: .info, code: "2104", text: "Market data farm connected (usfarm)"),
    ]

    static let status = StatusBarModel(
        gateway: "127.0.0.1:4002", serverVersion: "178", account: "DU1234567", accountBadge: .paper,
        connection: .connected, freshnessCounts: [.live: 2, .aging: 1, .stale: 1, .noEntitlement: 1],
        clock: "10:32:15")

    static let screen = DashboardScreen(
        watchlist: watchlist, positions: positions, pnl: pnl, ticket: ticket, orders: orders,
        executions: executions, messages: messages, status: status, focus: .watchlist,
        selection: [.watchlist: 0])

    /// The screen at `size` in Unicode with the default theme.
    static func render(_ screen: DashboardScreen = screen, width: Int, height: Int, glyphs: GlyphSet = .unicode) -> Canvas {
        DashboardView.render(screen, size: Size(width: width, height: height), theme: .builtinDefault, glyphs: glyphs)
    }

    /// The line of `canvas` containing `text`, if any.
    static func line(containing text: String, in canvas: Canvas) -> Int? {
        canvas.lines.firstIndex { $0.contains(text) }
    }
}

/// A pane-sized canvas, pre-filled with the sentinel `x` so untouched cells show.
func paneCanvas(_ size: Size) -> Canvas {
    Canvas(size: size, fill: Cell("x"))
}

/// The role letters under the first occurrence of `text` in `canvas` (searching from row
/// `fromRow`), or nil when the text is not shown. Assumes no wide characters before it.
func roles(of text: String, in canvas: Canvas, fromRow: Int = 0) -> String? {
    let lines = canvas.lines
    let roleLines = canvas.roleLines
    for row in fromRow..<lines.count {
        guard let range = lines[row].range(of: text) else { continue }
        let start = lines[row].distance(from: lines[row].startIndex, to: range.lowerBound)
        let letters = Array(roleLines[row])
        return String(letters[start..<min(letters.count, start + text.count)])
    }
    return nil
}

/// The sizes every pane and the dashboard are rendered at.
let paneSizes = [Size(width: 120, height: 40), Size(width: 100, height: 30), Size(width: 80, height: 24),
                 Size(width: 40, height: 10)]

/// Whether every character on the canvas is printable seven-bit ASCII.
func isASCII(_ canvas: Canvas) -> Bool {
    canvas.lines.allSatisfy { $0.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F } }
}
