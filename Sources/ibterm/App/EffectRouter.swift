import Dashboard
import DashboardRuntime
import Foundation
import Logging
import Synchronization
import TerminalUI

/// Sends each reducer effect to whoever carries it out: the broker bridge, the journal, the
/// theme, the command history and watchlist files, the terminal's bell. Connected after construction, because
/// the store and the bridge need each other.
final class EffectRouter: Sendable {
    private struct Targets: Sendable {
        var bridge: BrokerBridge?
        var journal: JournalWriter?
        var look: TerminalLoop.Look?
        var themeFolders: [URL] = []
        var logger: Logger?
        var history: CommandHistoryFile?
        var watchlists: WatchlistsFile?
        var bell: TerminalBell?
        var alerts: AlertsFile?
        var alertCommands: AlertCommandRunner?
        var dump: (@Sendable () -> Void)?
        var replay: (@Sendable (ReplayControl) -> Void)?
        /// A screen on a desk's bridge: takes the effects that have a bus form (orders,
        /// cancels, subscriptions) instead of a broker bridge; true when it took one.
        var desk: (@Sendable (DashboardEffect) -> Bool)?
        /// The Client Portal failover: orders, cancels and answers to its questions while the
        /// socket link is down.
        var portal: PortalFailoverDriver?
    }

    private let targets = Mutex(Targets())

    func connect(
        bridge: BrokerBridge?, journal: JournalWriter?, look: TerminalLoop.Look, themeFolders: [URL], logger: Logger,
        history: CommandHistoryFile? = nil, watchlists: WatchlistsFile? = nil, bell: TerminalBell? = nil,
        alerts: AlertsFile? = nil
    ) {
        targets.withLock {
            $0 = Targets(bridge: bridge, journal: journal, look: look, themeFolders: themeFolders, logger: logger,
                         history: history, watchlists: watchlists, bell: bell, alerts: alerts,
                         alertCommands: AlertCommandRunner(logger: logger))
        }
    }

    /// Carries out `:dump` with `dump` (which writes the flight recorder's ring and reports to
    /// the store), off the caller's thread: writing megabytes must not hold the screen.
    func connectDump(_ dump: @escaping @Sendable () -> Void) {
        targets.withLock { $0.dump = dump }
    }

    /// Carries out the replay keys (pause, step, jump) with `control` (`ibterm replay`).
    func connectReplay(_ control: @escaping @Sendable (ReplayControl) -> Void) {
        targets.withLock { $0.replay = control }
    }

    /// Sends the effects a desk's bridge carries out (orders, cancels, subscriptions) to
    /// `desk` (`ibterm --source`).
    func connectDesk(_ desk: @escaping @Sendable (DashboardEffect) -> Bool) {
        targets.withLock { $0.desk = desk }
    }

    /// Sends the Client Portal's effects to the failover (`--portal`).
    func connectPortal(_ portal: PortalFailoverDriver) {
        targets.withLock { $0.portal = portal }
    }

    func route(_ effects: [DashboardEffect]) {
        let current = targets.withLock { $0 }
        for effect in effects {
            switch effect {
            case let .journal(entry):
                current.journal?.append(entry)
            case let .loadTheme(name):
                do {
                    let loaded = try ThemeLoader.load(name: name, from: current.themeFolders)
                    current.look?.setTheme(loaded.theme)
                } catch {
                    current.logger?.warning("theme: \(error)")
                }
            case .quit:
                break
            case .dumpTrace:
                if let dump = current.dump { Task.detached { dump() } }
            case .ringBell:
                current.bell?.ring()
            case let .controlReplay(control):
                current.replay?(control)
            case let .saveCommandHistory(lines):
                do {
                    try current.history?.save(lines)
                } catch {
                    current.logger?.warning("command history not saved: \(error)")
                }
            case let .saveWatchlists(lists):
                do {
                    try current.watchlists?.save(lists)
                } catch {
                    current.logger?.warning("watchlists not saved: \(error)")
                }
            case let .saveAlerts(records):
                do {
                    try current.alerts?.save(records)
                } catch {
                    current.logger?.warning("alerts not saved: \(error)")
                }
            case let .runAlertCommand(command, json):
                current.alertCommands?.run(command, json: json)
            case let .placeOrderOnPortal(orderID, instruction):
                if let portal = current.portal {
                    Task { await portal.place(orderID: orderID, instruction) }
                } else {
                    current.logger?.error("an order for the Client Portal without a portal configured: \(orderID)")
                }
            case let .cancelOrderOnPortal(orderID):
                if let portal = current.portal { Task { await portal.cancel(orderID: orderID) } }
            case let .answerPortalQuestion(replyID, confirmed):
                current.portal?.answer(replyID: replyID, confirmed: confirmed)
            default:
                if let desk = current.desk, desk(effect) { continue }
                current.bridge?.perform(effect)
            }
        }
    }
}
