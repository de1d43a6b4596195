import Dashboard
import TWSClient

/// The sparkline's start: today's one-minute closes of each symbol, read once per run after its
/// contract is known, one request after another (IB paces historical data).
extension BrokerBridge {
    /// Queues `symbol`'s session bars, once per run.
    func askSessionBars(_ symbol: String) {
        let first = state.withLock { $0.barsAsked.insert(symbol).inserted }
        if first { sessionBars.continuation.yield(symbol) }
    }

    /// Reads the queued symbols' bars one at a time and hands their closes to the dashboard; a
    /// refusal (no data, pacing) leaves that sparkline to fill from live ticks, as before.
    func readSessionBars() async {
        for await symbol in sessionBars.stream {
            do {
                let bars = try await client.historicalBars(contract(for: symbol), duration: "1 D", barSize: "1 min")
                store.send(.sessionBarsLoaded(symbol: symbol, closes: bars.map(\.close)))
            } catch {
                logger.info("session bars of \(symbol) not read: \(error)")
            }
            try? await Task.sleep(for: .milliseconds(250))
        }
    }
}
