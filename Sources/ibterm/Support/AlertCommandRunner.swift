import Foundation
import Logging

/// Runs an alert's program (`[alerts] command`, or a rule's own) with the fired alert as JSON on
/// its standard input, through `/bin/sh -c`, away from the screen's thread: a program that
/// hangs is killed after `timeLimit`, and its outcome goes to the log, never to the terminal
/// (its output is discarded).
struct AlertCommandRunner: Sendable {
    /// How long a program may run.
    var timeLimit: Duration = .seconds(5)
    /// Where outcomes are written.
    let logger: Logger

    /// Starts `command` with `json` on its standard input; returns at once.
    func run(_ command: String, json: String) {
        let timeLimit = self.timeLimit
        let logger = self.logger
        Task.detached {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
            let input = Pipe()
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let finished = AsyncStream<Int32>.makeStream()
            process.terminationHandler = { finished.continuation.yield($0.terminationStatus); finished.continuation.finish() }
            do {
                try process.run()
            } catch {
                logger.warning("alert command not started: \(error)", metadata: ["command": "\(command)"])
                return
            }
            try? input.fileHandleForWriting.write(contentsOf: Data((json + "\n").utf8))
            try? input.fileHandleForWriting.close()
            let killer = Task {
                try await Task.sleep(for: timeLimit)
                if process.isRunning {
                    process.terminate()
                    logger.warning("alert command killed after \(timeLimit)", metadata: ["command": "\(command)"])
                }
            }
            for await status in finished.stream {
                killer.cancel()
                if status != 0 { logger.warning("alert command exited \(status)", metadata: ["command": "\(command)"]) }
            }
        }
    }
}
