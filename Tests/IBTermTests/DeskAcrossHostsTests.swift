import Dashboard
import DeskBus
import Foundation
import RedisLink
import TestPrerequisites
import Testing
import Vocabulary

/// Issue #16 item 6: the desk across hosts. Redis, the gateway (`ibterm engine`), the bridge
/// and three dashboards each on a network namespace of its own, joined by virtual links
/// (`DeskNetwork`), the bridge streaming 100 symbols:
/// - every dashboard reads every event the bridge published, in order (its feed count in its
///   log against the bridge's numbers in the stream);
/// - two dashboards send an order at the same moment: each is executed once;
/// - commands written in a burst while the bridge is killed and restarted are each answered and
///   none is executed twice (the gateway's open orders against the answers);
/// - Redis killed: every screen says so and no quote stays LIVE.
@Suite(.serialized, .requires(.deskHostsPass, .networkNamespaces, .redisServer, .ibterm, .tmux, .python3))
struct DeskAcrossHostsTests {
    static let password = "desk-\(UUID().uuidString.prefix(8))"
    static let desk = "hosts"

    /// Prints a screen under a title, each line on its own (a screen printed as one string
    /// came out cut when other suites print at the same time).
    static func show(_ title: String, _ screen: String?) {
        var text = "--- \(title) ---\n"
        for line in (screen ?? "none").split(separator: "\n", omittingEmptySubsequences: false) {
            text += "| " + line.replacingOccurrences(of: "\u{1b}", with: "") + "\n"
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Runs `arguments` to its end without holding a thread of the pool; returns its standard
    /// output (written to a file, so a large output never blocks the child).
    static func output(_ arguments: [String], environment: [String: String]? = nil) async throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("desk-out-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: file.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: file) }
        let handle = try FileHandle(forWritingTo: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        if let environment { process.environment = environment }
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(60)
        while process.isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        try handle.close()
        return String(decoding: try Data(contentsOf: file), as: UTF8.self)
    }

    /// Starts `arguments` in the background with its output appended to `log`.
    static func start(_ arguments: [String], log: String, environment: [String: String]) throws -> Process {
        if !FileManager.default.fileExists(atPath: log) { FileManager.default.createFile(atPath: log, contents: nil) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        handle.seekToEndOfFile()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.environment = environment
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func environment(home: String) -> [String: String] {
        ["HOME": home, "XDG_CONFIG_HOME": "\(home)/config", "XDG_DATA_HOME": "\(home)/data", "XDG_STATE_HOME": "\(home)/state",
         "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "TERM": "xterm-256color",
         "IBTERM_REDIS_USER": "ibterm", "IBTERM_REDIS_PASSWORD": password]
    }

    /// Redis, reached from the test's own end of the switch as the ACL user.
    static func connect(_ network: DeskNetwork) throws -> RedisConnection {
        let connection = try RedisConnection(host: network.address("redis"), port: 6379)
        try connection.authenticate(user: "ibterm", password: password)
        return connection
    }

    /// The run and number of the newest event in the desk's events stream.
    static func newestStamp(_ redis: RedisConnection, keys: DeskKeys) throws -> (String, Int)? {
        let batch = try BusReply.batch(fromRange: try redis.checked(["XREVRANGE", keys.events, "+", "-", "COUNT", "1"]))
        guard let stamp = batch.stamps.first ?? nil else { return nil }
        return (stamp.run, stamp.sequence)
    }

    /// A command's JSON array output.
    static func json(_ arguments: [String], environment: [String: String]) async throws -> [[String: Any]] {
        let text = try await output(arguments, environment: environment)
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]) ?? []
    }

    /// The bridge's results: idempotency key → the results published for it.
    static func results(_ redis: RedisConnection, keys: DeskKeys) throws -> [String: [BusCommandResult]] {
        var found: [String: [BusCommandResult]] = [:]
        for (_, entry) in try BusReply.batch(fromRange: try redis.checked(["XRANGE", keys.results, "-", "+"])).entries {
            guard case let .result(reply) = entry else { continue }
            found[reply.idempotencyKey, default: []].append(reply.result)
        }
        return found
    }

    @Test func threeScreensOneBridgeOneRedisOnSeparateHosts() async throws {
        let ibterm = try Prerequisite.ibterm.require()
        let network = try DeskNetwork(hosts: [("redis", 1), ("bridge", 2), ("gateway", 3), ("d1", 11), ("d2", 12), ("d3", 13)])
        defer { network.remove() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-desk-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let keys = try DeskKeys(desk: Self.desk)
        let redisAddress = network.address("redis")
        let source = "redis://\(redisAddress):6379/\(Self.desk)"

        // Redis on its host: the default user off, one ACL user; reachable on the virtual link.
        let redis = try Self.start(network.on("redis", [
            try Prerequisite.redisServer.require(), "--port", "6379", "--bind", "\(redisAddress) 127.0.0.1", "--save", "", "--appendonly", "no",
            "--protected-mode", "no", "--user", "default", "off", "--user", "ibterm", "on", ">\(Self.password)", "~*", "&*", "+@all",
        ]), log: "\(root)/redis.log", environment: ProcessInfo.processInfo.environment)
        defer { if redis.isRunning { kill(redis.processIdentifier, SIGKILL) } }
        var reached: RedisConnection?
        for _ in 0..<300 where reached == nil {
            reached = try? Self.connect(network)
            if reached == nil { try? await Task.sleep(for: .milliseconds(100)) }
        }
        let redisLink = try #require(reached, "redis-server did not answer on its host")

        // Three screens, each on its host, started before the bridge: each reads the bridge's
        // events from its first.
        var screens: [TmuxSession] = []
        for name in ["d1", "d2", "d3"] {
            let home = "\(root)/\(name)"
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            let environment = Self.environment(home: home).map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
            let command = network.on(name, ["env", environment, ibterm, "--source", source, "--theme", "mono"]).joined(separator: " ")
            screens.append(try await TmuxSession(command: "\(command); sleep 300", width: 150, height: 40))
        }

        // The gateway on its host: the paper engine, taking the bridge's connection only. The
        // bridge on its own host streams the 100 bundled US stocks from it.
        let symbols = Self.bundledStocks
        #expect(symbols.count == 100)
        let gatewayHome = "\(root)/gateway", bridgeHome = "\(root)/bridge"
        for home in [gatewayHome, bridgeHome] { try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true) }
        let gateway = "\(network.address("gateway")):4002"
        let engine = try Self.start(network.on("gateway", [
            ibterm, "engine", "--host", network.address("gateway"), "--port", "4002", "--allow", network.address("bridge"),
            "--fresh", "--state", "\(gatewayHome)/paper.sqlite",
        ]), log: "\(root)/engine.log", environment: Self.environment(home: gatewayHome))
        defer { if engine.isRunning { kill(engine.processIdentifier, SIGKILL) } }
        let bridgeArguments = [ibterm, "bridge", "--redis", source, "--symbols", symbols.joined(separator: ","), "--gateway", gateway]
        var bridge = try Self.start(network.on("bridge", bridgeArguments), log: "\(root)/bridge.log", environment: Self.environment(home: bridgeHome))
        defer { if bridge.isRunning { kill(bridge.processIdentifier, SIGKILL) } }

        for (index, screen) in screens.enumerated() {
            // Generous: under the whole suite on a 2-core machine, three debug dashboards, the
            // bridge and the engine start slowly. The wait polls and ends as soon as it holds.
            let live = await screen.waitFor(timeout: .seconds(120)) { screen in
                (EndToEndTests.row(screen, "AAPL")?.contains("live") ?? false) && screen.contains("desk \(Self.desk)")
            }
            #expect(live != nil, "screen d\(index + 1) shows no live AAPL through the bridge")
            if index == 0 { Self.show("d1 on the desk (its own host)", live) }
        }

        // Two screens send an order at the same moment: both are executed, once each.
        for screen in screens.prefix(2) { try await screen.send("b") }
        for screen in screens.prefix(2) { try await screen.send("1", "0", "Enter") }
        try? await Task.sleep(for: .milliseconds(300))
        for screen in screens.prefix(2) { try await screen.send("Enter") }
        let bothFilled = await screens[2].waitFor(timeout: .seconds(60)) { screen in
            screen.split(separator: "\n").filter { $0.contains("AAPL") && $0.contains("Filled 10/10") }.count == 2
        }
        Self.show("d3 sees both orders, sent from d1 and d2 at once", bothFilled)
        #expect(bothFilled != nil, "the third screen does not show two filled orders")
        var twoResults: [String: [BusCommandResult]] = [:]
        for _ in 0..<300 {
            twoResults = try Self.results(redisLink, keys: keys)
            let places = twoResults.values.filter { if case .accepted(let ids)? = $0.first?.original { !ids.isEmpty } else if case .renumbered? = $0.first?.original { true } else { false } }
            if places.count >= 2 { break }
            try? await Task.sleep(for: .milliseconds(100))
        }
        let placed = twoResults.values.compactMap { $0.first?.original }.compactMap { result -> [Int]? in
            switch result {
            case let .accepted(ids), let .renumbered(_, ids): ids.isEmpty ? nil : ids
            default: nil
            }
        }
        #expect(placed.count == 2 && Set(placed.flatMap { $0 }).count == 2, "two orders, two ids: \(placed)")
        // The gateway's own executions: one per order, of its whole quantity.
        let executions = try await Self.json(network.on("bridge", [ibterm, "executions", "--json", "--gateway", gateway, "--client-id", "90"]),
                                             environment: Self.environment(home: bridgeHome))
        let filledIDs = executions.compactMap { ($0["orderId"] as? NSNumber)?.intValue }
        #expect(filledIDs.sorted() == placed.flatMap { $0 }.sorted(), "each order filled once: fills \(filledIDs), orders \(placed)")

        // A burst of 20 commands (BUY 1 AAPL LMT 200, resting), one of them written twice; the
        // bridge is killed while it works through them and started again.
        let origin = "test-\(UUID().uuidString.prefix(8))"
        var commands: [BusCommand] = []
        for index in 0..<20 {
            let instruction = OrderInstruction(side: .buy, quantity: 1, symbol: "AAPL", orderType: .limit, limitPrice: FixedDecimal(200), timeInForce: .day)
            commands.append(BusCommand(idempotencyKey: "burst-\(index)-\(UUID().uuidString.prefix(6))", origin: origin,
                                       createdAt: Timestamp(millisecondsSinceEpoch: 0), action: .placeOrder(orderID: 1_000 + index, instruction)))
        }
        for command in commands + [commands[3]] {
            _ = try redisLink.checked(["XADD", keys.commands, "*"] + BusEntry.command(command).fields())
        }
        kill(bridge.processIdentifier, SIGKILL)
        let killedAt = ContinuousClock.now
        await BridgeEndToEndTests.exited(bridge)
        // What of the dead run reached Redis: its last event's number.
        var lastOfRun: [String: Int] = [:]
        if let (run, seq) = try Self.newestStamp(redisLink, keys: keys) { lastOfRun[run] = seq }
        let dead = await screens[0].waitFor(timeout: .seconds(30)) { $0.contains("bridge silent") }
        #expect(dead != nil, "d1 did not show the bridge silent")
        print("--- bridge killed mid-burst; d1 off LIVE after \(ContinuousClock.now - killedAt) ---")
        bridge = try Self.start(network.on("bridge", bridgeArguments), log: "\(root)/bridge.log", environment: Self.environment(home: bridgeHome))
        var answered: [String: [BusCommandResult]] = [:]
        let deadline = ContinuousClock.now + .seconds(90)
        while ContinuousClock.now < deadline {
            answered = try Self.results(redisLink, keys: keys)
            if commands.allSatisfy({ answered[$0.idempotencyKey] != nil }) && (answered[commands[3].idempotencyKey]?.count ?? 0) >= 2 { break }
            try? await Task.sleep(for: .milliseconds(200))
        }
        let lost = commands.filter { answered[$0.idempotencyKey] == nil }.map(\.idempotencyKey)
        #expect(lost.isEmpty, "commands without an answer: \(lost)")
        // Every answer for a key says the same; the twice-written one is answered as already done.
        for command in commands {
            let outcomes = Set((answered[command.idempotencyKey] ?? []).map(\.original))
            #expect(outcomes.count <= 1, "\(command.idempotencyKey) answered differently: \(outcomes)")
        }
        #expect(answered[commands[3].idempotencyKey]?.contains { if case .alreadyDone = $0 { true } else { false } } == true,
                "the command written twice was not answered as already done")
        let acceptedIDs = commands.compactMap { command -> Int? in
            switch answered[command.idempotencyKey]?.first?.original {
            case let .accepted(ids)?: ids.first
            case let .renumbered(_, ids)?: ids.first
            default: nil
            }
        }
        let resting = try await Self.json(network.on("bridge", [ibterm, "orders", "--json", "--gateway", gateway, "--client-id", "91"]),
                                          environment: Self.environment(home: bridgeHome)).filter {
            ($0["symbol"] as? String) == "AAPL" && ($0["limitPrice"] as? NSNumber)?.doubleValue == 200
        }
        let restingIDs = resting.compactMap { ($0["orderId"] as? NSNumber)?.intValue }
        print("--- burst: \(acceptedIDs.count) accepted, \(commands.count - acceptedIDs.count) refused; \(restingIDs.count) resting at the gateway ---")
        print(try String(contentsOfFile: "\(root)/bridge.log", encoding: .utf8).split(separator: "\n").filter { $0.contains("ibterm bridge:") || $0.contains("in doubt") }.joined(separator: "\n"))
        #expect(restingIDs.sorted() == acceptedIDs.sorted(), "the gateway's resting orders \(restingIDs.sorted()) are not the accepted ones \(acceptedIDs.sorted())")
        #expect(Set(restingIDs).count == restingIDs.count)

        // The screens are live again on the new bridge.
        for (index, screen) in screens.enumerated() {
            let back = await screen.waitFor(timeout: .seconds(90)) { EndToEndTests.row($0, "AAPL")?.contains("live") ?? false }
            #expect(back != nil, "screen d\(index + 1) did not come back live on the restarted bridge")
        }

        // The bridge stops; then Redis is killed: every screen says Redis is unreachable and
        // shows no quote LIVE.
        // The bridge stops: it writes what it queued first and says how many events it
        // published; that is its last event's number in the stream.
        bridge.terminate()
        await BridgeEndToEndTests.exited(bridge)
        if let (run, seq) = try Self.newestStamp(redisLink, keys: keys) { lastOfRun[run] = seq }
        #expect(lastOfRun.count == 2, "two bridge runs: \(lastOfRun)")
        let said = try String(contentsOfFile: "\(root)/bridge.log", encoding: .utf8)
        let published = said.split(separator: "\n").last { $0.contains("events published:") }.map(String.init) ?? "nothing"
        print("bridge: \(published)")
        #expect(lastOfRun.values.contains { published.hasSuffix("events published: \($0)") }, "the stopped bridge's count is not its last event's number")

        // Every screen read every event of both runs, in order: its log's count for each run
        // (at the new run's first event, and once caught up after the stop) against the run's
        // last number in the stream.
        for (index, name) in ["d1", "d2", "d3"].enumerated() {
            let logFile = "\(root)/\(name)/state/ibterm/ibterm.log"
            for (run, last) in lastOfRun.sorted(by: { $0.value > $1.value }) {
                let expected = "bridge \(run.prefix(8)): events 1…\(last) read, \(last) in order, 0 missing, 0 out of order"
                let line = await BridgeEndToEndTests.poll(120) { () -> String? in
                    let text = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
                    return text.split(separator: "\n").last { $0.contains("desk feed:") && $0.hasSuffix(expected) }.map(String.init)
                }
                if index == 0 { print("d1: \(line ?? "nothing") (the run's last event in Redis: \(last))") }
                #expect(line != nil, "d\(index + 1) did not read run \(run.prefix(8)) as '\(expected)'")
            }
        }

        // Redis is killed: every screen says so and shows no quote LIVE.
        kill(redis.processIdentifier, SIGKILL)
        for (index, screen) in screens.enumerated() {
            let shown = await screen.waitFor(timeout: .seconds(30)) { screen in
                screen.contains("Redis at \(redisAddress):6379 unreachable") && !(EndToEndTests.row(screen, "AAPL")?.contains(" live") ?? true)
            }
            if index == 2 {
                let seen = await screen.capture()
                Self.show("Redis killed: d3", shown ?? seen)
            }
            #expect(shown != nil, "screen d\(index + 1) does not say Redis is unreachable")
        }
        for screen in screens { try await screen.send("q") }
    }

    /// The 100 US stocks of the paper gateway's bundled instruments.
    static let bundledStocks = """
        AAPL,MSFT,NVDA,AMZN,GOOGL,META,TSLA,JPM,SPY,QQQ,IWM,AMD,AVGO,NFLX,INTC,ORCL,CRM,ADBE,BAC,WFC,GS,V,MA,XOM,CVX,JNJ,UNH,PG,KO,WMT,\
        DIS,COST,PLTR,DIA,GLD,TLT,XLF,GOOG,CSCO,PEP,TMUS,QCOM,TXN,AMAT,INTU,ISRG,AMGN,HON,BKNG,SBUX,GILD,ADI,MU,LRCX,PYPL,MDLZ,REGN,\
        VRTX,PANW,SNPS,CDNS,MRVL,ABNB,ADP,CMCSA,CSX,COIN,LIN,LLY,HD,MRK,ABBV,PFE,TMO,ABT,MCD,CAT,IBM,GE,NKE,BA,LOW,UNP,RTX,SPGI,BLK,\
        MS,C,AXP,T,VZ,NEE,PM,UBER,VOO,VTI,EEM,XLE,SMH,SLV
        """.split(separator: ",").map(String.init)
}
