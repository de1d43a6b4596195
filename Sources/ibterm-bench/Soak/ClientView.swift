import TWSClient
import TWSWire

/// What the client reports when asked the way the dashboard asks: open orders, today's
/// executions and positions.
struct ClientView: Sendable {
    /// Open orders by order id (reqOpenOrders).
    var openOrderIds: [Int]
    /// Every execution reported (reqExecutions), in order; an execId twice is a duplicate.
    var executions: [ExecutionReport]
    /// Non-zero positions by symbol (reqPositions, first download).
    var positions: [String: Int]

    /// Asks the client; retries a request that failed (at most five times).
    static func request(from client: IBClient) async throws -> ClientView {
        let open = try await retry { try await client.openOrders() }
        let executions = try await retry { try await client.executions() }
        let stream = await client.positions()
        let download = Task { () -> [String: Int]? in
            var positions: [String: Int] = [:]
            for await event in stream {
                switch event {
                case .value(let position):
                    let quantity = position.position.wholeValue ?? 0
                    positions[position.contract.symbol] = quantity == 0 ? nil : quantity
                case .end:
                    return positions
                case .notice, .gap, .resumed:
                    break
                }
            }
            return nil
        }
        let timeout = Task {
            try? await Task.sleep(for: .seconds(10))
            download.cancel()
        }
        let downloaded = await download.value
        timeout.cancel()
        guard let positions = downloaded else { throw BenchFailure("the position download did not end") }
        return ClientView(openOrderIds: open.map(\.order.orderId), executions: executions, positions: positions)
    }

    private static func retry<T>(_ body: () async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await body()
            } catch {
                attempt += 1
                if attempt >= 5 { throw error }
                try await Task.sleep(for: .seconds(1))
            }
        }
    }
}
