import ArgumentParser
import Foundation

/// Endurance: the gateway drops or half-opens the connection again and again while orders are
/// placed and cancelled; afterwards the client's view must match the gateway's ledger.
struct SoakBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soak",
        abstract: "Dropped and half-open connections while trading; the client's view against the gateway's ledger.",
        discussion: """
            Starts the paper gateway in-process (fresh SQLite ledger in a temporary file, \
            loopback, ephemeral port) and connects ibterm's IBClient with its default \
            keepalive (2 s of silence, then 3 s for the probe) and reconnect policy (full-jitter \
            backoff from 0.5 s). --symbols quote subscriptions stream throughout. A worker \
            places an order or cancel every 20-80 ms: resting BUY LMT 1.00 orders it cancels \
            later, marketable MKT orders that fill, orders it cancels right after placing them. \
            At seeded random moments (50-1500 ms after the previous reconnect has settled) the \
            gateway either closes every connection or half-opens them (stops reading and \
            answering, sockets open) until the client has noticed; --disconnects faults in \
            all. Afterwards the worker stops; the client is asked for open orders, executions \
            and positions (as the dashboard asks), every open order is cancelled, and the \
            client's view (those answers and every order handle's event stream) is compared \
            with the gateway's exchange state; finally the SQLite ledger is reopened by a new \
            gateway and compared with the live one.

            Definitions, for the soak client's orders: lost order = the gateway has it but the \
            handle never heard of it from the gateway, or the open-order answer lacks an order \
            the gateway holds open; phantom order = the client heard of it or still thinks it \
            pending or working, or lists it open, but the gateway has no such (open) order; \
            duplicated order = one placeOrder (one orderRef) became two gateway orders; \
            disagreeing = final state or filled quantity differ; unresolved = no final status \
            on the handle at the end. Lost fill = a gateway execution missing from the handle \
            or from the executions answer; duplicated fill = an execId twice on a handle or in \
            one answer; phantom fill = an execId the gateway never had. Detection = fault \
            injected to the client's first state that is not usable (closed: goal at once, \
            taken as 100 ms; half-open: goal 5 s); reconnect = loss to usable again; a \
            subscription is restored when it ticks after the client is usable again. Exits \
            non-zero when any invariant fails (FAILED) or a detection time misses its goal \
            (MISSED GOAL). Timings depend on the machine's load; the seed fixes the fault \
            schedule, the fault kinds and the worker's choices, not the interleaving.
            """
    )

    @Option(help: "Faults to inject (dropped or half-open connections).")
    var disconnects: Int = 100

    @Option(help: "Quote subscriptions streaming throughout.")
    var symbols: Int = 20

    @Option(help: "Seed of the fault schedule and the order worker.")
    var seed: UInt64 = 1

    @Option(help: "Share of half-open faults (0...1); the rest are dropped connections.")
    var halfOpenShare: Double = 0.5

    @Option(help: "Share of faults followed by a second drop while the client resynchronises (0...1).")
    var dropDuringSync: Double = 0

    @Flag(help: "Print one line per fault to standard error.")
    var verbose = false

    func run() async throws {
        var options = SoakOptions()
        options.disconnects = disconnects
        options.symbols = symbols
        options.seed = seed
        options.halfOpenShare = halfOpenShare
        options.dropDuringSyncShare = dropDuringSync
        options.verbose = verbose
        let report = try await SoakRun(options: options).run()
        for line in report.lines { print(line) }
        let invariants = report.invariantFailures
        for failure in invariants { print("FAILED: \(failure)") }
        for miss in report.goalMisses { print("MISSED GOAL: \(miss)") }
        if !invariants.isEmpty {
            let suspects = Set(report.lostOrders + report.phantomOrders + report.disagreeingOrders + report.unresolvedOrders).sorted()
            for orderId in suspects.prefix(20) { print("  " + report.describe(orderId: orderId)) }
            if verbose {
                for orderId in suspects.prefix(3) { for line in report.traces[orderId]?.events ?? [] { print("    " + line) } }
                for change in report.stateChanges { print("  state \(change.at) \(change.state)") }
            }
        }
        guard report.failures.isEmpty else { throw ExitCode(1) }
        print("soak: every invariant held")
    }
}
