import Testing
import TWSClient
import TWSSession
import TWSWire

/// Keepalive and reconnect timing with the clock injected: no test time is spent waiting for
/// the default 2 s + 3 s intervals, and the verdict is exact.
@Suite(.timeLimit(.minutes(1))) struct InjectedClockTests {
    @Test func defaultKeepaliveProbesAfter2sAndDeclaresTheLinkDead3sLaterThenRetriesAfterTheBackoff() async throws {
        let server = try await ScriptedServer.start()
        let clock = ManualClock()
        var configuration = TWSClientConfiguration()      // 2 s idle, 3 s probe timeout
        configuration.clock = clock
        configuration.reconnectJitter = .none             // first retry 0.5 s after the loss
        let client = IBClient(configuration: configuration, logger: LogCapture().logger())
        try await client.connect(host: "127.0.0.1", port: server.port, clientId: 7)
        let (states, task) = Recorder.record(await client.connectionStates())
        server.silenceLatest()

        clock.advance(by: .milliseconds(1999))
        try await Task.sleep(for: .milliseconds(50))
        #expect(!server.messages(on: 0).contains(.requestCurrentTime), "no probe before 2 s of silence")
        clock.advance(by: .milliseconds(1))
        try await waitUntil("probe at t = 2 s") { server.messages(on: 0).contains(.requestCurrentTime) }

        clock.advance(by: .milliseconds(2999))
        try await Task.sleep(for: .milliseconds(50))
        #expect(!states.events.contains { $0.isLost }, "still alive 2.999 s after the probe")
        clock.advance(by: .milliseconds(1))
        try await waitUntil("lost at t = 5 s") { states.events.contains { $0.isLost } }
        let lost = try #require(states.events.first { $0.isLost })
        #expect(lost.state == .lost(.keepaliveTimeout(silentFor: .seconds(5))))
        #expect(lost.at == .seconds(5))
        #expect(states.events.contains { $0.state == .reconnecting(attempt: 1, nextTryIn: .milliseconds(500)) })

        try await Task.sleep(for: .milliseconds(50))
        #expect(server.connectionCount == 1, "no retry before the backoff delay")
        clock.advance(by: .milliseconds(500))
        try await waitUntil("usable on the second socket") {
            await client.connectionStatus.isUsable && server.connectionCount == 2
        }
        await client.disconnect()
        task.cancel()
        await server.stop()
    }
}
