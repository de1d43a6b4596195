import Foundation
import TestPrerequisites
import Testing

/// The built `ibterm engine` in an isolated home, owning its paper ledger (ephemeral loopback
/// port, seed 7, a fresh ledger), for tests that run one-shot commands against it; with
/// `portal`, its Client Portal on a free port too (else `--no-portal`).
struct EngineProcess {
    let run: Runner
    let home: URL
    let engine: Child
    /// The Client Portal's origin (`https://127.0.0.1:PORT`), when started with one.
    let portal: String?

    init(portal withPortal: Bool = false) async throws {
        let binary = try Prerequisite.ibterm.require()
        home = FileManager.default.temporaryDirectory.appendingPathComponent("ibterm-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        run = Runner(binary: binary, home: home)
        engine = try run.start(["engine", "--port", "0"] + (withPortal ? ["--portal-port", "0"] : ["--no-portal"]) + ["--seed", "7", "--fresh"])
        if withPortal {
            try await engine.waitForStderr(containing: "client portal listening on https://127.0.0.1:")
            let api = try #require(PortalConformanceTests.portal(in: engine.stderr)?.url, "\(engine.stderr)")
            portal = api.hasSuffix("/v1/api") ? String(api.dropLast("/v1/api".count)) : api
        } else {
            portal = nil
        }
        _ = try await run.waitForOwner(of: home.appendingPathComponent("data/ibterm/paper.sqlite").path, pid: engine.pid)
    }

    func stop() {
        engine.kill(SIGKILL)
        try? FileManager.default.removeItem(at: home)
    }

    func callAsFunction(_ arguments: String...) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await run.oneShot(arguments)
    }

    /// A command's `--json` rows, after it succeeded.
    func json(_ arguments: String...) async throws -> [[String: Any]] {
        let result = try await run.oneShot(arguments + ["--json"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], "\(result)")
    }
}
