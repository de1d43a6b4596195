import Foundation
import Logging
import PaperExchange
import PaperGateway
import TWSWire
import Vocabulary

/// A gateway on an ephemeral loopback port with a manual clock and no timer.
struct GatewayFixture {
    static let start = Timestamp(secondsSinceEpoch: 1_764_000_000)

    let server: PaperGatewayServer
    let clock: ManualGatewayClock

    static func make(
        notEntitled: Set<String> = [], statePath: String? = nil, fresh: Bool = false, seed: UInt64 = 7,
        scenario: Scenario? = nil, clock: ManualGatewayClock? = nil, configure: (inout GatewayConfiguration) -> Void = { _ in }
    ) async throws -> GatewayFixture {
        let clock = clock ?? ManualGatewayClock(start: start)
        var configuration = GatewayConfiguration(
            port: 0, seed: seed, notEntitled: notEntitled, scenario: scenario, statePath: statePath, fresh: fresh,
            tickIntervalMilliseconds: nil, clock: clock, logger: quietLogger)
        configure(&configuration)
        return GatewayFixture(server: try await PaperGatewayServer.start(configuration: configuration), clock: clock)
    }

    /// Moves the clock and runs one tick.
    func advance(milliseconds: Int64) async throws {
        clock.advance(milliseconds: milliseconds)
        try await server.advance()
    }

    func connect(clientId: Int = 1, range: ClosedRange<Int> = 157...200, receiveBufferBytes: Int? = nil) async throws -> WireTestClient {
        let client = try await WireTestClient.connect(port: server.port, clientId: clientId, range: range, receiveBufferBytes: receiveBufferBytes)
        _ = try await client.next("startup") { message -> Bool? in
            if case let .error(e) = message, e.code == 2158 { return true }
            return nil
        }
        return client
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "ibterm.gateway.test")
        logger.logLevel = .error
        return logger
    }

    static func temporaryPath(_ name: String) -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ibterm-gateway-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }
}

extension Contract {
    static func stock(_ symbol: String) -> Contract {
        Contract(symbol: symbol, secType: "STK", exchange: "SMART", currency: "USD")
    }
}

extension ServerMessage {
    var errorCode: Int? {
        if case let .error(e) = self { return e.code }
        return nil
    }
}
