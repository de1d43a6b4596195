import Logging
import PaperExchange
import PaperGateway
import Synchronization
import Testing
import TWSWire

/// What ``GatewayConfiguration/writeObserver`` sees, and the market update rate knob.
@Suite struct WriteObserverTests {
    /// Collects the observer's writes.
    final class Writes: Sendable {
        let all = Mutex<[GatewayWrite]>([])
        var messages: [ServerMessage] { all.withLock { $0.flatMap(\.messages) } }
    }

    func gateway(
        updateInterval: Int64 = 250, observer: (@Sendable (GatewayWrite) -> Void)?
    ) async throws -> GatewayFixture {
        let clock = ManualGatewayClock(start: GatewayFixture.start)
        var configuration = GatewayConfiguration(
            port: 0, seed: 7, tickIntervalMilliseconds: nil, clock: clock, logger: GatewayFixture.quietLogger)
        configuration.marketUpdateIntervalMilliseconds = updateInterval
        configuration.writeObserver = observer
        return GatewayFixture(server: try await PaperGatewayServer.start(configuration: configuration), clock: clock)
    }

    /// The tick messages of `reqId` (price, size, string) in order.
    func ticks(_ messages: [ServerMessage], reqId: Int) -> [ServerMessage] {
        messages.filter { message in
            switch message {
            case let .tickPrice(m): m.reqId == reqId
            case let .tickSize(m): m.reqId == reqId
            case let .tickString(m): m.reqId == reqId
            default: false
            }
        }
    }

    @Test func seesEveryMessageTheClientReceivesInWireOrder() async throws {
        let writes = Writes()
        let gateway = try await gateway { write in writes.all.withLock { $0.append(write) } }
        let client = try await gateway.connect(clientId: 9)
        try await client.send(.requestMarketData(RequestMarketData(reqId: 21, contract: .stock("AAPL"))))
        try await client.send(.requestMarketData(RequestMarketData(reqId: 22, contract: .stock("MSFT"))))
        try await gateway.advance(milliseconds: 3000)
        try await client.send(.requestCurrentTime)
        _ = try await client.next { if case .currentTime = $0 { true } else { nil } }

        let observed = writes.messages
        let received = client.all
        #expect(observed == received, "the observer saw exactly the decoded messages, in order")
        #expect(ticks(observed, reqId: 21).count > 10)
        let last = try #require(writes.all.withLock { $0.last })
        #expect(last.clientId == 9 && last.connectionNumber == 1)
        try await gateway.server.stop()
    }

    @Test func marketUpdateIntervalSetsTheTickRate() async throws {
        func tickCount(interval: Int64) async throws -> Int {
            let writes = Writes()
            let gateway = try await gateway(updateInterval: interval) { write in writes.all.withLock { $0.append(write) } }
            let client = try await gateway.connect()
            try await client.send(.requestMarketData(RequestMarketData(reqId: 5, contract: .stock("AAPL"))))
            _ = try await client.next { if case .tickRequestParameters = $0 { true } else { nil } }
            let before = ticks(writes.messages, reqId: 5).count
            try await gateway.advance(milliseconds: 10_000)
            try await client.send(.requestCurrentTime)
            _ = try await client.next { if case .currentTime = $0 { true } else { nil } }
            try await gateway.server.stop()
            return ticks(writes.messages, reqId: 5).count - before
        }
        let slow = try await tickCount(interval: 500)
        let fast = try await tickCount(interval: 50)
        // 20 against 200 updates in 10 s, each one or more tick messages.
        #expect(slow >= 14 && slow <= 120, "about 2 updates a second: \(slow) ticks")
        #expect(fast > 4 * slow, "ten times the updates: \(fast) against \(slow) ticks")
    }
}
