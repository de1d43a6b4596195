import Testing
@testable import ibterm_bench

/// A short soak (the benchmark's own run, seeded, four faults) so the invariants stay checked
/// in CI: nothing lost, duplicated or invented, every fault noticed and recovered from, every
/// subscription restored. Detection times are left to the benchmark (they depend on load).
@Suite(.timeLimit(.minutes(2))) struct SoakTests {
    @Test func droppedAndHalfOpenConnectionsWhileTradingLoseDuplicateAndInventNothing() async throws {
        var options = SoakOptions()
        options.disconnects = 4
        options.symbols = 5
        options.seed = 7
        options.kindCycle = [.dropped, .halfOpen]
        options.faultDelay = 50...600
        options.dropDuringSyncShare = 0.5
        let report = try await SoakRun(options: options).run()
        #expect(report.faults.count == 4)
        #expect(report.faults.map(\.kind) == [.dropped, .halfOpen, .dropped, .halfOpen])
        #expect(report.tally.placeAttempts > 0 && report.acknowledged > 0, "the worker traded")
        let failures = report.invariantFailures
        #expect(failures.isEmpty, "\(failures.joined(separator: "; "))")
    }
}
