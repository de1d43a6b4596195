import PaperExchange
import PaperGateway
import Testing
import TWSWire

/// One client cannot starve the others: IB's pacing, a handshake deadline, a connection cap and
/// a request-size cap, each answered plainly.
@Suite struct ServerLimitsTests {
    @Test func moreThanFiftyMessagesInASecondGet100OnceAndAreStillServed() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect(clientId: 3)
        for _ in 0..<60 { try await client.send(.requestCurrentTime) }
        var answers = 0
        for _ in 0..<60 { _ = try await client.next("current time") { if case .currentTime = $0 { true } else { nil } }; answers += 1 }
        #expect(answers == 60, "nothing is dropped")
        let errors = client.all.compactMap { message -> ErrorMessage? in
            if case let .error(e) = message, e.code == 100 { return e }
            return nil
        }
        #expect(errors.count == 1, "100 once a second")
        #expect(errors.first?.message.contains("max=50") == true)
        // The next second starts a new count.
        try await gateway.advance(milliseconds: 1000)
        for _ in 0..<49 { try await client.send(.requestCurrentTime) }
        try await client.send(.requestIDs(numIds: 1))
        _ = try await client.next("ids") { if case .nextValidId = $0 { true } else { nil } }
        #expect(client.all.filter { if case let .error(e) = $0 { e.code == 100 } else { false } }.count == 1)
        try await gateway.server.stop()
    }

    @Test func aClientThatKeepsFloodingIsDisconnectedAndOthersAreServed() async throws {
        let gateway = try await GatewayFixture.make()
        let flooder = try await gateway.connect(clientId: 3)
        let other = try await gateway.connect(clientId: 4)
        for second in 0..<5 {
            for _ in 0..<51 { try await flooder.send(.requestCurrentTime) }
            try await other.send(.requestIDs(numIds: 1))
            _ = try await other.next("the other client is served in second \(second)") { if case .nextValidId = $0 { true } else { nil } }
            if second < 4 { try await gateway.advance(milliseconds: 1000) }
        }
        try await flooder.waitForClose()
        #expect(flooder.all.contains { if case let .error(e) = $0 { e.code == 100 && e.message.contains("closed") } else { false } })
        try await other.send(.requestCurrentTime)
        _ = try await other.next("still served") { if case .currentTime = $0 { true } else { nil } }
        try await gateway.server.stop()
    }

    @Test func aSilentSocketIsClosedAfterTheHandshakeDeadline() async throws {
        let gateway = try await GatewayFixture.make()
        let silent = try await WireTestClient.open(port: gateway.server.port)
        try await gateway.advance(milliseconds: 1000)
        #expect(!silent.isClosed)
        try await gateway.advance(milliseconds: 5000)
        try await silent.waitForClose()
        try await gateway.server.stop()
    }

    @Test func aRequestLongerThanTheLimitClosesTheConnectionBeforeItsPayloadArrives() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect(clientId: 3)
        // The length of a 1 MiB request, and no payload: the length alone closes the connection.
        try await client.sendRaw([0x00, 0x10, 0x00, 0x00])
        try await client.waitForClose()
        let other = try await gateway.connect(clientId: 4)
        try await other.send(.requestCurrentTime)
        _ = try await other.next("the gateway serves on") { if case .currentTime = $0 { true } else { nil } }
        try await gateway.server.stop()
    }

    @Test func theThirtyThirdConnectionIsRefused() async throws {
        let gateway = try await GatewayFixture.make()
        var clients: [WireTestClient] = []
        for id in 0..<32 { clients.append(try await gateway.connect(clientId: 100 + id)) }
        let extra = try await WireTestClient.open(port: gateway.server.port)
        try await extra.waitForClose()
        await clients[0].close()
        // A slot is free again once a client leaves.
        var admitted: WireTestClient?
        for _ in 0..<50 where admitted == nil {
            admitted = try? await gateway.connect(clientId: 200)
        }
        #expect(admitted != nil)
        try await gateway.server.stop()
    }
}
