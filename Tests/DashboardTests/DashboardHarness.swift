import Foundation
import Vocabulary
@testable import Dashboard

/// Drives a `DashboardState` with a manual clock (milliseconds since the epoch) and keeps every
/// effect returned, so tests read as scripts: events in, state and effects out.
struct DashboardHarness {
    /// Ticker ids start far above order ids, as the client's allocator does.
    static let firstTickerID = 1_000_000_000
    /// The paper account the connected harness logs in with.
    static let paperAccount = "DU1234567"

    var state: DashboardState
    var clock: Int64
    var allEffects: [DashboardEffect] = []

    init(config: DashboardConfig = DashboardConfig(), startMilliseconds: Int64 = 1_718_000_000_000) {
        clock = startMilliseconds
        state = DashboardState(config: config, now: Self.time(startMilliseconds))
    }

    /// The manual clock as both clocks: the monotonic instant and the wall clock move together
    /// (a test of a wall-clock step moves `wallOffset`).
    var time: EventTime { Self.time(clock, wallOffset: wallOffset) }
    /// The wall-clock part of `time` (what the journal and the message log show).
    var now: Timestamp { time.wall }
    /// The monotonic part of `time`.
    var instant: SessionInstant { time.instant }
    /// Added to the wall clock only, to step it (as NTP would) without moving the monotonic one.
    var wallOffset: Int64 = 0

    static func time(_ milliseconds: Int64, wallOffset: Int64 = 0) -> EventTime {
        EventTime(
            instant: SessionInstant(offset: .milliseconds(milliseconds)),
            wall: Timestamp(millisecondsSinceEpoch: milliseconds + wallOffset))
    }

    /// Applies `event` at the current manual time and returns its effects.
    /// Whether a review's what-if is answered at once (as the gateway would, with
    /// `whatIfAnswer`); tests of the what-if itself turn it off and answer themselves.
    var answersWhatIf = true
    var whatIfAnswer = WhatIfStatus.answered(WhatIfReport(
        initMarginChange: 5_000, maintMarginChange: 4_000, equityWithLoanAfter: 99_999, commission: 1))

    @discardableResult
    mutating func send(_ event: DashboardEvent) -> [DashboardEffect] {
        let effects = state.apply(event, at: time)
        allEffects += effects
        if answersWhatIf {
            for case .requestWhatIf(let serial, _) in effects {
                allEffects += state.apply(.whatIf(serial: serial, whatIfAnswer), at: time)
            }
        }
        return effects
    }

    /// Applies a user intent.
    @discardableResult
    mutating func user(_ intent: UserIntent) -> [DashboardEffect] {
        send(.user(intent))
    }

    /// Types `text` into the active field, one character at a time, as the UI would.
    mutating func type(_ text: String) {
        for character in text { user(.insertText(String(character))) }
    }

    /// Moves the manual clock forward and applies a clock tick.
    @discardableResult
    mutating func advance(milliseconds: Int64) -> [DashboardEffect] {
        clock += milliseconds
        return send(.clockTick)
    }

    /// Moves the manual clock forward by whole seconds and ticks.
    @discardableResult
    mutating func advance(seconds: Int64) -> [DashboardEffect] {
        advance(milliseconds: seconds * 1000)
    }

    /// The ticker id the harness used for `symbol` (its place on the default watchlist).
    func tickerID(_ symbol: String) -> Int {
        Self.firstTickerID + (state.watchlist.index(of: symbol) ?? 99)
    }

    /// Starts, connects to a paper account with next order id 100, and reports every watchlist
    /// symbol as requested; net liquidation 100,000.
    static func connected(
        config: DashboardConfig = DashboardConfig(), accounts: [String] = [paperAccount]
    ) -> DashboardHarness {
        var harness = DashboardHarness(config: config)
        harness.send(.started)
        harness.send(.connecting(gateway: "127.0.0.1:4002"))
        harness.send(.connected(serverVersion: 178, accounts: accounts, nextOrderID: 100))
        for symbol in harness.state.watchlist.symbols {
            harness.send(.quoteRequested(symbol: symbol, requestID: harness.tickerID(symbol), instrumentClass: .stock))
        }
        harness.send(.accountValue(key: "NetLiquidation", value: "100000.00", currency: "USD", account: accounts.first ?? ""))
        harness.allEffects = []
        return harness
    }

    /// A connected harness with a live AAPL quote (bid 231.19, ask 231.21, last 231.20,
    /// close 229.00) that just arrived.
    static func withLiveAAPL(config: DashboardConfig = DashboardConfig(), accounts: [String] = [paperAccount]) -> DashboardHarness {
        var harness = connected(config: config, accounts: accounts)
        harness.tickAAPL()
        return harness
    }

    /// A fresh AAPL tick.
    /// Each tick reports a new last size, so it is a change even at the same price (a tick
    /// repeating every value is no proof that data flows).
    mutating func tickAAPL(last: Double = 231.20) {
        trades += 1
        send(.quote(QuoteUpdate(symbol: "AAPL", bid: last - 0.01, ask: last + 0.01, last: last, lastSize: trades, volume: 1_000_000, close: 229.00)))
    }

    /// AAPL trades so far (the last size of the next tick).
    var trades: FixedDecimal = 0

    /// The orders placed so far (id and instruction), from the effects.
    var placedOrders: [(Int, OrderInstruction)] {
        allEffects.compactMap { effect in
            if case .placeOrder(let id, let instruction) = effect { return (id, instruction) }
            return nil
        }
    }

    /// The journal lines returned so far.
    var journal: [JournalEntry] {
        allEffects.compactMap { effect in
            if case .journal(let entry) = effect { return entry }
            return nil
        }
    }

    /// The newest message in the log.
    var latestMessage: ExplainedMessage? {
        state.messages.newestFirst.first?.message
    }
}

/// Shorthand for a decimal literal.
func dec(_ text: String) -> FixedDecimal { FixedDecimal(text)! }

extension Array where Element == DashboardEffect {
    /// The effects that act on the gateway or the app, without journal lines.
    var actions: [DashboardEffect] {
        filter { if case .journal = $0 { false } else { true } }
    }

    /// The journal lines among the effects.
    var journalEntries: [JournalEntry] {
        compactMap { if case .journal(let entry) = $0 { entry } else { nil } }
    }
}
