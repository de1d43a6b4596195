import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file opened for appending whole lines from any thread (logs, the journal).
final class AppendOnlyFile: Sendable {
    private let descriptor: Mutex<Int32>

    /// Opens `url` for appending, creating it and its folder if needed.
    init(url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path]) }
        descriptor = Mutex(fd)
    }

    deinit { descriptor.withLock { _ = close($0) } }

    /// Appends `line` and a newline; one `write` with O_APPEND keeps lines whole.
    func appendLine(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        descriptor.withLock { fd in _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } }
    }
}
