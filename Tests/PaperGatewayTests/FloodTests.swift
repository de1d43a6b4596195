import PaperExchange
@testable import PaperGateway
import Synchronization
import Testing
import TWSWire

/// Issue #12 item 7, a server that cannot be starved: for each flood, another client is served
/// while it goes on, and the gateway's own bounded structures stay within their bounds
/// (``GatewayLoad``: connections, bytes buffered in and out per connection, requests and bars
/// per turn, queued history, subscriptions). Memory is asserted on those, never on the
/// process's resident size, and nothing here asserts a time.
@Suite struct FloodTests {
    /// The writes the gateway made, in order: to which client, and how many of the messages
    /// answered a request of the burst (MARKET_DATA_TYPE or a refusal) or were CURRENT_TIME.
    final class WriteLog: Sendable {
        struct Entry: Sendable {
            var clientId: Int?
            var answers: Int
            var currentTime: Bool
        }
        private let entries = Mutex<[Entry]>([])

        var observer: @Sendable (GatewayWrite) -> Void {
            { write in
                let answers = write.messages.count { message in
                    switch message {
                    case .marketDataType: true
                    case let .error(e): e.code == 101
                    default: false
                    }
                }
                let currentTime = write.messages.contains { if case .currentTime = $0 { true } else { false } }
                self.entries.withLock { $0.append(Entry(clientId: write.clientId, answers: answers, currentTime: currentTime)) }
            }
        }

        var all: [Entry] { entries.withLock { $0 } }
    }

    static let stocks = (try? GatewayResources.universe().instruments.filter { $0.secType == .stock }.map(\.symbol)) ?? ["AAPL"]

    /// Polls the gateway's load until `condition` holds (at most `timeout`).
    static func load(
        of gateway: GatewayFixture, timeout: Duration = .seconds(30), until condition: (GatewayLoad) -> Bool
    ) async throws -> GatewayLoad {
        let deadline = ContinuousClock.now + timeout
        while true {
            let load = try await gateway.server.load()
            if condition(load) || ContinuousClock.now >= deadline { return load }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    @Test func aBurstOfTenThousandRequestsIsHandledAFewATurnWhileAnotherClientIsServed() async throws {
        let writes = WriteLog()
        let gateway = try await GatewayFixture.make { $0.writeObserver = writes.observer }
        let configuration = gateway.server.configuration
        let flooder = try await gateway.connect(clientId: 3)
        let other = try await gateway.connect(clientId: 4)
        let version = try #require(flooder.serverVersion)
        func burst(_ ids: ClosedRange<Int>) -> [UInt8] {
            ids.flatMap { id in
                ClientMessage.requestMarketData(RequestMarketData(reqId: id, contract: .stock(Self.stocks[id % Self.stocks.count])))
                    .encoded(serverVersion: version)
            }
        }
        // The other client's request is on the wire before the second half of the burst, which
        // is longer than the gateway reads in one turn: it must be answered before that half is.
        try await flooder.sendRaw(burst(1...5000))
        try await other.send(.requestCurrentTime)
        try await flooder.sendRaw(burst(5001...10_000))
        _ = try await other.next("the other client's answer") { if case .currentTime = $0 { true } else { nil } }

        var subscribed = 0, refused = 0
        for _ in 0..<10_000 {
            let answer = try await flooder.next("an answer to the burst", timeout: .seconds(30)) { message -> Int? in
                switch message {
                case .marketDataType: 0
                case let .error(e) where e.code == 101: 1
                default: nil
                }
            }
            if answer == 0 { subscribed += 1 } else { refused += 1 }
        }
        #expect(subscribed == 100 && refused == 9900, "every request answered: IB's 100 lines, then 101")
        let log = writes.all
        let served = try #require(log.firstIndex { $0.clientId == 4 && $0.currentTime })
        let flooderAnswersBefore = log[..<served].filter { $0.clientId == 3 }.reduce(0) { $0 + $1.answers }
        #expect(flooderAnswersBefore < 10_000, "the other client was answered while the burst was being answered")

        let load = try await gateway.server.load()
        #expect(load.peakRequestsPerTurn <= configuration.requestsPerTurn)
        #expect(load.peakInboundBytes <= configuration.maximumBufferedRequestBytes)
        #expect(load.peakOutboundBytes <= configuration.maximumOutboundBytes)
        #expect(load.peakSubscriptions <= configuration.maxMarketDataLines)
        #expect(load.closed.isEmpty)
        try await gateway.server.stop()
    }

    @Test func subscriptionsOfEveryKindAreCappedPerClient() async throws {
        let gateway = try await GatewayFixture.make()
        let flooder = try await gateway.connect(clientId: 3)
        let other = try await gateway.connect(clientId: 4)
        let version = try #require(flooder.serverVersion)
        var requests: [UInt8] = []
        for id in 1...300 {
            for message: ClientMessage in [
                .requestAccountSummary(RequestAccountSummary(reqId: id, tags: "NetLiquidation")),
                .requestPnL(RequestPnL(reqId: 1000 + id, account: "DU0000001")),
                .requestPnLSingle(RequestPnLSingle(reqId: 2000 + id, account: "DU0000001", conId: 265598)),
                .requestAccountUpdatesMulti(RequestAccountUpdatesMulti(reqId: 3000 + id, account: "DU0000001")),
            ] {
                requests += message.encoded(serverVersion: version)
            }
        }
        try await flooder.sendRaw(requests)
        try await other.send(.requestCurrentTime)
        _ = try await other.next("the other client's answer") { if case .currentTime = $0 { true } else { nil } }
        try await flooder.send(.requestCurrentTime)
        _ = try await flooder.next("the flooder's last answer", timeout: .seconds(30)) { if case .currentTime = $0 { true } else { nil } }
        let refusals = flooder.all.filter { if case let .error(e) = $0 { e.code == 322 } else { false } }.count
        #expect(refusals == 4 * 300 - GatewayEngine.maximumAccountSummaries - 3 * GatewayEngine.maximumSubscriptionsOfAKind)
        let load = try await gateway.server.load()
        #expect(load.peakSubscriptions == GatewayEngine.maximumAccountSummaries + 3 * GatewayEngine.maximumSubscriptionsOfAKind)
        try await gateway.server.stop()
    }

    @Test func fortyConnectionsAreHeldToThirtyTwoWhileAClientIsServed() async throws {
        let gateway = try await GatewayFixture.make()
        var clients: [WireTestClient] = []
        for id in 0..<32 { clients.append(try await gateway.connect(clientId: 100 + id)) }
        for _ in 0..<8 {
            let extra = try await WireTestClient.open(port: gateway.server.port)
            try await extra.waitForClose()
            try await clients[0].send(.requestCurrentTime)
            _ = try await clients[0].next("a connected client is served meanwhile") { if case .currentTime = $0 { true } else { nil } }
        }
        let load = try await gateway.server.load()
        #expect(load.connections == 32 && load.peakConnections == 32)
        #expect(load.closed == [.connectionLimit: 8])
        try await gateway.server.stop()
    }

    @Test func twentySilentSocketsAreClosedAtTheDeadlineWhileAnotherClientIsServed() async throws {
        let gateway = try await GatewayFixture.make()
        let other = try await gateway.connect(clientId: 4)
        var silent: [WireTestClient] = []
        for _ in 0..<20 { silent.append(try await WireTestClient.open(port: gateway.server.port)) }
        _ = try await Self.load(of: gateway) { $0.connections == 21 }
        try await gateway.advance(milliseconds: 4000)
        try await other.send(.requestCurrentTime)
        _ = try await other.next("served while the silent sockets wait") { if case .currentTime = $0 { true } else { nil } }
        #expect(silent.allSatisfy { !$0.isClosed })
        try await gateway.advance(milliseconds: 1000)
        for socket in silent { try await socket.waitForClose() }
        let load = try await Self.load(of: gateway) { $0.connections == 1 }
        #expect(load.connections == 1 && load.peakConnections == 21)
        #expect(load.closed == [.handshakeTimeout: 20])
        try await other.send(.requestCurrentTime)
        _ = try await other.next("served after they are gone") { if case .currentTime = $0 { true } else { nil } }
        try await gateway.server.stop()
    }

    @Test func oversizedFramesCloseTheirConnectionsWithoutBeingBuffered() async throws {
        let gateway = try await GatewayFixture.make()
        let configuration = gateway.server.configuration
        let other = try await gateway.connect(clientId: 4)
        let sixteenMiB: [UInt8] = [0x01, 0x00, 0x00, 0x00]
        let part = [UInt8](repeating: 0x78, count: 64 * 1024)
        var attackers: [WireTestClient] = []
        for index in 0..<10 {
            // Half announce it as the version offer, half as a request after START_API.
            let attacker = index < 5
                ? try await WireTestClient.open(port: gateway.server.port)
                : try await gateway.connect(clientId: 300 + index)
            if index < 5 { try await attacker.sendRaw(Handshake.prefix) }
            attacker.sendWithoutWaiting(sixteenMiB + part + part)
            attackers.append(attacker)
        }
        try await other.send(.requestCurrentTime)
        _ = try await other.next("served meanwhile") { if case .currentTime = $0 { true } else { nil } }
        for attacker in attackers { try await attacker.waitForClose() }
        let load = try await Self.load(of: gateway) { $0.connections == 1 }
        #expect(load.closed == [.oversizedRequest: 10])
        #expect(load.peakInboundBytes <= configuration.maximumBufferedRequestBytes)
        #expect(load.peakInboundBytes < 16 * 1024 * 1024 / 8, "not one announced frame was kept")
        try await gateway.server.stop()
    }

    @Test func aClientThatDoesNotReadIsHeldThenDisconnectedAtItsCapWhileAnotherIsServed() async throws {
        let gateway = try await GatewayFixture.make {
            $0.outboundHighWaterBytes = 64 * 1024
            $0.maximumOutboundBytes = 512 * 1024
        }
        let configuration = gateway.server.configuration
        let unread = try await gateway.connect(clientId: 3, receiveBufferBytes: 4096)
        let other = try await gateway.connect(clientId: 4)
        for (index, symbol) in Self.stocks.prefix(50).enumerated() {
            try await unread.send(.requestMarketData(RequestMarketData(reqId: index + 1, contract: .stock(symbol))))
        }
        try await unread.send(.requestCurrentTime)
        _ = try await unread.next { if case .currentTime = $0 { true } else { nil } }
        await unread.stopReading()
        // 20,000 contract-details requests, about 20 MB of answers nobody reads.
        let version = try #require(unread.serverVersion)
        let request = ClientMessage.requestContractDetails(RequestContractDetails(reqId: 1, contract: .stock("AAPL"))).encoded(serverVersion: version)
        unread.sendWithoutWaiting(Array([[UInt8]](repeating: request, count: 20_000).joined()))
        let held = try await Self.load(of: gateway) { $0.waitingForWrites == 1 }
        #expect(held.waitingForWrites == 1, "the gateway stopped reading the client that does not read")
        #expect(held.connections == 2)
        try await other.send(.requestCurrentTime)
        _ = try await other.next("served while the other does not read") { if case .currentTime = $0 { true } else { nil } }
        // Its quotes keep coming; once they pass the cap the connection is closed.
        for _ in 0..<600 where !unread.isClosed {
            try await gateway.advance(milliseconds: 1000)
            try await other.send(.requestCurrentTime)
            _ = try await other.next("served while the quotes pile up") { if case .currentTime = $0 { true } else { nil } }
        }
        try await unread.waitForClose()
        let load = try await Self.load(of: gateway) { $0.connections == 1 }
        #expect(load.closed == [.notReading: 1])
        #expect(load.peakOutboundBytes <= configuration.maximumOutboundBytes)
        #expect(load.peakOutboundBytes > configuration.outboundHighWaterBytes)
        try await gateway.server.stop()
    }

    @Test func aHistoryFloodIsDrawnInBoundedTurnsWhileAnotherClientIsServed() async throws {
        let gateway = try await GatewayFixture.make()
        let configuration = gateway.server.configuration
        let flooder = try await gateway.connect(clientId: 2)
        let big = try await gateway.connect(clientId: 3)
        let other = try await gateway.connect(clientId: 4)
        let symbols = ["AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "JPM", "SPY", "QQQ", "IWM"]
        try await big.send(.requestHistoricalData(RequestHistoricalData(
            reqId: 1, contract: Contract(symbol: "EUR", secType: "CASH", exchange: "IDEALPRO", currency: "USD"),
            barSizeSetting: "1 min", durationString: "69 D", useRTH: 0, whatToShow: "MIDPOINT")))
        for id in 0..<90 {
            try await flooder.send(.requestHistoricalData(RequestHistoricalData(
                reqId: 1000 + id, contract: .stock(symbols[id % symbols.count]), barSizeSetting: "1 min", durationString: "1 M", useRTH: 0)))
        }
        // Every request is answered (bars, or IB's refusal), a few thousand bars a timer tick;
        // the other client is answered between any two.
        func settled(_ client: WireTestClient, _ count: Int) -> Bool {
            client.all.filter { message in
                switch message {
                case .historicalData: true
                case let .error(e): e.code < 2000 && e.code != 100
                default: false
                }
            }.count >= count
        }
        var ticks = 0
        while !(settled(flooder, 90) && settled(big, 1)), ticks < 600 {
            try await gateway.advance(milliseconds: 100)
            ticks += 1
            try await other.send(.requestCurrentTime)
            _ = try await other.next("served between two turns of drawing") { if case .currentTime = $0 { true } else { nil } }
        }
        #expect(settled(flooder, 90) && settled(big, 1))
        let largest = try #require(big.all.compactMap { if case let .historicalData(h) = $0 { h } else { nil } }.first)
        #expect(largest.bars.count > 90_000, "the largest legal request, in one message")
        #expect(zip(largest.bars, largest.bars.dropFirst()).allSatisfy { $0.date < $1.date })
        let answers = flooder.all.compactMap { if case let .historicalData(h) = $0 { h } else { nil } }
        #expect(!answers.isEmpty && answers.allSatisfy { $0.bars.count > 15_000 })
        #expect(flooder.all.contains { if case let .error(e) = $0 { e.code == 162 } else { false } }, "IB's pacing refused the excess")

        let load = try await gateway.server.load()
        #expect(load.historyJobs == 0)
        #expect(load.peakHistoryJobs <= 2 * GatewayEngine.maximumOpenHistoryRequests)
        #expect(load.peakHistoryBarsPerTurn <= configuration.historyBarsPerTurn)
        let largestBytes = ServerMessage.historicalData(largest).encoded(serverVersion: try #require(big.serverVersion)).count
        #expect(load.peakHistoryBytes <= 2 * largestBytes, "at most the answers in progress are held, not every queued one")
        #expect(load.peakOutboundBytes <= configuration.maximumOutboundBytes)
        try await gateway.server.stop()
    }
}
