import Testing
@testable import Dashboard

@Suite struct DashboardCommandTests {
    @Test(arguments: [
        ("buy 100 AAPL lmt 231.20", DashboardCommand.order("buy 100 AAPL lmt 231.20")),
        (":sell  5 msft", .order("sell 5 msft")),
        ("BUY 1 SPY", .order("BUY 1 SPY")),
        ("explain 354", .explain(354)),
        ("theme light", .theme("light")),
        ("add KO", .add("KO")),
        ("remove KO", .remove("KO")),
        ("rm KO", .remove("KO")),
        ("cancel 12", .cancel(12)),
        ("cancelall", .cancelAll),
        ("help", .help),
        ("q", .quit),
        ("quit", .quit),
    ])
    func parsesEveryCommand(line: String, expected: DashboardCommand) throws {
        #expect(try DashboardCommand.parse(line).get() == expected)
    }

    @Test(arguments: ["", "explain", "explain abc", "theme", "add", "remove", "cancel", "cancel x", "launch"])
    func refusesIncompleteOrUnknownCommandsWithASentence(line: String) {
        guard case .failure(let error) = DashboardCommand.parse(line) else {
            Issue.record("expected '\(line)' to fail")
            return
        }
        #expect(!error.message.isEmpty)
    }
}
