import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads what the kernel knows about a running process from `/proc/PID`: CPU time, resident
/// memory (now, peak, and by kind), threads and wake-ups.
struct ProcessProbe: Sendable {
    /// The process id.
    let pid: Int32

    /// Resident memory in bytes, from `/proc/PID/status` and `/proc/PID/smaps_rollup`.
    struct Memory: Sendable {
        /// VmRSS: resident now.
        var resident = 0
        /// VmHWM: the highest resident size so far.
        var peak = 0
        /// Anonymous resident memory (heap, stacks, malloc arenas): what the process allocated.
        var anonymous = 0
        /// File-backed resident memory (code and data of the executable and its libraries).
        var fileBacked = 0
    }

    /// One thread: its name and the CPU time it used.
    struct ThreadUsage: Sendable {
        var id: Int32
        var name: String
        var cpu: Duration
    }

    /// CPU time (user + system) of the whole process.
    func cpuTime() throws -> Duration {
        try Self.cpuTime(statPath: "/proc/\(pid)/stat")
    }

    /// Resident memory now, at its peak, and split into anonymous and file-backed.
    func memory() throws -> Memory {
        let status = try Self.keyedKilobytes(path: "/proc/\(pid)/status")
        var memory = Memory(resident: (status["VmRSS"] ?? 0) * 1024, peak: (status["VmHWM"] ?? 0) * 1024)
        if let rollup = try? Self.keyedKilobytes(path: "/proc/\(pid)/smaps_rollup") {
            memory.anonymous = (rollup["Anonymous"] ?? 0) * 1024
            memory.fileBacked = memory.resident - memory.anonymous
        }
        return memory
    }

    /// Voluntary plus involuntary context switches of every thread: how often it woke up.
    func contextSwitches() throws -> Int {
        var total = 0
        for thread in try threadIDs() {
            let status = (try? Self.keyedKilobytes(path: "/proc/\(pid)/task/\(thread)/status")) ?? [:]
            total += (status["voluntary_ctxt_switches"] ?? 0) + (status["nonvoluntary_ctxt_switches"] ?? 0)
        }
        return total
    }

    /// Every thread with its name and CPU time.
    func threads() throws -> [ThreadUsage] {
        try threadIDs().compactMap { id in
            let base = "/proc/\(pid)/task/\(id)"
            guard let cpu = try? Self.cpuTime(statPath: base + "/stat") else { return nil }
            let name = (try? String(contentsOfFile: base + "/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
            return ThreadUsage(id: id, name: name, cpu: cpu)
        }
    }

    /// The resident mappings with the most memory, largest first (from `/proc/PID/smaps`).
    func largestMappings(_ count: Int) throws -> [(name: String, resident: Int)] {
        let text = try Self.read("/proc/\(pid)/smaps")
        var sizes: [String: Int] = [:]
        var current = "?"
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard let first = fields.first else { continue }
            if !first.hasSuffix(":"), first.contains("-"), fields.count >= 5 {
                // A mapping's header: address perms offset dev inode [path]
                current = fields.count >= 6 ? fields[5...].joined(separator: " ") : "[anonymous]"
                if current.hasPrefix("/") { current = String(current.split(separator: "/").last ?? "") }
            } else if first == "Rss:", fields.count >= 2 {
                sizes[current, default: 0] += (Int(fields[1]) ?? 0) * 1024
            }
        }
        return sizes.sorted { $0.value > $1.value }.prefix(count).map { ($0.key, $0.value) }
    }

    private func threadIDs() throws -> [Int32] {
        try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task").compactMap { Int32($0) }.sorted()
    }

    /// The whole of a /proc file (their size reads as 0, so read until the end).
    private static func read(_ path: String) throws -> String {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw BenchFailure("cannot open \(path): errno \(errno)") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            #if canImport(Glibc)
            let count = Glibc.read(descriptor, &buffer, buffer.count)
            #else
            let count = Darwin.read(descriptor, &buffer, buffer.count)
            #endif
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func cpuTime(statPath: String) throws -> Duration {
        let stat = try read(statPath)
        guard let close = stat.lastIndex(of: ")") else { throw BenchFailure("unreadable \(statPath)") }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12 else { throw BenchFailure("unreadable \(statPath)") }
        let ticks = (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
        let perSecond = sysconf(Int32(_SC_CLK_TCK))
        return .milliseconds(Int64(ticks) * 1000 / Int64(perSecond))
    }

    /// `Key: 123 kB` lines as a dictionary of numbers (kilobytes, or plain counts).
    private static func keyedKilobytes(path: String) throws -> [String: Int] {
        let text = try read(path)
        var values: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let number = line[line.index(after: colon)...].split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }
            if let number { values[String(line[..<colon])] = number }
        }
        return values
    }
}
