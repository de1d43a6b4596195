import NIOCore
import NIOPosix
import Synchronization
import TWSWire

/// An in-process TWS server for tests, on an ephemeral loopback port, built from TWSWire's
/// server-side encoders. It answers the handshake and START_API like IB Gateway, records
/// every client message with its receive time, answers common requests from a small book of
/// quotes, orders and executions, and can misbehave on demand: close the socket, go silent
/// while keeping it open (half-open), or send garbage.
final class ScriptedServer: Sendable {
    struct Received: Sendable {
        var connection: Int
        var at: ContinuousClock.Instant
        var message: ClientMessage
    }

    struct Book: Sendable {
        var serverVersion = 200
        var accounts = ["DU1234567"]
        var nextValidID = 1
        /// Quotes by symbol: bid, ask, last, volume.
        var quotes: [String: (bid: Double, ask: Double, last: Double, volume: Int)] = [:]
        /// Per-ticker errors by symbol, e.g. 354.
        var quoteErrors: [String: (code: Int, text: String)] = [:]
        /// Whether market orders fill at once (LMT orders always rest).
        var fillMarketOrders = true
        var openOrders: [Int: (Contract, Order)] = [:]
        /// Whether REQ_OPEN_ORDERS is answered with OPEN_ORDER and ORDER_STATUS messages that
        /// cannot be read (a filled quantity that is not a number), then OPEN_ORDER_END.
        var unreadableOpenOrders = false
        var executions: [ExecutionData] = []
        var commissions: [CommissionReport] = []
        var completedOrders: [CompletedOrder] = []
        var positions: [PositionData] = []
        var contracts: [String: ContractDetails] = [:]
        var nextExec = 1
    }

    struct State: Sendable {
        var book = Book()
        var received: [Received] = []
        var connections: [any Channel] = []
        /// Connections that neither answer nor send anything (half-open), by index.
        var silent: Set<Int> = []
        /// New connections start silent.
        var silenceNewConnections = false
    }

    let state = Mutex(State())
    private let serverChannel: any Channel

    /// The port the server listens on.
    let port: Int

    private init(channel: any Channel) {
        self.serverChannel = channel
        self.port = channel.localAddress?.port ?? 0
    }

    /// Starts a server on 127.0.0.1, on an ephemeral port unless `port` is given.
    static func start(port: Int = 0, _ configure: (inout Book) -> Void = { _ in }) async throws -> ScriptedServer {
        var book = Book()
        configure(&book)
        let box = ServerBox()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    guard let server = box.server else { throw ChannelError.ioOnClosedChannel }
                    let index = server.register(channel)
                    try channel.pipeline.syncOperations.addHandler(ScriptedServerHandler(server: server, connection: index))
                }
            }
            .bind(host: "127.0.0.1", port: port)
            .get()
        let server = ScriptedServer(channel: channel)
        server.state.withLock { $0.book = book }
        box.server = server
        return server
    }

    func stop() async {
        try? await serverChannel.close()
        for channel in state.withLock({ $0.connections }) { try? await channel.close() }
    }

    private func register(_ channel: any Channel) -> Int {
        state.withLock { state in
            state.connections.append(channel)
            let index = state.connections.count - 1
            if state.silenceNewConnections { state.silent.insert(index) }
            return index
        }
    }

    // MARK: Observing

    var received: [Received] { state.withLock { $0.received } }
    var connectionCount: Int { state.withLock { $0.connections.count } }

    /// The messages received on connection `index`.
    func messages(on index: Int) -> [ClientMessage] {
        received.filter { $0.connection == index }.map(\.message)
    }

    func record(_ message: ClientMessage, connection: Int) {
        state.withLock { $0.received.append(Received(connection: connection, at: .now, message: message)) }
    }

    func isSilent(_ connection: Int) -> Bool { state.withLock { $0.silent.contains(connection) } }

    // MARK: Controls

    /// Sends a message on the latest connection.
    func send(_ message: ServerMessage) {
        sendRaw(message.encoded(serverVersion: state.withLock { $0.book.serverVersion }))
    }

    /// Sends bytes on the latest connection.
    func sendRaw(_ bytes: [UInt8]) {
        guard let channel = state.withLock({ $0.connections.last }) else { return }
        channel.writeAndFlush(ByteBuffer(bytes: bytes), promise: nil)
    }

    /// Sends ERR_MSG `code` with id -1 (connectivity and farm notices).
    func notice(_ code: Int, _ text: String, id: Int = -1) {
        send(.error(ErrorMessage(id: id, code: code, message: text)))
    }

    /// Closes the latest connection.
    func closeLatest() {
        state.withLock { $0.connections.last }?.close(promise: nil)
    }

    /// Stops answering on the latest connection without closing it.
    func silenceLatest() {
        _ = state.withLock { $0.silent.insert($0.connections.count - 1) }
    }

    func update(_ change: (inout Book) -> Void) {
        state.withLock { change(&$0.book) }
    }
}

/// Lets the child-channel initializer reach the server created after binding.
private final class ServerBox: Sendable {
    private let storage = Mutex<ScriptedServer?>(nil)
    var server: ScriptedServer? {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
