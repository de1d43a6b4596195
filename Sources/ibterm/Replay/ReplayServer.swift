#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation
import Synchronization
import TWSTrace

/// `ibterm replay`'s stand-in gateway: a loopback listener on an ephemeral port that answers
/// each connection as the recorded gateway did, from a ``ReplaySchedule``.
///
/// The n-th connection accepted plays the n-th recorded connection: it waits for the client's
/// handshake, sends the recorded handshake reply, then the recorded frames when the
/// ``ReplayPlayer``'s time line says they are due (at the speed, paused, stepped, jumped),
/// each held until the client has sent the request it answered (``ReplaySchedule/Step/after``,
/// at most ``requestWait``). What the client sends is counted, never answered: no order goes
/// anywhere. A recorded connection followed by
/// another is closed after its frames (so the client reconnects, as it did); the last stays
/// open until the dashboard leaves. A jump back closes the connection playing: the client
/// reconnects and the recording plays again from its first connection, at once up to the
/// target. Blocking sockets on threads of its own.
final class ReplayServer: Sendable {
    private let schedule: ReplaySchedule
    /// The time line the frames are played on.
    let player: ReplayPlayer
    private let listener: Int32
    /// The port the listener is bound to on 127.0.0.1.
    let port: Int
    private let accepted = Mutex(0)
    private let stopped = Atomic(false)

    /// Binds 127.0.0.1 on an ephemeral port.
    init(schedule: ReplaySchedule, player: ReplayPlayer) throws {
        self.schedule = schedule
        self.player = player
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw AppFailure("the replay could not open a socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0, listen(descriptor, 4) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw AppFailure("the replay could not listen on 127.0.0.1: \(reason)")
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        listener = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// Starts accepting connections on a thread of its own.
    func start() {
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "ibterm.replay"
        thread.start()
    }

    /// Stops accepting; connections already open end with the process.
    func stop() {
        stopped.store(true, ordering: .relaxed)
        player.stop()
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while !stopped.load(ordering: .relaxed) {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                if errno == EINTR { continue }
                return
            }
            let number = accepted.withLock { count -> Int in
                count += 1
                return count
            }
            let (index, token) = player.beginConnection()
            let thread = Thread { [self] in serve(connection, index: index, token: token) }
            thread.name = "ibterm.replay.\(number)"
            thread.start()
        }
    }

    /// Plays recorded connection `index` on `socket` under the rewind count `token` (a
    /// connection past the recorded ones gets nothing and is closed).
    private func serve(_ socket: Int32, index: Int, token: Int) {
        guard index < schedule.connections.count else {
            close(socket)
            return
        }
        let recorded = schedule.connections[index]
        let isLast = index == schedule.connections.count - 1
        // The client's handshake: "API\0", then a length-prefixed version range.
        guard readExactly(socket, 4) != nil, let length = readExactly(socket, 4),
              readExactly(socket, Int(Self.bigEndian(length))) != nil else {
            close(socket)
            return
        }
        guard writeFrame(socket, recorded.handshakeReply) else {
            close(socket)
            return
        }
        // The client's frames, counted by message id; nothing is answered.
        let requests = RequestCounts()
        let reader = Thread { [self] in
            while let length = readExactly(socket, 4), let payload = readExactly(socket, Int(Self.bigEndian(length))) {
                requests.add(ReplaySchedule.Request.messageID(of: payload))
            }
            requests.close()
        }
        reader.start()
        // A frame whose request the client has not written yet waits aside (with the frames
        // after it that wait for the same request), so the rest of the recording flows on.
        var held = HeldFrames()
        func flush() -> Bool {
            let (free, given) = held.release(limit: Self.requestWait, written: requests.isWritten)
            for request in given { requests.abandon(request) }
            return free.allSatisfy { writeFrame(socket, $0) }
        }
        playing: for step in recorded.steps {
            while true {
                guard flush() else { break playing }
                switch player.waitUntilDue(step.offsetNanoseconds, token: token, atMost: held.isEmpty ? nil : 0.05) {
                case .due: break
                case .notYet: continue
                case .rewound:
                    // The client reconnects and the recording plays again.
                    shutdown(socket, Int32(SHUT_RDWR))
                    return
                }
                break
            }
            if let after = step.after, held.isHolding(after) || !requests.isWritten(after) {
                held.hold(step.payload, for: after)
            } else {
                guard writeFrame(socket, step.payload) else { break }
            }
            player.sent(step.offsetNanoseconds)
        }
        while !held.isEmpty, flush() { Thread.sleep(forTimeInterval: 0.05) }
        // The last connection stays open until a rewind (its socket is also closed when the
        // client leaves, which ends the drain's reads).
        if isLast { player.waitForRewind(token: token) }
        shutdown(socket, Int32(SHUT_RDWR))
    }

    /// How long a frame waits aside for the request it answered before it is sent anyway (the
    /// client asks differently this time: another watchlist, a request the trader typed then).
    static let requestWait = 2.0

    private func readExactly(_ socket: Int32, _ count: Int) -> [UInt8]? {
        guard count >= 0, count <= TraceRecord.maximumPayload else { return nil }
        var bytes = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let read = bytes.withUnsafeMutableBytes { recv(socket, $0.baseAddress! + got, count - got, 0) }
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else { return nil }
            got += read
        }
        return bytes
    }

    private func writeFrame(_ socket: Int32, _ payload: [UInt8]) -> Bool {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 + payload.count)
        let length = UInt32(payload.count)
        bytes += [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
        bytes += payload
        var sent = 0
        while sent < bytes.count {
            let wrote = bytes.withUnsafeBytes { send(socket, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            if wrote < 0 && errno == EINTR { continue }
            guard wrote > 0 else { return false }
            sent += wrote
        }
        return true
    }

    private static func bigEndian(_ bytes: [UInt8]) -> UInt32 {
        bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }
}

/// How many frames of each message id a replayed connection's client has written; the player
/// waits on it.
final class RequestCounts: @unchecked Sendable {
    private let condition = NSCondition()
    private var counts: [[UInt8]: Int] = [:]
    private var closed = false
    /// Requests waited for in vain: the frames after them are not held again.
    private var abandoned: Set<ReplaySchedule.Request> = []

    /// One more frame with `messageID`.
    func add(_ messageID: [UInt8]) {
        condition.lock()
        counts[messageID, default: 0] += 1
        condition.broadcast()
        condition.unlock()
    }

    /// The client is gone: no wait holds any longer.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Whether `request` was written (or given up on, or the client left): frames waiting for
    /// it may go.
    func isWritten(_ request: ReplaySchedule.Request) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return closed || abandoned.contains(request) || counts[request.messageID, default: 0] >= request.ordinal
    }

    /// Gives up on `request`: the frames after it go at once.
    func abandon(_ request: ReplaySchedule.Request) {
        condition.lock()
        abandoned.insert(request)
        condition.unlock()
    }
}
