import TWSWire
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One blocking loopback TCP connection to a gateway, speaking raw TWSWire frames: what the
/// flood benchmark's attackers and its probe client use (no TWSClient, so that nothing between
/// the socket and the figure paces, buffers or retries).
///
/// Used by one thread at a time; another thread may write through its ``writer`` (which holds
/// only the descriptor) while this one reads.
final class FloodSocket {
    /// The socket's descriptor.
    let descriptor: Int32
    private var decoder = FrameDecoder()
    private var buffer = [UInt8](repeating: 0, count: 65_536)
    /// The negotiated server version, once the handshake's reply was read.
    private(set) var serverVersion: Int?
    /// Bytes read from the gateway so far.
    private(set) var receivedBytes = 0

    /// Connects to `127.0.0.1:port` (TCP_NODELAY); sends nothing.
    init(port: Int) throws {
        descriptor = try LoopbackSocket.connect(port: port)
    }

    deinit { close(descriptor) }

    /// Connects, offers server versions 157...200, reads the reply and sends START_API with
    /// `clientId`; with `waitForReady` also reads until the farm notice 2158 that ends TWS's
    /// greeting (`nil` when the gateway closed the connection instead).
    static func ready(port: Int, clientId: Int, waitForReady: Bool = true, timeout: Duration = .seconds(10)) throws -> FloodSocket? {
        let socket = try FloodSocket(port: port)
        guard try socket.handshake(clientId: clientId, timeout: timeout) else { return nil }
        guard waitForReady else { return socket }
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard let messages = try socket.read(timeout: deadline - .now) else { return nil }
            if messages.contains(where: { if case let .error(e) = $0 { e.code == 2158 } else { false } }) { return socket }
        }
        return nil
    }

    /// Sends the API prefix and version offer, reads the reply, sends START_API. Returns false
    /// when the gateway closed the connection first.
    func handshake(clientId: Int, timeout: Duration = .seconds(10)) throws -> Bool {
        guard write(Handshake.clientHello(VersionOffer(range: 157...200))) else { return false }
        let deadline = ContinuousClock.now + timeout
        while serverVersion == nil {
            guard ContinuousClock.now < deadline, try read(timeout: deadline - .now) != nil else { return false }
        }
        return send(.startAPI(clientId: clientId, optionalCapabilities: ""))
    }

    /// Encodes and writes one request; false when the connection is gone.
    @discardableResult
    func send(_ message: ClientMessage) -> Bool {
        writer.send(message)
    }

    /// Writes all of `bytes` (blocking); false when the connection is gone.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        writer.write(bytes)
    }

    /// What writes to this connection, for another thread than the one reading it.
    var writer: FloodWriter { FloodWriter(descriptor: descriptor, serverVersion: serverVersion ?? 200) }

    /// Waits at most `timeout` for bytes and returns the messages they complete (possibly
    /// none); `nil` when the gateway closed the connection (or reset it). Before the handshake's
    /// reply, that reply sets ``serverVersion``.
    func read(timeout: Duration) throws -> [ServerMessage]? {
        guard let count = receive(timeout: timeout) else { return nil }
        guard count > 0 else { return [] }
        receivedBytes += count
        decoder.append(buffer[0..<count])
        var messages: [ServerMessage] = []
        while let frame = try decoder.nextFrame() {
            if let serverVersion {
                // A message this build cannot decode is not the benchmark's concern: skip it.
                if let message = try? ServerMessage.decode(frame, serverVersion: serverVersion) { messages.append(message) }
            } else {
                serverVersion = try ServerHello(parsing: frame).serverVersion
            }
        }
        return messages
    }

    /// Reads and discards what arrives within `timeout`: the number of bytes, or `nil` once
    /// the connection is closed.
    func discard(timeout: Duration) -> Int? {
        receive(timeout: timeout)
    }

    /// One `recv` after waiting at most `timeout` for the socket to be readable: the byte count
    /// (0 when nothing arrived in time), `nil` at the end of the stream or on an error.
    private func receive(timeout: Duration) -> Int? {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000))
        let ready = poll(&poller, 1, milliseconds)
        if ready < 0 { return errno == EINTR ? 0 : nil }
        guard ready > 0 else { return 0 }
        let count = recv(descriptor, &buffer, buffer.count, 0)
        if count < 0, errno == EINTR || errno == EAGAIN { return 0 }
        return count > 0 ? count : nil
    }

    /// Waits at most `timeout` for the gateway to close the connection, discarding what it
    /// sends; whether it did.
    func waitForClose(timeout: Duration) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if discard(timeout: .milliseconds(50)) == nil { return true }
        }
        return false
    }
}

/// Writes to a ``FloodSocket``'s connection: only the descriptor, so a writer thread can flood
/// while another thread reads the answers. Valid while its socket lives.
struct FloodWriter: Sendable {
    /// How a write with a deadline ended.
    enum WriteOutcome: Sendable {
        /// Every byte was handed to the kernel.
        case written
        /// The gateway closed (or reset) the connection.
        case closed
        /// The deadline passed first: the gateway stopped reading and the buffers are full.
        case timedOut
    }

    /// The socket's descriptor.
    let descriptor: Int32
    /// The server version requests are encoded for.
    let serverVersion: Int

    /// Encodes and writes one request; false when the connection is gone.
    @discardableResult
    func send(_ message: ClientMessage) -> Bool {
        write(message.encoded(serverVersion: serverVersion))
    }

    /// Writes all of `bytes` (blocking); false when the connection is gone.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Self.systemSend(descriptor, $0.baseAddress, $0.count, Self.noSignal) }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// Writes `bytes` without blocking past `deadline`: how many were handed to the kernel, and why
    /// the write ended.
    func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant) -> (sent: Int, outcome: WriteOutcome) {
        let clock = ContinuousClock()
        var offset = 0
        while offset < bytes.count {
            let left = deadline - clock.now
            guard left > .zero else { return (offset, .timedOut) }
            var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&poller, 1, Int32(min(1000, max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))))
            if ready < 0, errno == EINTR { continue }
            guard ready >= 0 else { return (offset, .closed) }
            if ready == 0 { continue }
            if poller.revents & Int16(POLLERR | POLLHUP) != 0 { return (offset, .closed) }
            let sent = bytes[offset...].withUnsafeBytes { Self.systemSend(descriptor, $0.baseAddress, $0.count, Self.noSignal | Int32(MSG_DONTWAIT)) }
            if sent < 0, errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK { continue }
            guard sent > 0 else { return (offset, .closed) }
            offset += sent
        }
        return (offset, .written)
    }

    #if canImport(Glibc)
    private static let noSignal = Int32(MSG_NOSIGNAL)
    #else
    private static let noSignal: Int32 = 0
    #endif

    private static func systemSend(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int, _ flags: Int32) -> Int {
        #if canImport(Glibc)
        Glibc.send(descriptor, bytes, count, flags)
        #else
        Darwin.send(descriptor, bytes, count, flags)
        #endif
    }
}
