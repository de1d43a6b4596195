import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Vocabulary

/// The one-owner rule of a paper ledger: an exclusive OS advisory lock (`flock`) on a lock file
/// beside the SQLite file, held for as long as the owning process runs.
///
/// For a ledger `…/paper.sqlite` the files are:
/// - `…/paper.sqlite.lock`: empty; the owner holds `flock(LOCK_EX)` on it. The kernel releases
///   the lock when the process ends in any way (also SIGKILL), so a stale lock cannot exist and
///   nothing needs cleaning up. `flock` locks belong to an open file description, so two owners
///   in one process exclude each other too.
/// - `…/paper.sqlite.owner`: one JSON object, a ``LedgerOwner``: where the owner's gateway
///   listens on loopback, its pid, since when and which command it is. Written atomically
///   (a temporary file renamed over it) once the gateway listens, removed on a clean stop.
///   Readers never trust it alone: ``LedgerOwnership/claim(ledgerPath:wait:)`` first tries the
///   lock (free means nobody owns the ledger, whatever the file says), then checks that the pid
///   lives and that the port answers.
///
/// ```swift
/// guard let lock = try LedgerLock.acquire(ledgerPath: path) else { /* someone owns it */ }
/// try lock.publish(LedgerOwner(host: "127.0.0.1", port: 7497, command: "ibterm engine", kind: .engine))
/// lock.release()   // removes the owner file, then unlocks
/// ```
public final class LedgerLock: @unchecked Sendable {
    /// The SQLite ledger this lock guards.
    public let ledgerPath: String
    /// The lock file (`<ledger>.lock`).
    public var lockPath: String { Self.lockPath(forLedger: ledgerPath) }
    /// The owner file (`<ledger>.owner`).
    public var ownerPath: String { Self.ownerPath(forLedger: ledgerPath) }

    private let mutex = NSLock()
    private var descriptor: Int32
    private var published = false

    private init(ledgerPath: String, descriptor: Int32) {
        self.ledgerPath = ledgerPath
        self.descriptor = descriptor
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The lock file of the ledger at `ledgerPath`.
    public static func lockPath(forLedger ledgerPath: String) -> String { ledgerPath + ".lock" }
    /// The owner (discovery) file of the ledger at `ledgerPath`.
    public static func ownerPath(forLedger ledgerPath: String) -> String { ledgerPath + ".owner" }

    /// Takes the ledger's lock without waiting: the lock, or `nil` when another open lock
    /// (another process, or another owner in this one) holds it.
    ///
    /// - Throws: ``LedgerLockError`` when the directory or the lock file cannot be created.
    public static func acquire(ledgerPath: String) throws(LedgerLockError) -> LedgerLock? {
        let directory = (ledgerPath as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw LedgerLockError("cannot create the directory \(directory) of the paper ledger: \(error.localizedDescription)")
            }
        }
        let path = lockPath(forLedger: ledgerPath)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw LedgerLockError("cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
            return LedgerLock(ledgerPath: ledgerPath, descriptor: descriptor)
        }
        let failure = errno
        close(descriptor)
        guard failure == EWOULDBLOCK || failure == EAGAIN || failure == EINTR else {
            throw LedgerLockError("cannot lock \(path): \(String(cString: strerror(failure)))")
        }
        return nil
    }

    /// Whether some open lock holds the ledger's lock right now (a probe: takes and drops it
    /// when free).
    public static func isHeld(ledgerPath: String) -> Bool {
        let descriptor = open(lockPath(forLedger: ledgerPath), O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return false
        }
        return true
    }

    /// Writes the owner file atomically (temporary file, then rename). Only the lock's holder
    /// may publish, so the file names the process that holds the lock.
    public func publish(_ owner: LedgerOwner) throws(LedgerLockError) {
        mutex.lock()
        defer { mutex.unlock() }
        guard descriptor >= 0 else { throw LedgerLockError("the lock of \(ledgerPath) was already released") }
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var data = try encoder.encode(owner)
            data.append(0x0A)
            try data.write(to: URL(fileURLWithPath: ownerPath), options: .atomic)
            published = true
        } catch {
            throw LedgerLockError("cannot write the owner file \(ownerPath): \(error.localizedDescription)")
        }
    }

    /// Removes the owner file (if this process published it) and releases the lock. Safe to
    /// call more than once.
    public func release() {
        mutex.lock()
        defer { mutex.unlock() }
        guard descriptor >= 0 else { return }
        if published, let owner = LedgerOwner.read(path: ownerPath), owner.pid == getpid() {
            unlink(ownerPath)
        }
        published = false
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }
}

/// What an owner of a paper ledger publishes in `<ledger>.owner`: one JSON object,
/// `{"command":"ibterm engine","host":"127.0.0.1","kind":"engine","pid":123,"port":7497,"since":"2026-12-03T19:20:00Z"}`.
public struct LedgerOwner: Codable, Sendable, Hashable {
    /// How long the owner is expected to run.
    public enum Kind: String, Codable, Sendable, Hashable {
        /// `ibterm engine`: until stopped.
        case engine
        /// The dashboard's embedded gateway: until the dashboard quits.
        case dashboard
        /// A one-shot command (`ibterm quote`, `positions`, `order`, …): seconds.
        case command
        /// A streaming command (`ibterm quote --watch`): until interrupted.
        case stream
    }

    /// The loopback address the owner's gateway listens on.
    public var host: String
    /// Its TCP port.
    public var port: Int
    /// The owning process.
    public var pid: Int32
    /// When it took the ledger (ISO 8601, UTC).
    public var since: String
    /// The command, for messages: `ibterm engine`, `ibterm (dashboard)`, `ibterm order`.
    public var command: String
    /// How long it is expected to run.
    public var kind: Kind

    /// Creates an owner record; `pid` and `since` default to this process and now.
    public init(
        host: String, port: Int, command: String, kind: Kind, pid: Int32 = getpid(),
        since: String = LedgerOwner.timestamp(Date())
    ) {
        self.host = host
        self.port = port
        self.pid = pid
        self.since = since
        self.command = command
        self.kind = kind
    }

    /// `host:port`.
    public var address: String { "\(host):\(port)" }

    /// The ISO 8601 UTC text of `date`, to the second.
    public static func timestamp(_ date: Date) -> String {
        TimeText.iso8601(Timestamp(fractionalSecondsSinceEpoch: date.timeIntervalSince1970))
    }

    /// The owner file at `path`, or `nil` when it is missing or unreadable.
    public static func read(path: String) -> LedgerOwner? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(LedgerOwner.self, from: data)
    }
}

/// A lock or owner file that cannot be created or written; ``description`` says which and why.
public struct LedgerLockError: Error, Sendable, CustomStringConvertible {
    /// A plain sentence.
    public var description: String
    /// Creates an error.
    public init(_ description: String) { self.description = description }
}

/// The ledger is owned by another gateway; ``description`` is the sentence for the user,
/// naming the owner and how to reach it.
public struct LedgerHeldError: Error, Sendable, CustomStringConvertible {
    /// The ledger.
    public var ledgerPath: String
    /// The owner, when its owner file was valid.
    public var owner: LedgerOwner?

    /// Creates the error.
    public init(ledgerPath: String, owner: LedgerOwner?) {
        self.ledgerPath = ledgerPath
        self.owner = owner
    }

    /// "the paper ledger /x/paper.sqlite is held by ibterm engine (pid 123) listening on
    /// 127.0.0.1:7497; connect with --gateway 127.0.0.1:7497 or stop it"
    public var description: String {
        if let owner {
            return "the paper ledger \(ledgerPath) is held by \(owner.command) (pid \(owner.pid)) listening on \(owner.address); connect with --gateway \(owner.address) or stop it"
        }
        return "the paper ledger \(ledgerPath) is held by another process that does not say where it listens (\(LedgerLock.ownerPath(forLedger: ledgerPath)) is missing or stale); stop that process or use another --state"
    }
}

/// Finding out who owns a ledger, or becoming its owner.
public enum LedgerOwnership {
    /// The outcome of ``claim(ledgerPath:wait:)``.
    public enum Claim: Sendable {
        /// This caller now owns the ledger (and must publish, then release, the lock).
        case owned(LedgerLock)
        /// Another gateway owns it; its owner file checked out (pid alive, port answers).
        case held(LedgerOwner)
        /// Another process holds the lock but published no valid owner file within the wait.
        case heldWithoutAddress
    }

    /// Takes the ledger's lock, or else finds its owner: tries the lock; when it is held,
    /// reads `<ledger>.owner` and accepts it only when the lock is still held, the pid lives
    /// and the port accepts a TCP connection. A new owner may not have published yet (or a dead
    /// one's file may still be there), so it retries every 50 ms for up to `wait`.
    public static func claim(ledgerPath: String, wait: Duration = .seconds(3)) async throws(LedgerLockError) -> Claim {
        let clock = ContinuousClock()
        let deadline = clock.now + wait
        while true {
            if let lock = try LedgerLock.acquire(ledgerPath: ledgerPath) { return .owned(lock) }
            if let owner = validOwner(ledgerPath: ledgerPath) { return .held(owner) }
            if clock.now >= deadline { return .heldWithoutAddress }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The published owner of the ledger if it checks out now: the lock is held, the owner
    /// file parses, its pid is alive and its port accepts a connection (within 1 s).
    public static func validOwner(ledgerPath: String) -> LedgerOwner? {
        guard let owner = LedgerOwner.read(path: LedgerLock.ownerPath(forLedger: ledgerPath)),
              LedgerLock.isHeld(ledgerPath: ledgerPath), processIsAlive(owner.pid),
              portAnswers(host: owner.host, port: owner.port, timeoutMilliseconds: 1000)
        else { return nil }
        return owner
    }

    /// Whether a process with `pid` exists.
    static func processIsAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// Whether `host:port` (an IPv4 or IPv6 literal, or `localhost`) accepts a TCP connection
    /// within the timeout. The connection is closed at once.
    static func portAnswers(host: String, port: Int, timeoutMilliseconds: Int32) -> Bool {
        guard (1...65535).contains(port) else { return false }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return false }
        defer { freeaddrinfo(list) }
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            entry = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            let flags = fcntl(fd, F_GETFL)
            _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
            if connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return true }
            guard errno == EINPROGRESS else { continue }
            var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            guard poll(&poller, 1, timeoutMilliseconds) == 1 else { continue }
            var failure: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &failure, &length) == 0, failure == 0 else { continue }
            return true
        }
        return false
    }
}
