import Foundation
import NIOCore
import NIOPosix
import Synchronization
import TWSWire

/// A raw TWS API client for tests: handshake, START_API, then frames decoded with TWSWire.
final class WireTestClient: Sendable {
    struct Timeout: Error, CustomStringConvertible {
        var what: String
        var seen: [ServerMessage]
        var description: String { "timed out waiting for \(what); received \(seen.count) messages: \(seen.suffix(8))" }
    }

    private struct State {
        var decoder = FrameDecoder()
        var serverVersion: Int?
        var messages: [ServerMessage] = []
        var consumed = 0
        var closed = false
        var decodeErrors: [String] = []
    }

    private final class Inbox: Sendable {
        let state = Mutex(State())
    }

    private let inbox: Inbox
    let channel: any Channel
    static let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    private init(channel: any Channel, inbox: Inbox) {
        self.channel = channel
        self.inbox = inbox
    }

    /// Opens a TCP connection and sends nothing.
    static func open(port: Int) async throws -> WireTestClient {
        let inbox = Inbox()
        let channel = try await ClientBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Handler(inbox: inbox))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return WireTestClient(channel: channel, inbox: inbox)
    }

    /// Connects, sends the API prefix and `range`, and (unless `clientId` is nil) START_API;
    /// `receiveBufferBytes` sets the socket's receive buffer (small for a client that stops
    /// reading, so that the gateway's side fills up sooner).
    static func connect(
        port: Int, clientId: Int? = 1, range: ClosedRange<Int> = 157...200, receiveBufferBytes: Int? = nil
    ) async throws -> WireTestClient {
        let inbox = Inbox()
        var bootstrap = ClientBootstrap(group: group)
        if let receiveBufferBytes {
            bootstrap = bootstrap.channelOption(ChannelOptions.socketOption(.so_rcvbuf), value: SocketOptionValue(receiveBufferBytes))
        }
        let channel = try await bootstrap
            .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Handler(inbox: inbox))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        let client = WireTestClient(channel: channel, inbox: inbox)
        try await client.sendRaw(Handshake.clientHello(VersionOffer(range: range)))
        _ = try await client.waitForServerVersion()
        if let clientId {
            try await client.send(.startAPI(clientId: clientId, optionalCapabilities: ""))
        }
        return client
    }

    var serverVersion: Int? { inbox.state.withLock { $0.serverVersion } }
    var isClosed: Bool { inbox.state.withLock { $0.closed } }
    var decodeErrors: [String] { inbox.state.withLock { $0.decodeErrors } }

    /// Every message received so far.
    var all: [ServerMessage] { inbox.state.withLock { $0.messages } }

    func send(_ message: ClientMessage) async throws {
        try await sendRaw(message.encoded(serverVersion: serverVersion ?? 200))
    }

    func sendRaw(_ bytes: [UInt8]) async throws {
        try await channel.writeAndFlush(channel.allocator.buffer(bytes: bytes)).get()
    }

    /// Writes `bytes` without waiting for them to leave (for a client whose gateway may stop
    /// reading it).
    func sendWithoutWaiting(_ bytes: [UInt8]) {
        channel.writeAndFlush(channel.allocator.buffer(bytes: bytes), promise: nil)
    }

    /// Stops reading the socket: what the gateway sends stays in the kernel's buffers (and then
    /// in the gateway).
    func stopReading() async {
        try? await channel.setOption(ChannelOptions.autoRead, value: false).get()
    }

    func close() async {
        try? await channel.close()
    }

    func waitForServerVersion(timeout: Duration = .seconds(30)) async throws -> Int {
        try await poll("server version", timeout: timeout) { $0.serverVersion }
    }

    /// Waits for the next not-yet-consumed message `match` accepts; messages before it are consumed.
    func next<T>(
        _ what: String = "message", timeout: Duration = .seconds(30), _ match: @escaping (ServerMessage) -> T?
    ) async throws -> T {
        try await poll(what, timeout: timeout) { state in
            for index in state.consumed..<state.messages.count {
                if let found = match(state.messages[index]) {
                    state.consumed = index + 1
                    return found
                }
            }
            return nil
        }
    }

    /// Waits until the connection is closed.
    func waitForClose(timeout: Duration = .seconds(30)) async throws {
        _ = try await poll("close", timeout: timeout) { $0.closed ? true : nil }
    }

    /// Messages received after the consumed ones, consuming them.
    func drain() -> [ServerMessage] {
        inbox.state.withLock { state in
            let rest = Array(state.messages[state.consumed...])
            state.consumed = state.messages.count
            return rest
        }
    }

    private func poll<T>(_ what: String, timeout: Duration, _ body: @escaping (inout State) -> T?) async throws -> T {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let value = inbox.state.withLock({ body(&$0) }) { return value }
            if ContinuousClock.now >= deadline { throw Timeout(what: what, seen: all) }
            try await Task.sleep(for: .milliseconds(2))
        }
    }

    private final class Handler: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let inbox: Inbox

        init(inbox: Inbox) {
            self.inbox = inbox
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
            inbox.state.withLock { WireTestClient.received(bytes, into: &$0) }
        }

        func channelInactive(context: ChannelHandlerContext) {
            inbox.state.withLock { $0.closed = true }
        }
    }

    private static func received(_ bytes: [UInt8], into state: inout State) {
        state.decoder.append(bytes)
        do {
            while let frame = try state.decoder.nextFrame() {
                if let version = state.serverVersion {
                    do {
                        state.messages.append(try ServerMessage.decode(frame, serverVersion: version))
                    } catch {
                        state.decodeErrors.append("\(error)")
                    }
                } else {
                    state.serverVersion = try ServerHello(parsing: frame).serverVersion
                }
            }
        } catch {
            state.decodeErrors.append("\(error)")
        }
    }
}
