import Dashboard
import DashboardRuntime
import DashboardFeed
import Foundation
import Logging
import Synchronization
import TWSClient
import TWSStreams
import TWSWire

/// Keeps every order of the account on the dashboard, not only those this run placed: on
/// connect and after every reconnect it asks for all open orders (every client id), today's
/// executions with commissions and the completed orders; while connected it asks for all open
/// orders again every ``pollInterval`` (IB tells a client nothing of other clients' orders
/// unless asked) with the next valid order id (reqIds, so tickets stay clear of ids other
/// clients took), and for completed orders whenever a listed order stops being listed, so
/// that order's final state shows too.
///
/// It also cancels orders of other client ids the one way IB allows: under the owner's
/// client id, over a connection of its own (docs/DECISIONS.md, "Every order of the account,
/// and who may cancel it").
final class AccountOrdersFollower: Sendable {
    let client: IBClient
    let store: DashboardStore
    let logger: Logger
    /// How often open orders are asked for while connected.
    let pollInterval: Duration
    private let state = Mutex(FollowState())

    private struct FollowState {
        var isUsable = false
        /// Order ids of the last open-orders answer.
        var listed: Set<Int> = []
        /// Order ids and their owners' client ids by permanent id (COMPLETED_ORDER has only
        /// the permanent id).
        var orderByPermID: [Int: (orderID: Int, clientID: Int)] = [:]
        var refreshing = false
        /// The next order id last reported to the dashboard.
        var reportedNextOrderID: Int?
    }

    init(client: IBClient, store: DashboardStore, logger: Logger, pollInterval: Duration = .seconds(2)) {
        self.client = client
        self.store = store
        self.logger = logger
        self.pollInterval = pollInterval
    }

    /// Follows the connection and polls; the tasks end when cancelled.
    func start() async -> [Task<Void, Never>] {
        let states = await client.connectionStates()
        let follow = Task { [self] in
            for await status in states {
                if case .usable = status.state {
                    state.withLock { $0.isUsable = true }
                    await refresh(everything: true)
                } else {
                    state.withLock { $0.isUsable = false }
                }
            }
        }
        let poll = Task { [self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: pollInterval)
                if state.withLock({ $0.isUsable }) { await refresh(everything: false) }
            }
        }
        return [follow, poll]
    }

    /// Asks for every open order; with `everything` (or when a listed order vanished) also for
    /// today's executions and completed orders.
    func refresh(everything: Bool) async {
        let busy = state.withLock { state -> Bool in
            defer { state.refreshing = true }
            return state.refreshing
        }
        guard !busy else { return }
        defer { state.withLock { $0.refreshing = false } }
        let thisClient = await client.clientID
        let open: [TWSStreams.OpenOrderReport]
        do {
            open = try await client.allOpenOrders()
        } catch {
            logger.info("all open orders not read: \(error)")
            return
        }
        let vanished = state.withLock { state -> Bool in
            let now = Set(open.map(\.order.orderId))
            defer { state.listed = now }
            for report in open where report.order.permId != 0 {
                state.orderByPermID[report.order.permId] = (report.order.orderId, report.order.clientId)
            }
            return !state.listed.subtracting(now).isEmpty
        }
        for report in open {
            store.send(.openOrder(OpenOrderSnapshot(report, thisClientID: thisClient)))
        }
        // Another client's orders move the gateway's next id (also orders that filled at once
        // and are never listed open): the dashboard numbers its tickets past it.
        if let next = try? await client.nextValidOrderID() {
            let moved = state.withLock { state -> Bool in
                defer { state.reportedNextOrderID = next }
                return state.reportedNextOrderID != next
            }
            if moved { store.send(.nextValidOrderID(next)) }
        }
        guard everything || vanished else { return }
        do {
            let fills = try await client.executions()
            state.withLock { state in
                for fill in fills where fill.execution.permId != 0 {
                    state.orderByPermID[fill.execution.permId] = (fill.execution.orderId, fill.execution.clientId)
                }
            }
            for fill in fills {
                for event in DashboardEvent.events(for: fill) { store.send(event) }
            }
        } catch {
            logger.info("executions not read: \(error)")
        }
        do {
            let completed = try await client.completedOrders()
            let known = state.withLock { $0.orderByPermID }
            for order in completed where order.order.permId != 0 {
                let match = known[order.order.permId]
                store.send(.completedOrder(CompletedOrderReport(
                    order, orderID: match?.orderID, ownerClientID: match?.clientID, thisClientID: thisClient)))
            }
        } catch {
            logger.info("completed orders not read: \(error)")
        }
    }
}
