import Logging
import PaperGateway
import Testing
import TWSClient
import TWSSession

@testable import ibterm

/// The one-shot commands' client ids: 17, else at once the next free one; a pinned id in use,
/// or a range all in use, is refused in words that say what to do.
@Suite(.timeLimit(.minutes(1))) struct CommandClientIDTests {
    static let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    static func configuration() -> TWSClientConfiguration {
        var configuration = TWSClientConfiguration()
        configuration.establishTimeout = .seconds(10)
        return configuration
    }

    @Test func aCommandTakesTheNextFreeIdAndAPinnedIdInUseIsRefusedPlainly() async throws {
        let server = try await PaperGatewayServer.start(configuration: GatewayConfiguration(seed: 5, logger: Self.quiet))
        let holder = IBClient(logger: Self.quiet)
        try await holder.connect(host: server.host, port: server.port, clientId: GatewayOptions.defaultClientId)

        let (client, id) = try await GatewayOptions.connectFirstFree(
            host: server.host, port: server.port,
            clientIds: ClientIDPool(first: GatewayOptions.defaultClientId, count: GatewayOptions.clientIdAttempts),
            configuration: Self.configuration(), logger: Self.quiet)
        #expect(id == 18)

        do {
            _ = try await GatewayOptions.connectFirstFree(
                host: server.host, port: server.port, clientIds: .pinned(17), configuration: Self.configuration(), logger: Self.quiet)
            Issue.record("connected as an id in use")
        } catch let failure as CommandFailure {
            #expect(failure.description == "client id 17 is already in use at \(server.host):\(server.port); choose another with --client-id")
        }
        do {
            _ = try await GatewayOptions.connectFirstFree(
                host: server.host, port: server.port, clientIds: ClientIDPool(first: 17, count: 2),
                configuration: Self.configuration(), logger: Self.quiet)
            Issue.record("connected as an id in use")
        } catch let failure as CommandFailure {
            // 17 (the holder) and 18 (the command above, still connected) are both taken.
            #expect(failure.description == "client ids 17...18 are all in use at \(server.host):\(server.port); choose one with --client-id")
        }
        await client.disconnect()
        await holder.disconnect()
        try await server.stop()
    }
}
