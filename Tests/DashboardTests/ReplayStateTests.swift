import Testing
import Vocabulary
@testable import Dashboard

/// A replay in the dashboard: its keys become effects only in a replay, its progress is kept
/// for the status bar, a rewind forgets the orders learnt after the target, and the staleness
/// thresholds scale with the speed.
@Suite struct ReplayStateTests {
    static func replayConfig(speed: Double = 10) -> DashboardConfig {
        var config = DashboardConfig()
        config.replay = "REPLAY ×10"
        config.staleness = config.staleness.scaled(by: speed)
        return config
    }

    static func progress(_ seconds: Int64, paused: Bool = false, rewinds: Int = 0) -> ReplayProgress {
        let start: Int64 = 1_764_858_000_000
        return ReplayProgress(
            position: Timestamp(millisecondsSinceEpoch: start + seconds * 1000), start: Timestamp(millisecondsSinceEpoch: start),
            end: Timestamp(millisecondsSinceEpoch: start + 300_000), isPaused: paused, rewinds: rewinds)
    }

    @Test func theReplayKeysAskTheReplayAndOutsideAReplayTheFooterSaysSo() {
        var replay = DashboardHarness.connected(config: Self.replayConfig())
        #expect(replay.user(.replay(.togglePause)) == [.controlReplay(.togglePause)])
        #expect(replay.user(.replay(.jump(seconds: -60))) == [.controlReplay(.jump(seconds: -60))])
        var live = DashboardHarness.connected()
        #expect(live.user(.replay(.step)).isEmpty)
        let note = live.state.footerNote(at: live.instant)
        #expect(note?.text.contains("Not a replay") == true, "\(String(describing: note))")
    }

    @Test func progressIsKeptAndARewindForgetsOrdersAndFills() {
        var harness = DashboardHarness.connected(config: Self.replayConfig())
        harness.send(.replayProgress(Self.progress(120)))
        #expect(harness.state.replay?.fraction == 0.4)
        harness.send(.openOrder(OpenOrderSnapshot(orderID: 7, symbol: "AAPL", side: .buy, quantity: 7, orderType: .market, status: .submitted)))
        harness.send(.execution(FillReport(executionID: "e1", orderID: 7, symbol: "AAPL", side: .buy, shares: 7, price: 231.2)))
        harness.send(.position(PositionUpdate(symbol: "AAPL", quantity: 7, averageCost: 231.2)))
        harness.send(.replayProgress(Self.progress(130, paused: true)))
        #expect(harness.state.replay?.isPaused == true)
        #expect(harness.state.orders[7] != nil)
        harness.send(.replayProgress(Self.progress(70, rewinds: 1)))
        #expect(harness.state.orders.isEmpty)
        #expect(harness.state.executions.isEmpty)
        #expect(harness.state.positions.isEmpty)
        #expect(harness.state.replay?.rewinds == 1)
    }

    @Test func atTenTimesAQuoteIsStaleAfterATenthOfItsThresholdOfThisMachinesTime() {
        // AAPL is a stock: 5 s live; at ×10 the replay plays 5 recorded seconds in 0.5 s.
        var harness = DashboardHarness.connected(config: Self.replayConfig(speed: 10))
        harness.tickAAPL()
        harness.advance(milliseconds: 200)
        #expect(harness.state.freshness(of: "AAPL")?.state == .live)
        harness.advance(milliseconds: 200)   // 4 recorded seconds: above half the threshold
        #expect(harness.state.freshness(of: "AAPL")?.state == .aging)
        harness.advance(milliseconds: 200)   // 6 recorded seconds
        #expect(harness.state.freshness(of: "AAPL")?.state == .stale)
    }

    @Test func anAgeIsShownInRecordedTime() {
        let stale = QuoteFreshness(state: .stale, age: .seconds(4))
        #expect(stale.ageScaled(by: 10).label == "stale 40 s")
        #expect(stale.ageScaled(by: 1) == stale)
        #expect(QuoteFreshness(state: .live).ageScaled(by: 10) == QuoteFreshness(state: .live))
    }

    @Test func scalingDividesEveryThresholdAndOneOrNonsenseChangesNothing() {
        let policy = StalenessPolicy(defaultThreshold: .seconds(10), classThresholds: [.stock: .seconds(5)], symbolThresholds: ["SPY": .seconds(2)])
        let fast = policy.scaled(by: 10)
        #expect(fast.defaultThreshold == .seconds(1))
        #expect(fast.classThresholds[.stock] == .milliseconds(500))
        #expect(fast.symbolThresholds["SPY"] == .milliseconds(200))
        #expect(policy.scaled(by: 0.5).classThresholds[.stock] == .seconds(10))
        #expect(policy.scaled(by: 1) == policy)
        #expect(policy.scaled(by: 0) == policy)
        #expect(policy.scaled(by: .infinity) == policy)
    }
}
