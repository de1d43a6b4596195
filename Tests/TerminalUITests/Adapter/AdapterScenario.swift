import Dashboard
import TerminalUI
import Vocabulary

/// A dashboard state built only from real `DashboardEvent`s on a manual clock, starting at
/// 14:30:00 UTC: a paper login, quotes (AAPL live, MSFT stale 47 s, NVDA refused with 354,
/// AMZN aging 3 s), two positions, a bought-and-filled AAPL order, a rejected TSLA order and
/// a farm notice. `now` is 14:30:47.
struct AdapterScenario {
    /// 2024-06-10 14:30:00 UTC.
    static let start: Int64 = 1_718_029_800
    static let firstTickerID = 1_000_000_000
    static let account = "DU1234567"

    var state = DashboardState(now: AdapterScenario.time(start))
    var seconds: Int64 = start

    /// Both clocks at `seconds`: the monotonic instant counts from the epoch like the wall clock.
    var now: EventTime { Self.time(seconds) }

    static func time(_ seconds: Int64) -> EventTime {
        EventTime(instant: SessionInstant(offset: .seconds(seconds)), wall: Timestamp(secondsSinceEpoch: seconds))
    }

    mutating func send(_ event: DashboardEvent) {
        // The gateway answers a review's what-if at once.
        for case .requestWhatIf(let serial, _) in state.apply(event, at: now) {
            _ = state.apply(.whatIf(serial: serial, .answered(WhatIfReport(initMarginChange: 5_000, commission: 1))), at: now)
        }
    }

    mutating func user(_ intent: UserIntent) {
        send(.user(intent))
    }

    mutating func type(_ text: String) {
        for character in text { user(.insertText(String(character))) }
    }

    /// Moves the clock to `offset` seconds after the start and ticks.
    mutating func at(_ offset: Int64) {
        seconds = Self.start + offset
        send(.clockTick)
    }

    func tickerID(_ symbol: String) -> Int {
        Self.firstTickerID + (state.watchlist.index(of: symbol) ?? 99)
    }

    func screen(timeZone: DisplayTimeZone = .utc, keymap: Keymap = .defaults) -> DashboardScreen {
        DashboardScreen(state: state, now: now, keymap: keymap, timeZone: timeZone)
    }

    /// Connected to a paper account with every watchlist symbol requested.
    static func connected() -> AdapterScenario {
        var scenario = AdapterScenario()
        scenario.send(.started)
        scenario.send(.connecting(gateway: "127.0.0.1:4002"))
        scenario.send(.connected(serverVersion: 178, accounts: [account], nextOrderID: 100))
        for symbol in scenario.state.watchlist.symbols {
            scenario.send(.quoteRequested(symbol: symbol, requestID: scenario.tickerID(symbol), instrumentClass: .stock))
        }
        scenario.send(.accountValue(key: "NetLiquidation", value: "100000.00", currency: "USD", account: account))
        scenario.send(.accountValue(key: "BuyingPower", value: "400000.00", currency: "USD", account: account))
        return scenario
    }

    /// Quotes, the 354, positions and the farm notice, at 14:30:00; nothing else yet.
    static func market() -> AdapterScenario {
        var scenario = connected()
        scenario.tickAAPL()
        scenario.send(.quote(QuoteUpdate(symbol: "MSFT", bid: 415.02, ask: 415.10, last: 415.06, volume: 18_900_000, close: 416.70)))
        scenario.send(.quote(QuoteUpdate(symbol: "AMZN", bid: 186.40, ask: 186.44, last: 186.41, volume: 30_100_000, close: 186.11)))
        scenario.send(.notice(Notice(requestID: scenario.tickerID("NVDA"), code: 354,
                                     text: "Requested market data is not subscribed.")))
        scenario.send(.notice(Notice(code: 2104, text: "Market data farm connection is OK:usfarm")))
        scenario.send(.position(PositionUpdate(account: account, symbol: "AAPL", quantity: 100, averageCost: 228.40)))
        scenario.send(.position(PositionUpdate(account: account, symbol: "MSFT", quantity: -50, averageCost: 420.00)))
        return scenario
    }

    /// Trades counted so far: each AAPL tick reports a new last size, so it is a change (a
    /// tick repeating every value is no proof that data flows).
    var trades: FixedDecimal = 0

    mutating func tickAAPL() {
        trades += 1
        send(.quote(QuoteUpdate(symbol: "AAPL", bid: 231.19, ask: 231.21, last: 231.20, lastSize: trades, volume: 41_234_567, close: 229.95)))
    }

    /// The whole session: the AAPL order is reviewed at 14:30:40 (see `reviewed`), sent,
    /// submitted and filled; a TSLA order is rejected; at 14:30:47 AAPL is live, AMZN aging 3 s,
    /// MSFT stale 47 s.
    static func session() -> AdapterScenario {
        var scenario = reviewed()
        scenario.user(.submit)
        scenario.at(41)
        scenario.send(.openOrder(OpenOrderSnapshot(orderID: 100, symbol: "AAPL", side: .buy, quantity: 100,
                                                 orderType: .limit, limitPrice: FixedDecimal("231.21"), status: .submitted)))
        scenario.send(.orderStatus(OrderStatusReport(orderID: 100, status: .submitted, filled: 0, remaining: 100)))
        scenario.at(42)
        scenario.send(.execution(FillReport(executionID: "0001", orderID: 100, symbol: "AAPL", side: .buy,
                                                 shares: 100, price: 231.19)))
        scenario.send(.commission(executionID: "0001", commission: 1.00, realizedPnL: nil))
        scenario.send(.orderStatus(OrderStatusReport(orderID: 100, status: .filled, filled: 100, remaining: 0,
                                                     averageFillPrice: 231.19)))
        scenario.user(.submit)  // closes the sent ticket
        scenario.at(43)
        scenario.send(.openOrder(OpenOrderSnapshot(orderID: 90, symbol: "TSLA", side: .sell, quantity: 50,
                                                 orderType: .limit, limitPrice: FixedDecimal("243.00"), status: .preSubmitted)))
        scenario.send(.notice(Notice(requestID: 90, code: 201, text: "Order rejected - reason: insufficient margin")))
        scenario.send(.orderStatus(OrderStatusReport(orderID: 90, status: .inactive, filled: 0, remaining: 50)))
        scenario.at(44)
        scenario.send(.quote(QuoteUpdate(symbol: "AMZN", last: 186.42)))
        scenario.at(46)
        scenario.tickAAPL()
        scenario.at(47)
        return scenario
    }

    /// The market, then at 14:30:40 (AAPL freshly ticked) a buy ticket for 100 AAPL in review.
    static func reviewed() -> AdapterScenario {
        var scenario = market()
        scenario.at(40)
        scenario.tickAAPL()
        scenario.user(.openTicket(.buy))
        scenario.type("100")
        scenario.user(.submit)
        return scenario
    }
}
