import Foundation
import Testing
import PaperExchange

@Suite struct ScenarioTests {
    static let shipped = ["expire-aapl", "farm-blip", "nightly-reset", "half-open", "chaos", "reject-orders", "socket-down"]

    @Test(arguments: shipped)
    func parsesEveryShippedScenario(name: String) throws {
        let scenario = try Scenario.parse(toml: Fixtures.text("scenarios/\(name).toml"))
        #expect(scenario.name == name)
        #expect(!scenario.faults.isEmpty)
        #expect(!scenario.description.isEmpty)
        let readme = try Fixtures.text("scenarios/README.md")
        #expect(readme.contains("`\(name).toml`"))
    }

    @Test func chaosPlacesTheIssuesTimeline() throws {
        let scenario = try Scenario.parse(toml: Fixtures.text("scenarios/chaos.toml"))
        #expect(scenario.notEntitled == ["TSLA", "NVDA"])
        let timeline = scenario.timeline(start: Fixtures.t0)
        let at = { (seconds: Int64) in Fixtures.t0.adding(milliseconds: seconds * 1000) }
        #expect(timeline.due(from: at(30), to: at(31)) == [.expireSubscription(symbol: "AAPL")])
        #expect(timeline.due(from: at(40), to: at(41)) == [.stallSymbol(symbol: "MSFT")])
        #expect(timeline.due(from: at(90), to: at(96)) == [.connectivityLost, .connectivityRestored(dataMaintained: true)])
        #expect(timeline.due(from: at(100), to: at(104)) == [.dataFarmBroken(farm: "usfarm"), .dataFarmRestored(farm: "usfarm")])
        #expect(Fault.connectivityRestored(dataMaintained: true).notice?.code == 1102)
        #expect(Fault.dataFarmBroken(farm: "usfarm").notice?.text == "Market data farm connection is broken:usfarm")
        #expect(Fault.exceedRate.notice?.code == 100)
    }

    @Test func consecutiveIntervalsSeeEveryFaultExactlyOnce() throws {
        let scenario = try Scenario.parse(toml: Fixtures.text("scenarios/chaos.toml"))
        let timeline = scenario.timeline(start: Fixtures.t0)
        var seen: [Fault] = []
        var previous = Fixtures.t0
        for step in stride(from: Int64(333), through: 200_000, by: 333) {
            let now = Fixtures.t0.adding(milliseconds: step)
            seen += timeline.due(from: previous, to: now)
            previous = now
        }
        #expect(seen == scenario.faults.map(\.fault))
    }

    @Test func faultAtOffsetZeroIsDueInTheFirstCall() throws {
        let scenario = try Scenario.parse(toml: "name = \"x\"\n[[fault]]\nat = 0\nkind = \"exceed-rate\"\n")
        #expect(scenario.timeline(start: Fixtures.t0).due(from: Fixtures.t0, to: Fixtures.t0.adding(milliseconds: 1)) == [.exceedRate])
    }

    @Test func fractionalSecondsAndDataLostAreRead() throws {
        let scenario = try Scenario.parse(toml: """
            name = "y"
            [[fault]]
            at = 1.5
            kind = "connectivity-lost"
            restore_after = 2
            data = "lost"
            """)
        #expect(scenario.faults.map(\.offsetMilliseconds) == [1500, 3500])
        #expect(scenario.faults.last?.fault == .connectivityRestored(dataMaintained: false))
        #expect(scenario.faults.last?.fault.notice?.code == 1101)
    }

    @Test func rejectOrdersTakesASymbolAReasonAndADuration() throws {
        let scenario = try Scenario.parse(toml: Fixtures.text("scenarios/reject-orders.toml"))
        #expect(scenario.faults.map(\.offsetMilliseconds) == [5000, 65000])
        #expect(scenario.faults.first?.fault == .rejectOrders(symbol: "AAPL", reason: "The exchange is not accepting new orders in AAPL (trading halt)."))
        #expect(scenario.faults.last?.fault == .acceptOrders(symbol: "AAPL"))
        let plain = try Scenario.parse(toml: "name = \"x\"\n[[fault]]\nat = 0\nkind = \"reject-orders\"\nsymbol = \"MSFT\"\n")
        #expect(plain.faults.map(\.fault) == [.rejectOrders(symbol: "MSFT", reason: Fault.defaultRejectionReason)])
    }

    @Test func socketAndPortalFaultsParse() throws {
        let scenario = try Scenario.parse(toml: Fixtures.text("scenarios/socket-down.toml"))
        #expect(scenario.faults.map(\.fault) == [.socketDown, .socketUp])
        #expect(scenario.faults.map(\.offsetMilliseconds) == [10_000, 70_000])
        let portal = try Scenario.parse(toml: """
            name = "p"
            [[fault]]
            at = 1
            kind = "portal-down"
            duration = 2
            [[fault]]
            at = 5
            kind = "portal-slow"
            delay = 1.5
            duration = 10
            [[fault]]
            at = 20
            kind = "portal-session-expired"
            [[fault]]
            at = 30
            kind = "portal-competing-session"
            """)
        #expect(portal.faults.sorted { $0.offsetMilliseconds < $1.offsetMilliseconds }.map(\.fault) == [
            .portalDown, .portalUp, .portalSlow(milliseconds: 1500), .portalSlow(milliseconds: 0), .portalSessionExpired, .portalCompetingSession,
        ])
        #expect(portal.faults.allSatisfy { $0.fault.notice == nil })
    }

    @Test(arguments: [
        "name = \"x\"\n[[fault]]\nat = 3\nkind = \"portal-slow\"\n",
        "name = \"x\"\n[[fault]]\nat = 3\nkind = \"reject-orders\"\n",
        "name = \"x\"\n[[fault]]\nat = 3\nkind = \"reject-orders\"\nsymbol = \"AAPL\"\nreason = \" \"\n",
        "name = \"broken\"\n[[fault]\nat = 3",
        "name = \"x\"\n[[fault]]\nat = 3\nkind = \"meteor-strike\"\n",
        "name = \"x\"\n[[fault]]\nat = 3\nkind = \"expire-subscription\"\n",
        "name = \"x\"\n[[fault]]\nat = -1\nkind = \"exceed-rate\"\n",
        "name = \"x\"\n[[fault]]\nat = 3\nkind = \"connectivity-lost\"\ndata = \"maybe\"\n",
        "[[fault]]\nat = 3\nkind = \"exceed-rate\"\n",
    ])
    func rejectsBrokenScenarios(text: String) {
        #expect(throws: ScenarioError.self) { try Scenario.parse(toml: text) }
    }
}
