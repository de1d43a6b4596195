import TWSClient
import TWSWire

/// The verdict of one soak: figures to print and the invariants that failed.
///
/// Definitions (orders and fills of the soak's client id only):
/// - **lost order**: the gateway has the order, but after reconciliation the client's handle
///   never heard of it from the gateway (no status with a permId, no fill), or the
///   client's open-order list lacks an order the gateway holds open.
/// - **phantom order**: the client's handle heard of it from the gateway, still shows it
///   pending or working, or its open-order list names it, but the gateway has no such order
///   (or, for the open-order list, holds it no longer open).
/// - **duplicated order**: one placeOrder (one `orderRef`) became two gateway orders, or a
///   gateway order under another id than the handle's.
/// - **disagreeing order**: both know the order but its final state (filled / done unfilled /
///   working) or filled quantity differ.
/// - **unresolved order**: its handle has no final status after the soak settled and every
///   open order was cancelled.
/// - **lost fill**: a gateway execution missing from its order's handle stream or from the
///   client's executions answer; **duplicated fill**: an execId reported twice on a handle or
///   in one executions answer; **phantom fill**: an execId the client reports that the gateway
///   never had.
/// - **position mismatch**: a symbol whose position differs between reqPositions and the
///   gateway's account.
struct SoakReport: Sendable {
    let options: SoakOptions
    let symbols: Int
    let faults: [SoakRun.FaultRecord]
    let tally: SoakWorker.Tally
    let losses: Int
    /// Extra drops injected while the client resynchronised, with their detection times.
    let syncDrops: [Duration?]
    let ticks: Int
    let traces: [Int: SoakObserver.OrderTrace]
    let stateChanges: [SoakObserver.StateChange]
    let clientView: ClientView
    let gatewayBefore: GatewayLedgerView
    let gatewayAfter: GatewayLedgerView
    /// The SQLite ledger as a new gateway restores it after the soak.
    let ledger: GatewayLedgerView

    /// The goal for detecting a closed connection ("at once").
    static let closedDetectionGoal = Duration.milliseconds(100)
    /// The goal for detecting a half-open connection (2 s of silence, then 3 s for the probe).
    static let halfOpenDetectionGoal = Duration.seconds(5)

    // MARK: Orders

    private var gatewayOrders: [GatewayLedgerView.OrderRow] {
        gatewayAfter.orderList.filter { $0.clientId == options.clientId }
    }

    var acknowledged: Int { traces.values.count { $0.heardFromGateway } }

    /// Orders the client itself ended ApiCancelled without the gateway ever having them.
    var writtenOff: Int { traces.values.count { !$0.heardFromGateway && $0.last?.status == .apiCancelled } }

    var lostOrders: [Int] {
        var lost = Set<Int>()
        for order in gatewayOrders where !(traces[order.orderId]?.heardFromGateway ?? false) { lost.insert(order.orderId) }
        let listed = Set(clientView.openOrderIds)
        for order in gatewayBefore.orders.values where order.clientId == options.clientId && order.isOpen && !listed.contains(order.orderId) {
            lost.insert(order.orderId)
        }
        return lost.sorted()
    }

    var phantomOrders: [Int] {
        var phantom = Set<Int>()
        for trace in traces.values where gatewayAfter.orders[trace.orderId] == nil {
            let believesItExists = trace.heardFromGateway || !(trace.last?.status.isFinal ?? false)
            if believesItExists { phantom.insert(trace.orderId) }
        }
        for orderId in clientView.openOrderIds where !(gatewayBefore.orders[orderId]?.isOpen ?? false) { phantom.insert(orderId) }
        return phantom.sorted()
    }

    var duplicatedOrders: [String] {
        var byRef: [String: Int] = [:]
        for order in gatewayOrders { byRef[order.orderRef, default: 0] += 1 }
        var duplicated = Set(byRef.filter { $0.value > 1 }.keys)
        let refById = Dictionary(uniqueKeysWithValues: traces.values.map { ($0.orderRef, $0.orderId) })
        for order in gatewayOrders where refById[order.orderRef].map({ $0 != order.orderId }) ?? false {
            duplicated.insert(order.orderRef)
        }
        return duplicated.sorted()
    }

    var disagreeingOrders: [Int] {
        gatewayOrders.compactMap { order in
            guard let trace = traces[order.orderId], trace.heardFromGateway, let last = trace.last else { return nil }
            let gatewayClass = order.status == "Filled" ? "filled" : order.isOpen ? "working" : "done"
            let clientClass = last.status == .filled ? "filled" : last.status.isFinal ? "done" : "working"
            let clientFilled = last.filled.wholeValue ?? -1
            return gatewayClass == clientClass && clientFilled == order.filled ? nil : order.orderId
        }
    }

    var unresolvedOrders: [Int] {
        traces.values.filter { !($0.last?.status.isFinal ?? false) }.map(\.orderId).sorted()
    }

    // MARK: Fills

    private var gatewayFills: [GatewayLedgerView.FillRow] {
        gatewayAfter.fills.filter { $0.clientId == options.clientId }
    }

    var lostFills: [String] {
        let reported = Set(clientView.executions.map(\.execution.execId))
        return gatewayFills.filter { fill in
            (traces[fill.orderId]?.executionCounts[fill.execId] ?? 0) == 0 || !reported.contains(fill.execId)
        }.map(\.execId)
    }

    var duplicatedFills: [String] {
        var duplicated = Set<String>()
        for trace in traces.values { for (execId, count) in trace.executionCounts where count > 1 { duplicated.insert(execId) } }
        var seen = Set<String>()
        for report in clientView.executions where !seen.insert(report.execution.execId).inserted {
            duplicated.insert(report.execution.execId)
        }
        return duplicated.sorted()
    }

    var phantomFills: [String] {
        let known = Set(gatewayFills.map(\.execId))
        var phantom = Set<String>()
        for trace in traces.values { for execId in trace.executionCounts.keys where !known.contains(execId) { phantom.insert(execId) } }
        for report in clientView.executions where report.execution.clientId == options.clientId && !known.contains(report.execution.execId) {
            phantom.insert(report.execution.execId)
        }
        return phantom.sorted()
    }

    var positionMismatches: [String] {
        let symbols = Set(clientView.positions.keys).union(gatewayBefore.positions.keys)
        return symbols.filter { clientView.positions[$0] != gatewayBefore.positions[$0] }.sorted()
    }

    /// Orders and fills on which the reopened SQLite ledger differs from the live gateway.
    var ledgerMismatches: [String] {
        func key(_ order: GatewayLedgerView.OrderRow) -> String { "\(order.orderId) \(order.status) \(order.filled)" }
        let live = Set(gatewayAfter.orderList.map(key)), stored = Set(ledger.orderList.map(key))
        let liveFills = Set(gatewayAfter.fills.map(\.execId)), storedFills = Set(ledger.fills.map(\.execId))
        return (live.symmetricDifference(stored).map { "order \($0)" } + liveFills.symmetricDifference(storedFills).map { "fill \($0)" }).sorted()
    }

    // MARK: Connections

    func detections(_ kind: SoakRun.FaultRecord.Kind) -> [Duration] {
        faults.filter { $0.kind == kind }.compactMap(\.detection).sorted()
    }

    var reconnects: [Duration] { faults.compactMap(\.reconnect).sorted() }

    var undetected: Int { faults.count { $0.detection == nil } }
    var neverUsableAgain: Int { faults.count { $0.reconnect == nil } }
    var subscriptionsNotRestored: Int { faults.count { $0.reconnect != nil && $0.restoredSymbols < symbols } }
    var closedTooSlow: Int {
        (detections(.dropped) + syncDrops.compactMap { $0 }).count { $0 > Self.closedDetectionGoal }
    }
    var halfOpenTooSlow: Int { detections(.halfOpen).count { $0 > Self.halfOpenDetectionGoal } }

    // MARK: Output

    /// One `name: value unit` line per figure.
    var lines: [String] {
        func ms(_ d: Duration?) -> String {
            guard let d else { return "n/a" }
            let c = d.components
            return String(format: "%.1f", Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15)
        }
        func p50(_ values: [Duration]) -> Duration? { values.isEmpty ? nil : values[values.count / 2] }
        let dropped = detections(.dropped), halfOpen = detections(.halfOpen)
        let tradeFills = gatewayFills.count
        return [
            "soak-faults-injected: \(faults.count) faults (\(faults.count { $0.kind == .dropped }) dropped, \(faults.count { $0.kind == .halfOpen }) half-open)",
            "soak-drops-during-resync: \(syncDrops.count) extra faults (dropped while resubscribing and reconciling)",
            "soak-resync-drop-detection-max: \(ms(syncDrops.compactMap { $0 }.max())) ms",
            "soak-connection-losses-seen: \(losses) losses",
            "soak-orders-attempted: \(tally.placeAttempts) orders (\(tally.resting) resting, \(tally.marketable) marketable, \(tally.cancelledMidFlight) cancelled mid-flight)",
            "soak-orders-acknowledged: \(acknowledged) orders",
            "soak-orders-written-off-by-client: \(writtenOff) orders (ApiCancelled: sent into a connection that died, or still queued, and not at the gateway)",
            "soak-orders-refused-by-client: \(tally.placeRefused) orders\(tally.refusals.isEmpty ? "" : " (" + tally.refusals.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")")",
            "soak-cancels-attempted: \(tally.cancelAttempts) cancels (\(tally.cancelRefused) refused while not usable, retried)",
            "soak-gateway-orders: \(gatewayOrders.count) orders, \(tradeFills) fills",
            "soak-lost-orders: \(lostOrders.count) orders",
            "soak-duplicated-orders: \(duplicatedOrders.count) orders",
            "soak-phantom-orders: \(phantomOrders.count) orders",
            "soak-disagreeing-orders: \(disagreeingOrders.count) orders",
            "soak-unresolved-orders: \(unresolvedOrders.count) orders",
            "soak-lost-fills: \(lostFills.count) fills",
            "soak-duplicated-fills: \(duplicatedFills.count) fills",
            "soak-phantom-fills: \(phantomFills.count) fills",
            "soak-position-mismatches: \(positionMismatches.count) symbols",
            "soak-ledger-mismatches: \(ledgerMismatches.count) records (SQLite ledger reopened against the live gateway)",
            "soak-subscriptions-restored: \(faults.count - subscriptionsNotRestored - neverUsableAgain) of \(faults.count) reconnects (\(symbols) subscriptions each; \(ticks) ticks in all)",
            "soak-closed-detection-p50: \(ms(p50(dropped))) ms",
            "soak-closed-detection-max: \(ms(dropped.last)) ms",
            "soak-half-open-detection-p50: \(ms(p50(halfOpen))) ms",
            "soak-half-open-detection-max: \(ms(halfOpen.last)) ms",
            "soak-reconnect-p50: \(ms(p50(reconnects))) ms",
            "soak-reconnect-max: \(ms(reconnects.last)) ms",
        ]
    }

    /// Every invariant or goal that failed, in words; empty when the soak passed.
    var failures: [String] { invariantFailures + goalMisses }

    /// Detection times over their goals (they depend on the machine's load, so tests leave
    /// them to the benchmark).
    var goalMisses: [String] {
        var misses: [String] = []
        if closedTooSlow > 0 { misses.append("\(closedTooSlow) closed connections detected later than \(Self.closedDetectionGoal)") }
        if halfOpenTooSlow > 0 { misses.append("\(halfOpenTooSlow) half-open connections detected later than \(Self.halfOpenDetectionGoal)") }
        return misses
    }

    /// Every invariant that failed (nothing lost, duplicated or invented; every fault noticed
    /// and recovered from; every subscription restored), in words.
    var invariantFailures: [String] {
        var failures: [String] = []
        func check(_ items: [some CustomStringConvertible], _ what: String) {
            if !items.isEmpty { failures.append("\(items.count) \(what): \(items.prefix(10).map(\.description).joined(separator: ", "))") }
        }
        check(lostOrders, "lost orders")
        check(duplicatedOrders, "duplicated orders")
        check(phantomOrders, "phantom orders")
        check(disagreeingOrders, "orders whose final state differs")
        check(unresolvedOrders, "unresolved orders")
        check(lostFills, "lost fills")
        check(duplicatedFills, "duplicated fills")
        check(phantomFills, "phantom fills")
        check(positionMismatches, "position mismatches")
        check(ledgerMismatches, "records on which the reopened ledger differs")
        if undetected > 0 { failures.append("\(undetected) faults never detected") }
        if neverUsableAgain > 0 { failures.append("\(neverUsableAgain) faults after which the client never became usable") }
        if subscriptionsNotRestored > 0 { failures.append("\(subscriptionsNotRestored) reconnects after which not every subscription ticked") }
        if losses != faults.count + syncDrops.count {
            failures.append("\(losses) connection losses for \(faults.count + syncDrops.count) faults")
        }
        if syncDrops.contains(where: { $0 == nil }) { failures.append("a drop during resynchronisation was never detected") }
        return failures
    }

    /// Details of one order, for diagnosing a failure.
    func describe(orderId: Int) -> String {
        let trace = traces[orderId]
        let gateway = gatewayAfter.orders[orderId]
        let statuses = trace?.statuses.map { "\($0.status)(\($0.filled))\($0.permId == 0 ? "*" : "")" }.joined(separator: " ") ?? "-"
        return "order \(orderId) ref \(trace?.orderRef ?? gateway?.orderRef ?? "?"): client [\(statuses)] fills \(trace?.executionCounts.count ?? 0) gaps \(trace?.gaps ?? 0) notices \(trace?.notices ?? []) finished \(trace?.finished ?? false) placed \(trace.map { "\($0.placedAt)" } ?? "-"); gateway \(gateway.map { "\($0.status) filled \($0.filled)" } ?? "none")"
    }
}
