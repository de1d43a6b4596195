import Testing
import Vocabulary
@testable import Dashboard

/// `:dump` and the `[trace]` table: the command asks the app to write the flight recorder's
/// ring, and the footer and message log say where it went (or why not).
@Suite struct TraceDumpTests {
    @Test func dumpParsesAndAsksTheAppToWriteTheRing() throws {
        #expect(try DashboardCommand.parse("dump").get() == .dump)
        #expect(try DashboardCommand.parse(":DUMP").get() == .dump)
        var harness = DashboardHarness.connected()
        #expect(harness.user(.runCommand("dump")) == [.dumpTrace])
    }

    @Test func theFooterAndTheLogSayWhereTheTraceWent() throws {
        var harness = DashboardHarness.connected()
        _ = harness.send(.traceDumped(path: "/home/me/.local/state/ibterm/ibterm-dump-20261204-140000.trace", records: 812, failure: nil))
        let footer = try #require(harness.state.footerNote(at: harness.instant))
        #expect(footer.text == "Trace written: 812 records to /home/me/.local/state/ibterm/ibterm-dump-20261204-140000.trace; read it with 'ibterm trace FILE'.")
        #expect(footer.severity == .info)
        #expect(harness.latestMessage?.code == LocalMessage.traceDumped.rawValue)

        _ = harness.send(.traceDumped(path: nil, records: 0, failure: "the flight recorder is off ([trace] enabled = false)"))
        let refused = try #require(harness.state.footerNote(at: harness.instant))
        #expect(refused.text == "Trace not written: the flight recorder is off ([trace] enabled = false)")
        #expect(refused.severity == .warning)
    }

    @Test func theTraceTableSetsTheRingsLimits() throws {
        #expect(try DashboardConfig.parse(toml: "").config.recorder == RecorderSettings())
        let parsed = try DashboardConfig.parse(toml: "[trace]\nenabled = false\nring_minutes = 3\nring_mb = 64\nsize = 1\n")
        #expect(parsed.config.recorder.enabled == false)
        #expect(parsed.config.recorder.ringMinutes == 3)
        #expect(parsed.config.recorder.ringMegabytes == 64)
        #expect(parsed.warnings.map(\.keyPath) == ["trace.size"])
        #expect(throws: ConfigError.self) { try DashboardConfig.parse(toml: "[trace]\nring_mb = 0\n") }
        #expect(throws: ConfigError.self) { try DashboardConfig.parse(toml: "[trace]\nring_minutes = 100000\n") }
        #expect(throws: ConfigError.self) { try DashboardConfig.parse(toml: "[trace]\nenabled = \"yes\"\n") }
    }
}
