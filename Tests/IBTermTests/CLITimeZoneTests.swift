import Foundation
import TestPrerequisites
import Testing
import Vocabulary

@testable import ibterm

/// The machine's zone as the executable reads it, from a named zone at a fixed instant.
@Suite struct MachineTimeZoneTests {
    @Test func listsEveryDaylightSavingChangeOfTheLocalZone() throws {
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        // 2026-06-01 00:00 UTC.
        let names: [Int: String] = [3600: "CET", 7200: "CEST"]
        let zone = MachineTimeZone.rules(now: Date(timeIntervalSince1970: 1_780_272_000), zone: paris) { names[paris.secondsFromGMT(for: $0)] }
        let spring = Timestamp(secondsSinceEpoch: 1_774_746_000)  // 2026-03-29 01:00 UTC
        let autumn = Timestamp(secondsSinceEpoch: 1_792_890_000)  // 2026-10-25 01:00 UTC
        #expect(zone.offsetSeconds(at: spring.adding(milliseconds: -1)) == 3600)
        #expect(zone.offsetSeconds(at: spring) == 7200)
        #expect(zone.offsetSeconds(at: autumn.adding(milliseconds: -1)) == 7200)
        #expect(zone.offsetSeconds(at: autumn) == 3600)
        #expect(zone.abbreviation(at: spring) == "CEST")
        #expect(zone.abbreviation(at: autumn) == "CET")
        // A year before and ten after, every change is listed: summer 2035 is CEST again.
        #expect(zone.abbreviation(at: Timestamp(secondsSinceEpoch: 2_067_163_200)) == "CEST")  // 2035-07-04
        #expect(zone.abbreviation(at: Timestamp(secondsSinceEpoch: 2_082_931_200)) == "CET")  // 2036-01-03
    }

    @Test func namesAZoneWithoutAnAbbreviationByItsOffset() {
        #expect(MachineTimeZone.abbreviation("CET", offsetSeconds: 3600) == "CET")
        #expect(MachineTimeZone.abbreviation("GMT", offsetSeconds: 0) == "UTC")
        #expect(MachineTimeZone.abbreviation(nil, offsetSeconds: 0) == "UTC")
        #expect(MachineTimeZone.abbreviation("GMT+5:30", offsetSeconds: 19_800) == "UTC+05:30")
        #expect(MachineTimeZone.abbreviation(nil, offsetSeconds: -3 * 3600) == "UTC-03:00")
        #expect(MachineTimeZone.abbreviation("-03", offsetSeconds: -3 * 3600) == "UTC-03:00")
        #expect(MachineTimeZone.abbreviation("IST", offsetSeconds: 19_800) == "IST")
    }

    @Test func readsTimeZoneOnTheCommandLine() throws {
        let command = try ExecutionsCommand.parse(["--time-zone", "EXCHANGE"])
        #expect(command.timeZone.timeZone == .exchange)
        #expect(throws: (any Error).self) { try ExecutionsCommand.parse(["--time-zone", "mars"]) }
    }
}

/// `ibterm executions` against `ibterm engine`: a fill's time in the configured zone, named.
@Suite(.serialized, .requires(.ibterm)) struct CLITimeZoneProcessTests {
    @Test func executionsShowAFillsTimeInTheConfiguredZoneWithTheZoneNamed() async throws {
        let engine = try await CLIOrderGuardProcessTests.Engine()
        defer { engine.stop() }
        let bought = try await engine("order", "buy", "1", "AAPL", "--wait")
        #expect(bought.status == 0, "\(bought.stderr)")

        // JSON keeps IB's text in `time` and adds the instant in ISO 8601 UTC.
        let json = try await engine("executions", "--json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]], "\(json)")
        let raw = try #require(rows.first?["time"] as? String)
        let fill = try #require(Timestamp(ibDateTime: raw), "\(raw)")
        #expect(rows.first?["timestamp"] as? String == TimeText.iso8601(fill))

        func timeColumn(_ arguments: String...) async throws -> (header: String, time: String) {
            let table = try await engine.run.oneShot(["executions"] + arguments)
            #expect(table.status == 0, "\(table.stderr)")
            let lines = table.stdout.split(separator: "\n").map(String.init)
            let header = try #require(lines.first, "\(table.stdout)")
            let row = try #require(lines.dropFirst().first, "\(table.stdout)")
            return (String(header.prefix(22)).trimmingCharacters(in: .whitespaces), String(row.prefix(17)))
        }

        let utc = try await timeColumn("--time-zone", "utc")
        #expect(utc.header == "TIME (UTC)")
        #expect(utc.time == TimeText.dateTime(fill, in: .utc))

        let config = engine.home.appendingPathComponent("config/ibterm/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("time_zone = \"exchange\"\n".utf8).write(to: config)
        let exchange = try await timeColumn()
        #expect(exchange.header == "TIME (\(DisplayTimeZone.exchange.abbreviation(at: fill)))")
        #expect(exchange.time == TimeText.dateTime(fill, in: .exchange))
        #expect(exchange.time != utc.time)

        // The option wins over the file.
        #expect(try await timeColumn("--time-zone", "utc") == utc)

        // A bad value in the file warns on stderr and falls back to the local zone.
        try Data("time_zone = \"mars\"\n".utf8).write(to: config)
        let warned = try await engine.run.oneShot(["executions", "--time-zone", "utc"])
        #expect(warned.stderr.contains("time_zone: must be \"local\", \"exchange\" or \"utc\", not \"mars\"; using \"local\""), "\(warned.stderr)")
    }
}
