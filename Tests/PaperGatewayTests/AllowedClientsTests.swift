import NIOCore
import PaperGateway
import Testing
import TWSWire

/// IB's trusted IPs: a gateway listening beyond loopback needs a list of allowed clients, and
/// closes a connection from anywhere else at once.
@Suite struct AllowedClientsTests {
    @Test func readsRangesAndMatchesAddresses() throws {
        let ranges = try ClientAddressRange.list("10.0.0.0/8, 192.168.1.20,fd00::/8")
        #expect(ranges.count == 3)
        let inside = try SocketAddress(ipAddress: "10.42.0.7", port: 1)
        let outside = try SocketAddress(ipAddress: "11.0.0.1", port: 1)
        let host = try SocketAddress(ipAddress: "192.168.1.20", port: 1)
        let neighbour = try SocketAddress(ipAddress: "192.168.1.21", port: 1)
        let v6 = try SocketAddress(ipAddress: "fd12::1", port: 1)
        #expect(ranges[0].contains(inside) && !ranges[0].contains(outside))
        #expect(ranges[1].contains(host) && !ranges[1].contains(neighbour))
        #expect(ranges[2].contains(v6) && !ranges[2].contains(inside))
        #expect(throws: ClientAddressRange.Invalid.self) { try ClientAddressRange("10.0.0.0/33") }
        #expect(throws: ClientAddressRange.Invalid.self) { try ClientAddressRange("ten.0.0.0") }
    }

    @Test func refusesToListenBeyondLoopbackWithoutAList() async throws {
        let configuration = GatewayConfiguration(host: "0.0.0.0", port: 0, tickIntervalMilliseconds: nil, logger: GatewayFixture.quietLogger)
        await #expect(throws: UntrustedBindError.self) { _ = try await PaperGatewayServer.start(configuration: configuration) }
    }

    @Test func closesAConnectionFromAnAddressNotAllowed() async throws {
        var refusing = GatewayConfiguration(port: 0, tickIntervalMilliseconds: nil, logger: GatewayFixture.quietLogger)
        refusing.allowedClients = try ClientAddressRange.list("10.0.0.0/8")
        let server = try await PaperGatewayServer.start(configuration: refusing)
        await #expect(throws: (any Error).self) {
            _ = try await WireTestClient.connect(port: server.port, clientId: 1, range: 157...200)
        }
        try await server.stop()
        var allowing = refusing
        allowing.allowedClients = try ClientAddressRange.list("127.0.0.0/8")
        let open = try await PaperGatewayServer.start(configuration: allowing)
        let client = try await WireTestClient.connect(port: open.port, clientId: 1, range: 157...200)
        try await client.send(.requestCurrentTime)
        _ = try await client.next { if case .currentTime = $0 { true } else { nil } }
        try await open.stop()
    }
}
