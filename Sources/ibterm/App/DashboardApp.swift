import ArgumentParser
import CursesTerminal
import Dashboard
import DashboardRuntime
import Foundation
import Logging
import PortalClient
import PaperGateway
import Synchronization
import TerminalUI
import TWSClient
import TWSSession

/// `ibterm` without a subcommand: the dashboard.
///
/// Loads the configuration and theme, logs to a file, starts the embedded paper gateway unless
/// `--gateway` names a real one, connects the client, and runs the terminal loop on its own
/// thread until the trader quits or a signal arrives. The terminal is always restored. Exit
/// status: 0 when the trader quits (`q`, Ctrl-C, `:quit`), 128 + the signal's number when a
/// signal ends it (130 SIGINT, 143 SIGTERM, 129 SIGHUP or a closed terminal).
enum DashboardApp {
    /// `replay` is set when `ibterm replay` runs the dashboard against its stand-in gateway:
    /// its badge and progress are shown in the status bar, the trader's replay keys reach its
    /// time line, the staleness thresholds are divided by its speed, and every order is refused.
    static func run(_ options: DashboardOptions, replay: DashboardReplay? = nil) async throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw AppFailure("the dashboard needs a terminal; for scripts use `ibterm quote`, `ibterm positions` or `ibterm engine`")
        }
        let paths = AppPaths()
        let endpoint = try options.gatewayEndpoint()
        var (config, warnings) = try ConfigLoader.load(path: options.config, paths: paths, ignoreErrors: options.ignoreConfigErrors)
        if let seconds = options.staleAfter {
            guard seconds > 0 else { throw AppFailure("--stale-after must be a positive number of seconds") }
            config.staleness.defaultThreshold = .milliseconds(Int64(seconds * 1000))
            config.staleness.classThresholds = [:]
        }
        let environment = ProcessInfo.processInfo.environment
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let themeName = options.theme ?? config.themeName
        let folders = ThemeLoader.searchDirectories(paths: paths)
        let (theme, themeWarnings) = try ThemeLoader.load(name: themeName, from: folders)
        warnings += themeWarnings
        var keymap = Keymap.defaults
        warnings += keymap.apply(overrides: config.keyBindings).map { "key bindings: \($0)" }

        let sink = try FileLogHandler.Sink(url: paths.logFile)
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, sink: sink) }
        let logger = Logger(label: "ibterm.app")
        for warning in warnings { logger.warning("\(warning)") }

        // The terminal's crash handlers first (installing them is idempotent: CursesTerminal's
        // own call later does nothing), then the flight recorder's, which runs first on a crash
        // and hands over to them: the ring is written, then the terminal restored.
        TerminalRestore.installCrashHandlers()
        let recording = try FlightRecording.start(
            settings: config.recorder, traceFile: options.trace, directory: paths.logFile.deletingLastPathComponent(),
            logger: Logger(label: "ibterm.trace"))
        do {
            // `--source`: a desk's bridge through Redis instead of a gateway; read-only.
            let desk = try options.source.map { try DeskSource(text: $0, config: config, gatewayGiven: endpoint != nil) }
            config.onDeskBridge = desk != nil
            var server: PaperGatewayServer?
            let host: String, port: Int
            // `--client-id` pins one id (a range of one, which a 326 never moves); else the
            // configured range, moved through at once on 326.
            if let pinned = options.clientId {
                config.clientID = pinned
                config.clientIDRange = 1
            }
            let clientIds = options.clientId.map(ClientIDPool.pinned)
                ?? ClientIDPool(first: config.clientID, count: config.clientIDRange)
            if let desk {
                (host, port) = (desk.address.host, desk.address.port)
            } else if let endpoint {
                (host, port) = endpoint
            } else {
                // One owner per paper ledger: start the embedded gateway on it, or use the gateway
                // of the process that owns it (another dashboard, `ibterm engine`).
                let access: PaperGatewayAccess
                do {
                    access = try await options.paper.startOrJoin(
                        command: "ibterm (dashboard)", kind: .dashboard, host: "127.0.0.1", port: 0,
                        logger: Logger(label: "ibterm.paper"), mayJoin: true)
                } catch let error as LedgerHeldError {
                    throw AppFailure(error.description)
                } catch let error as LedgerHeldError.FreshRefused {
                    throw AppFailure(error.description)
                } catch let error as LedgerLockError {
                    throw AppFailure(error.description)
                }
                (host, port) = (access.host, access.port)
                switch access {
                case let .started(started):
                    server = started
                case let .joined(owner):
                    logger.info("the paper ledger \(options.paper.ledgerPath) is held by \(owner.command) (pid \(owner.pid)); using its gateway at \(owner.address)")
                    if !options.paper.ownerOnlyOptions.isEmpty {
                        logger.warning("\(options.paper.ownerOnlyOptions.joined(separator: ", ")) not applied: the gateway of \(owner.command) keeps its own settings")
                    }
                }
            }
            logger.info("dashboard starting against \(host):\(port)\(server == nil ? "" : " (embedded paper gateway)")")

            var clientConfiguration = TWSClientConfiguration()
            clientConfiguration.recorder = recording.recorder
            clientConfiguration.retryInitialConnect = true
            clientConfiguration.allowLive = config.allowLive
            // A replay's stand-in gateway answers no probe and goes quiet when the recording
            // ends: no keepalive, or the client would drop the line after a few silent seconds.
            if replay != nil { clientConfiguration.keepaliveIdle = .seconds(365 * 86_400) }
            let client = IBClient(configuration: clientConfiguration, logger: Logger(label: "tws.client"))

            options.timeZone.apply(to: &config)
            config.replay = replay?.badge
            if let replay {
                config.ordersRefusal = "This is a replay (\(replay.badge)) of a recorded trace; orders are not sent anywhere."
                config.staleness = config.staleness.scaled(by: replay.stalenessFactor)
                config.replayTimeScale = replay.stalenessFactor
            }
            let timeZone = config.displayTimeZone
            let wakeup = TerminalWakeup()
            let look = TerminalLoop.Look(theme: theme, glyphs: .forASCII(options.ascii))
            let journal = try? JournalWriter(url: paths.journalFile)
            let router = EffectRouter()
            let bell = TerminalBell()
            let history = CommandHistoryFile(url: paths.commandHistoryFile)
            let watchlists = WatchlistsFile(url: paths.watchlistsFile)
            let alerts = AlertsFile(url: paths.alertsFile)
            // A replay shows the recorded time at its playhead: the clock, the orders'
            // lifecycles and the messages read as they did when it happened.
            var wall: @Sendable () -> Timestamp = DashboardStore.wallNow
            if let player = replay?.player { wall = { player.clock() } }
            let store = DashboardStore(
                config: config, clock: clientConfiguration.clock,
                perform: { effects in router.route(effects) },
                changed: { wakeup.wake() },
                wall: wall)
            let bridge = BrokerBridge(client: client, store: store, logger: logger)
            router.connect(bridge: desk == nil ? bridge : nil, journal: journal, look: look, themeFolders: folders, logger: logger,
                           history: history, watchlists: watchlists, bell: bell, alerts: alerts)
            router.connectDump { store.send(recording.dump()) }
            if let player = replay?.player { router.connectReplay { player.control($0) } }
            store.send(.commandHistoryLoaded(history.load()))
            store.send(.alertsLoaded(alerts.load { logger.warning("\($0)") }))
            // The lists of the last run replace the config's list (its first start's default);
            // read before `.started`, which subscribes the active list.
            let saved = watchlists.load()
            if let problem = saved.problem { logger.warning("watchlists: \(problem); the config's watchlist is used") }
            if let lists = saved.lists { store.send(.watchlistsLoaded(lists)) }
            // Shown once, in the footer and the message log, besides the log file.
            store.send(.configWarnings(warnings.map(Self.onScreen)))

            // A screen on a desk sends its orders, cancels and subscriptions to the bridge.
            let commander = desk.map { $0.commander(store: store, logger: logger) }
            if let commander { router.connectDesk { commander.take($0) } }
            let subscriber = desk.map { $0.subscriber(store: store, commander: commander, logger: logger) }
            // The Client Portal as the socket link's failover (`--portal`, `portal =`).
            var failover: (driver: PortalFailoverDriver, client: PortalClient, tasks: [Task<Void, Never>])?
            if desk == nil, replay == nil, let url = options.portal ?? config.portal {
                let address: PortalAddress
                do {
                    address = try PortalAddress.parse(url)
                } catch {
                    throw ValidationError("--portal: \(error.description)")
                }
                let portalClient: PortalClient
                do {
                    portalClient = try PortalClient(
                        address: address, certificatePath: options.portalCert ?? config.portalCertificate, timeout: .seconds(10),
                        // IB paces the portal (10 requests a second, orders once per 5 s): the
                        // failover's reads wait out a 429 rather than fail on it.
                        rateLimitPatience: .seconds(6), logger: Logger(label: "ibterm.portal.client"))
                } catch {
                    throw ValidationError("--portal: \(error.description)")
                }
                let driver = PortalFailoverDriver(
                    client: client, portal: PortalClientReader(client: portalClient), store: store, logger: logger)
                router.connectPortal(driver)
                failover = (driver, portalClient, await driver.start())
                logger.info("client portal at \(address) stands by as the socket link's failover")
            }
            let connecting: Task<Void, Never>
            if let desk, let subscriber {
                store.send(.connecting(gateway: desk.description))
                commander?.start()
                store.send(.started)
                subscriber.start()
                connecting = Task {}
            } else {
                await bridge.start()
                store.send(.connecting(gateway: "\(host):\(port)"))
                store.send(.started)
                connecting = Task {
                    do {
                        try await client.connect(host: host, port: port, clientIds: clientIds)
                    } catch {
                        logger.error("connect failed: \(error)")
                        store.send(.connectionLost(reason: "\(error)"))
                    }
                }
            }

            // Watched before curses starts, so ncurses installs no SIGTSTP handler of its own.
            let signals = TerminalSignalWatcher(jobControl: TerminalSignalWatcher.jobControlSignals) { _ in wakeup.wake() }
            let loop = TerminalLoop(store: store, wakeup: wakeup, signals: signals, look: look, keyInput: DashboardKeyInput(keymap: keymap), noColor: noColor || themeName == "mono",
                                    timeZone: timeZone, bell: bell, mouse: config.mouse)
            // A replay's place in its recording, for the badge and the time bar.
            let progress = Task { [player = replay?.player] in
                guard let player else { return }
                var last: ReplayProgress?
                while !Task.isCancelled {
                    let now = player.progress()
                    if now != last { store.send(.replayProgress(now)) }
                    last = now
                    try? await Task.sleep(for: .milliseconds(200))
                }
            }
            let exit = await loop.runOnOwnThread(named: "ibterm.terminal")
            progress.cancel()
            for task in failover?.tasks ?? [] { task.cancel() }
            await failover?.client.shutdown()
            signals.cancel()
            connecting.cancel()
            subscriber?.stop()
            commander?.stop()
            bridge.stop()
            await client.disconnect()
            try? await server?.stop()
            // The terminal was restored when the loop returned; only then is the exit status set.
            switch exit {
            case .success(.quit): logger.info("quit")
            case let .success(.signal(number)):
                logger.info("stopped by signal \(number)")
                throw ExitCode(TerminalSignalWatcher.exitStatus(for: number))
            case .success(.stopped): logger.info("terminal loop stopped")
            case let .failure(error): throw AppFailure("the terminal could not be used: \(error)")
            }
        } catch let exit as ExitCode {
            await Self.finish(recording, logger: logger)
            throw exit
        } catch {
            // An error that ends the dashboard: the last minutes of traffic go next to the log.
            logger.error("the dashboard ends on an error: \(error)")
            // Nothing recorded (the gateway never answered, the ledger was held): no file.
            guard (recording.recorder?.statistics.records ?? 0) > 0 else {
                await Self.finish(recording, logger: logger)
                throw error
            }
            let dumped = recording.dump("fatal")
            await Self.finish(recording, logger: logger)
            if case let .traceDumped(path?, _, nil) = dumped {
                throw AppFailure("\(error) (the last minutes of traffic are in \(path))")
            }
            throw error
        }
        await Self.finish(recording, logger: logger)
    }

    /// Closes the trace file; says on standard error (the terminal is restored by now) when
    /// records were dropped.
    static func finish(_ recording: FlightRecording, logger: Logger) async {
        guard let problem = await recording.finish() else { return }
        logger.warning("\(problem)")
        FileHandle.standardError.write(Data("ibterm: \(problem)\n".utf8))
    }

    /// A warning as the screen shows it: a file named by its path (`/home/…/ibterm/config.toml:
    /// line 3: …`) by its name only (`config.toml: line 3: …`); the log keeps the whole path.
    static func onScreen(_ warning: String) -> String {
        guard warning.hasPrefix("/"), let colon = warning.range(of: ": ") else { return warning }
        let path = warning[..<colon.lowerBound]
        return String(path.split(separator: "/").last ?? path) + warning[colon.lowerBound...]
    }
}

/// A plain-sentence failure for the command line.
struct AppFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
