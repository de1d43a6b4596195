import ArgumentParser
import Foundation
import TWSTrace
import Dashboard
import Vocabulary

/// `ibterm replay FILE`: a recorded run (`--trace FILE`, `:dump`, a crash dump) played into the
/// dashboard with no gateway, through a ``ReplayServer`` on a loopback port that answers as the
/// recorded gateway did. Orders are refused while replaying.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Play a recorded trace into the dashboard, with no gateway.",
        discussion: """
            The dashboard connects to a stand-in gateway that sends what the recorded gateway \
            sent (the first run in FILE; a recorded reconnect is played as a reconnect) with the \
            recorded gaps divided by --speed (max: no waits). What the dashboard asks is not \
            answered and no order is sent: the ticket refuses orders during a replay. --from \
            plays everything before it at once (so the screens build up as they were), --to stops \
            playing after it; both take seconds since the trace's first record (90) or a recorded \
            time HH:MM[:SS] in the zone of --time-zone. The status bar shows REPLAY ×SPEED with \
            the recorded time at the playhead and a time bar of the recording. Keys: space pauses \
            and plays on, . steps one recorded second (paused), < and > jump a minute back and on \
            (back plays the recording again from its start, at once up to there). Quotes age on \
            this machine's clock with the staleness thresholds divided by the speed, so a quote \
            turns stale after as much recorded time as it did (at max speed no threshold can be \
            faithful; while paused, quotes keep ageing).
            """
    )

    @Argument(help: "The trace file.")
    var file: String

    @Option(help: ArgumentHelp("How fast to play: 1 (as recorded), 10, 0.5, ... or max (no waits).", valueName: "FACTOR|max"))
    var speed = "1"

    @Option(help: ArgumentHelp("Start playing at this recorded time (before it: at once).", valueName: "SECONDS|HH:MM:SS"))
    var from: String?

    @Option(help: ArgumentHelp("Stop playing after this recorded time.", valueName: "SECONDS|HH:MM:SS"))
    var to: String?

    @Option(help: "The configuration file (default: $XDG_CONFIG_HOME/ibterm/config.toml).")
    var config: String?

    @Option(help: "The colour theme: default, light, high-contrast, mono, or a file name in a themes folder.")
    var theme: String?

    @Flag(help: "Draw boxes and marks with ASCII only.")
    var ascii = false

    @OptionGroup var timeZone: TimeZoneOption

    func run() async throws {
        guard let speed = ReplaySchedule.Speed(speed) else {
            throw ValidationError("--speed must be a number above 0 (1, 10, 0.5) or max, not '\(self.speed)'")
        }
        let records = try Self.read(file)
        guard let firstWall = ReplaySchedule.firstWall(records) else {
            throw AppFailure("\(file) holds no records to replay")
        }
        // The zone of --from/--to; the dashboard reads the configuration again and says what is wrong with it.
        guard let (loaded, _) = try? ConfigLoader.load(path: config, paths: AppPaths(), ignoreErrors: true) else {
            throw AppFailure("cannot read the configuration \(config ?? "file")")
        }
        let zone = timeZone.resolved(loaded)
        let offset = zone.offsetSeconds(at: Timestamp(millisecondsSinceEpoch: firstWall / 1_000_000))
        func mark(_ text: String?, _ name: String) throws -> ReplaySchedule.Mark? {
            guard let text else { return nil }
            guard let mark = ReplaySchedule.Mark(text, firstWall: firstWall, offsetSeconds: offset) else {
                throw ValidationError("\(name) must be seconds since the trace's start (90) or a time HH:MM[:SS], not '\(text)'")
            }
            return mark
        }
        let schedule = ReplaySchedule(records: records, speed: speed, from: try mark(from, "--from"), to: try mark(to, "--to"))
        guard !schedule.connections.isEmpty else {
            throw AppFailure("\(file) holds no connection with a handshake reply: nothing a dashboard could replay")
        }
        let player = ReplayPlayer(schedule: schedule, speed: speed)
        let server = try ReplayServer(schedule: schedule, player: player)
        server.start()
        defer { server.stop() }
        var arguments = ["--gateway", "127.0.0.1:\(server.port)"]
        if let config { arguments += ["--config", config] }
        if let theme { arguments += ["--theme", theme] }
        if ascii { arguments.append("--ascii") }
        if let choice = timeZone.timeZone { arguments += ["--time-zone", choice.rawValue] }
        let options = try DashboardOptions.parse(arguments)
        try await DashboardApp.run(options, replay: DashboardReplay(badge: "REPLAY \(speed)", speed: speed, player: player))
    }

    /// The records of `path`, with a plain failure for a file that is missing or not a trace;
    /// damage is skipped as `ibterm trace` does.
    static func read(_ path: String) throws -> [TraceRecord] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AppFailure("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        let bytes = [UInt8](data)
        if let problem = TraceFileHeader.problem(in: Array(bytes.prefix(TraceFileHeader.size))) {
            throw AppFailure("\(path): \(problem)")
        }
        return TraceReader.items(of: bytes.dropFirst(TraceFileHeader.size)).compactMap {
            if case .record(let record) = $0 { return record }
            return nil
        }
    }
}
