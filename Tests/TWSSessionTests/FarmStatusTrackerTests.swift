import Testing

@testable import TWSSession

@Suite struct FarmStatusTrackerTests {
    @Test func tracksEachFarmSeparatelyAndReportsOnlyChanges() {
        var tracker = FarmStatusTracker()
        let first = tracker.apply(code: 2104, text: "Market data farm connection is OK:usfarm")
        #expect(first == FarmTransition(kind: .marketData, farm: "usfarm", from: nil, to: .ok))
        #expect(tracker.apply(code: 2104, text: "Market data farm connection is OK:usfarm") == nil)
        _ = tracker.apply(code: 2104, text: "Market data farm connection is OK:cashfarm")
        _ = tracker.apply(code: 2103, text: "Market data farm connection is broken:usfarm")
        #expect(tracker.state(of: .marketData, named: "usfarm") == .broken)
        #expect(tracker.state(of: .marketData, named: "cashfarm") == .ok)
    }

    @Test func aRecoveryIsOKAfterBrokenEvenThroughConnecting() {
        var tracker = FarmStatusTracker()
        _ = tracker.apply(code: 2104, text: "OK:usfarm")
        #expect(tracker.apply(code: 2103, text: "broken:usfarm")?.isRecovery == false)
        #expect(tracker.apply(code: 2119, text: "connecting:usfarm")?.isRecovery == false)
        let back = tracker.apply(code: 2104, text: "OK:usfarm")
        #expect(back?.isRecovery == true)
        #expect(back?.isDataFarmRecovery == true)
        // Start-up OKs and sec-def recoveries are not data-farm blips.
        #expect(tracker.apply(code: 2106, text: "OK:ushmds")?.isRecovery == false)
        _ = tracker.apply(code: 2157, text: "broken:secdefil")
        let secdef = tracker.apply(code: 2158, text: "OK:secdefil")
        #expect(secdef?.isRecovery == true && secdef?.isDataFarmRecovery == false)
    }
}
