import Dispatch
import Foundation
import TestPrerequisites
import Testing

/// A detached tmux session running a command, for end-to-end tests of the real terminal UI:
/// keys go in with `send-keys`, the screen comes out with `capture-pane`.
///
/// Needs tmux and python3 (which starts tmux with a clean set of file descriptors): gate a
/// test that uses it with `.requires(.tmux, .python3, ...)`.
final class TmuxSession {
    let name: String
    private static let tmux: String? = Prerequisite.tmux.location
    private static let python: String? = Prerequisite.python3.location

    /// Fails the test unless tmux and python3 are there (a gated test runs without them only
    /// under `CI=true`).
    static func requirePrerequisites(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try Prerequisite.tmux.require(sourceLocation: sourceLocation)
        try Prerequisite.python3.require(sourceLocation: sourceLocation)
    }

    /// Runs tmux through Python's `subprocess`, which closes every inherited descriptor: the
    /// tmux server that `new-session` forks would otherwise keep this process's pipes open,
    /// and Foundation's `Process` would wait for it forever.
    private static let launcher = "import subprocess, sys; sys.exit(subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL).returncode)"

    /// The tests' own tmux server (`-L`), apart from any the user runs.
    private static let socketName = "ibterm-e2e-\(getpid())"

    /// Starts `command` (run by `sh -c`) in a new session of `width`x`height`.
    init(command: String, width: Int = 120, height: Int = 40) async throws {
        try Self.requirePrerequisites()
        name = "ibterm-e2e-\(UUID().uuidString.prefix(8))"
        try await Self.command(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), command], captureOutput: false)
        try await Self.command(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit {
        _ = try? Self.run(["kill-session", "-t", name], captureOutput: false)
    }

    /// The visible screen, one string per line.
    func capture() async -> String {
        (try? await Self.command(["capture-pane", "-p", "-t", name])) ?? ""
    }

    /// Types keys (tmux key names, e.g. `Enter`, `Escape`, `Tab`, or literal text with `literal`).
    func send(_ keys: String..., literal: Bool = false) async throws {
        try await Self.command(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    /// Writes `bytes` to the program's input as they are (`send-keys -H`): a terminal's reports,
    /// such as a mouse click, that no key name stands for.
    func sendBytes(_ bytes: [UInt8]) async throws {
        try await Self.command(["send-keys", "-t", name, "-H"] + bytes.map { String($0, radix: 16) })
    }

    /// A click of button 1 at the 0-based cell `x`, `y`, as xterm reports it in its SGR mouse
    /// mode (`ESC [ < 0 ; x+1 ; y+1 M`, then `m` for the release).
    func click(x: Int, y: Int) async throws {
        try await sendBytes(Array("\u{1B}[<0;\(x + 1);\(y + 1)M\u{1B}[<0;\(x + 1);\(y + 1)m".utf8))
    }

    /// One notch of the wheel (down, or up) over the 0-based cell `x`, `y`, in xterm's SGR mode.
    func wheel(down: Bool, x: Int, y: Int) async throws {
        try await sendBytes(Array("\u{1B}[<\(down ? 65 : 64);\(x + 1);\(y + 1)M".utf8))
    }

    /// Resizes the window (the program gets SIGWINCH).
    func resize(width: Int, height: Int) async throws {
        try await Self.command(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// The pid of the pane's first process.
    func panePID() async -> Int32? {
        Int32(((try? await Self.command(["display-message", "-p", "-t", name, "#{pane_pid}"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Waits until `predicate` holds for the screen, polling every 100 ms, at most `timeout`.
    @discardableResult
    func waitFor(timeout: Duration = .seconds(20), _ predicate: (String) -> Bool) async -> String? {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            let screen = await capture()
            if predicate(screen) { return screen }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }

    /// Runs a tmux command on a dispatch thread, so that waiting for it never holds one of the
    /// few threads Swift concurrency runs every other test on.
    @discardableResult
    static func command(_ arguments: [String], captureOutput: Bool = true) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try run(arguments, captureOutput: captureOutput) })
            }
        }
    }

    @discardableResult
    static func run(_ arguments: [String], captureOutput: Bool = true) throws -> String {
        guard let tmux, let python else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", launcher, tmux, "-L", socketName] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard captureOutput else {
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return ""
        }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
