import Dashboard
import Foundation
import Logging
import Testing
@testable import ibterm

@Suite struct AppSupportTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func pathsFollowXDGWithHomeFallbacks() {
        let paths = AppPaths(environment: ["HOME": "/home/t", "XDG_CONFIG_HOME": "/cfg"])
        #expect(paths.configFile.path == "/cfg/ibterm/config.toml")
        #expect(paths.dataDirectory.path == "/home/t/.local/share/ibterm")
        #expect(paths.logFile.path == "/home/t/.local/state/ibterm/ibterm.log")
        #expect(paths.commandHistoryFile.path == "/home/t/.local/state/ibterm/command_history")
    }

    @Test func theCommandHistoryFileKeepsTheNewestLinesAndAMissingOneIsEmpty() throws {
        let file = CommandHistoryFile(url: try temporaryDirectory().appendingPathComponent("state/ibterm/command_history"))
        #expect(file.load().isEmpty)
        let lines = (0..<250).map { "explain \($0)" }
        try file.save(lines)
        let loaded = file.load()
        #expect(loaded.count == 200 && loaded.first == "explain 50" && loaded.last == "explain 249")
        try file.save(["add KO"])
        #expect(file.load() == ["add KO"])
    }

    @Test func theWatchlistsFileRoundTripsAndAnUnreadableOneSaysWhy() throws {
        let url = try temporaryDirectory().appendingPathComponent("state/ibterm/watchlists.json")
        let file = WatchlistsFile(url: url)
        #expect(file.load().lists == nil && file.load().problem == nil, "a first start has no file and no problem")
        let lists = SavedWatchlists(lists: [.init(name: "main", symbols: ["AAPL"]), .init(name: "tech", symbols: ["NVDA", "AMD"])],
                                    active: "tech")
        try file.save(lists)
        #expect(file.load().lists == lists)
        #expect(AppPaths(environment: ["HOME": "/home/t"]).watchlistsFile.path == "/home/t/.local/state/ibterm/watchlists.json")
        try Data("{not json".utf8).write(to: url)
        let broken = file.load()
        #expect(broken.lists == nil)
        #expect(broken.problem?.contains("watchlists.json not read") == true)
    }

    @Test func warningsNameTheFileNotItsPathOnScreen() {
        #expect(DashboardApp.onScreen("/home/t/.config/ibterm/config.toml: line 3: colour: unknown key, ignored")
            == "config.toml: line 3: colour: unknown key, ignored")
        #expect(DashboardApp.onScreen("key bindings: keys.up: unknown action, ignored") == "key bindings: keys.up: unknown action, ignored")
    }

    @Test func aMissingDefaultConfigMeansDefaultsButAMissingNamedOneIsAnError() throws {
        let home = try temporaryDirectory()
        let paths = AppPaths(environment: ["HOME": home.path])
        let loaded = try ConfigLoader.load(path: nil, paths: paths, ignoreErrors: false)
        #expect(loaded.config.watchlist.first == "AAPL")
        #expect(throws: ConfigLoader.Failure.self) { try ConfigLoader.load(path: home.appendingPathComponent("nope.toml").path, paths: paths, ignoreErrors: false) }
    }

    @Test func anInvalidConfigNamesTheLineUnlessTheUserAsksForDefaults() throws {
        let home = try temporaryDirectory()
        let file = home.appendingPathComponent("config.toml")
        try "watchlist = [\"AAPL\"]\n\n[ticket]\nmax_quantity = \"lots\"\n".write(to: file, atomically: true, encoding: .utf8)
        let paths = AppPaths(environment: ["HOME": home.path])
        do {
            _ = try ConfigLoader.load(path: file.path, paths: paths, ignoreErrors: false)
            Issue.record("an invalid file was accepted")
        } catch {
            #expect(error.description.contains("config.toml"))
            #expect(error.description.contains("max_quantity"))
            #expect(error.description.contains("--ignore-config-errors"))
        }
        let fallback = try ConfigLoader.load(path: file.path, paths: paths, ignoreErrors: true)
        #expect(fallback.config.watchlist.count == 10)
        #expect(fallback.warnings.count == 1)
    }

    @Test func shippedThemesLoadByName() throws {
        let folders = [Self.repoRoot.appendingPathComponent("themes")]
        #expect(ThemeLoader.availableThemes(in: folders) == ["default", "high-contrast", "light", "mono"])
        for name in ["default", "light", "high-contrast", "mono"] {
            let loaded = try ThemeLoader.load(name: name, from: folders)
            #expect(loaded.warnings.isEmpty, "\(name): \(loaded.warnings)")
        }
        #expect(throws: ThemeLoader.Failure.self) { try ThemeLoader.load(name: "neon", from: folders) }
        #expect(try ThemeLoader.load(name: "default", from: []).theme == .builtinDefault)
    }

    @Test func fileLogHandlerAppendsWholeLines() throws {
        let file = try temporaryDirectory().appendingPathComponent("logs/ibterm.log")
        let sink = try FileLogHandler.Sink(url: file)
        var logger = Logger(label: "dash.test") { label in FileLogHandler(label: label, sink: sink) }
        logger[metadataKey: "tws.req_id"] = "7"
        logger.info("first")
        logger.warning("second")
        logger.debug("hidden at the default level")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasSuffix("info dash.test: tws.req_id=7 first"))
        #expect(lines[1].contains("warning dash.test"))
    }
}
