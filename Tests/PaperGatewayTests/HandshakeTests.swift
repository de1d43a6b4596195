import Foundation
import NIOCore
import PaperGateway
import Testing
import TWSWire

@Suite struct HandshakeTests {
    @Test(arguments: [(157...157, 157), (157...178, 178), (100...193, 193), (157...200, 200), (157...210, 200)])
    func negotiatesTheHighestCommonVersion(range: ClosedRange<Int>, expected: Int) async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await WireTestClient.connect(port: gateway.server.port, clientId: nil, range: range)
        #expect(client.serverVersion == expected)
        await client.close()
        try await gateway.server.stop()
    }

    @Test func sendsTheStartupSequenceAfterStartAPI() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await WireTestClient.connect(port: gateway.server.port, clientId: 5, range: 157...157)
        _ = try await client.next { $0.errorCode == 2158 ? true : nil }
        let messages = client.all
        #expect(messages.count == 5)
        #expect(messages[0] == .managedAccounts(ManagedAccounts(accounts: ["DU0000001"])))
        guard case let .nextValidId(next) = messages[1] else { Issue.record("no nextValidId"); return }
        #expect(next.orderId >= 1)
        let notices = messages[2...].compactMap { message -> (Int, Int)? in
            if case let .error(e) = message { return (e.id, e.code) }
            return nil
        }
        #expect(notices.map(\.0) == [-1, -1, -1])
        #expect(notices.map(\.1) == [2104, 2106, 2158])
        #expect(client.decodeErrors.isEmpty)
        try await gateway.server.stop()
    }

    @Test func refusesADuplicateClientIdWith326AndCloses() async throws {
        let gateway = try await GatewayFixture.make()
        let first = try await gateway.connect(clientId: 9)
        let second = try await WireTestClient.connect(port: gateway.server.port, clientId: 9)
        let code = try await second.next { $0.errorCode }
        #expect(code == 326)
        try await second.waitForClose()
        #expect(!first.isClosed)
        #expect(try await gateway.server.connectedClientIds() == [9])
        try await gateway.server.stop()
    }

    @Test func closesAConnectionWithoutTheAPIPrefix() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await WireTestClient.open(port: gateway.server.port)
        try await client.sendRaw(Array("GET / HTTP/1.1\r\n\r\n".utf8))
        try await client.waitForClose()
        #expect(try await gateway.server.connectedClientIds().isEmpty)
        try await gateway.server.stop()
    }

    @Test func cleansUpAClientThatVanishesMidMessage() async throws {
        let gateway = try await GatewayFixture.make()
        let survivor = try await gateway.connect(clientId: 1)
        let vanishing = try await gateway.connect(clientId: 2)
        let frame = ClientMessage.requestCurrentTime.encoded(serverVersion: 200)
        try await vanishing.sendRaw(Array(frame.prefix(frame.count - 2)))
        await vanishing.close()
        for _ in 0..<200 where try await gateway.server.connectedClientIds() != [1] {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(try await gateway.server.connectedClientIds() == [1])
        try await survivor.send(.requestCurrentTime)
        let time = try await survivor.next { message -> Int? in
            if case let .currentTime(t) = message { return t.time }
            return nil
        }
        #expect(time == Int(GatewayFixture.start.secondsSinceEpoch))
        // The id is free again.
        let again = try await gateway.connect(clientId: 2)
        #expect(!again.isClosed)
        try await gateway.server.stop()
    }

    @Test func answersAnUndecodableRequestWithAnErrorAndKeepsServing() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        // PLACE_ORDER with an order id that is not a number.
        var garbage: [UInt8] = []
        FrameEncoder.appendFrame(Array("3\0abc\0".utf8), to: &garbage)
        try await client.sendRaw(garbage)
        #expect(try await client.next { $0.errorCode } == 320)
        try await client.send(.requestIDs(numIds: 1))
        _ = try await client.next { message -> Bool? in
            if case .nextValidId = message { return true }
            return nil
        }
        try await gateway.server.stop()
    }
}
