/// What one soak run does: how many faults, how many quote subscriptions, the seed and the
/// pace of the order worker.
struct SoakOptions: Sendable {
    /// Faults to inject (dropped or half-open connections).
    var disconnects = 100
    /// Quote subscriptions streaming throughout.
    var symbols = 20
    /// Seeds the fault schedule, the fault kinds and the worker's choices.
    var seed: UInt64 = 1
    /// The client id the soak connects with.
    var clientId = 11
    /// The share of faults that are half-open connections (the rest are dropped).
    var halfOpenShare = 0.5
    /// Fault kinds to cycle through instead of drawing them (tests use it to get both kinds).
    var kindCycle: [SoakRun.FaultRecord.Kind]? = nil
    /// The worker's pause between two actions, in milliseconds.
    var actionPause: ClosedRange<Int> = 20...80
    /// How long after the previous reconnect settled the next fault comes, in milliseconds.
    var faultDelay: ClosedRange<Int> = 50...1500
    /// The share of faults followed by a second drop while the client resynchronises
    /// (resubscribing and reconciling on the new connection).
    var dropDuringSyncShare = 0.0
    /// Prints one line per fault to standard error.
    var verbose = false
}
