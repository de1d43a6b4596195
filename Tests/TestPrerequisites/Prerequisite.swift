import Foundation
import Testing

/// Something a test needs from outside the package: a program on `PATH`, a binary that
/// `swift build` makes, a Python environment that `.ci/run` creates, a file beside the
/// repository.
///
/// Tests that need one are gated with ``Testing/Trait/requires(_:sourceLocation:)``, so that
/// without it the runner reports them as **skipped** (with what is missing and how to get it),
/// never as passed. Under `CI=true` a prerequisite that CI provides is never skipped for: the
/// test runs, and its first ``require(sourceLocation:)`` fails it, naming what is missing.
///
/// Test support only (target TestPrerequisites), shared by every test target that needs it.
public struct Prerequisite: Sendable, CustomStringConvertible {
    /// What it is, as the skip message names it: `tmux`, `the built ibterm`.
    public let description: String
    /// How to get it: `apt-get install tmux`.
    public let remedy: String
    /// Whether CI provides it (`.ci/run` installs it, or the build makes it): under `CI=true`
    /// its absence fails the test instead of skipping it.
    public let providedInCI: Bool
    private let locate: @Sendable () -> String?

    /// Creates a prerequisite found by `locate` (its path, or nil when it is missing).
    public init(_ description: String, remedy: String, providedInCI: Bool = true, locate: @escaping @Sendable () -> String?) {
        self.description = description
        self.remedy = remedy
        self.providedInCI = providedInCI
        self.locate = locate
    }

    /// Where it is, or nil when it is missing.
    public var location: String? { locate() }

    /// Whether it is there.
    public var isMet: Bool { location != nil }

    /// Its location; a missing prerequisite fails the test (which then ran because of `CI=true`).
    @discardableResult
    public func require(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(location, "\(missingMessage)", sourceLocation: sourceLocation)
    }

    var missingMessage: String {
        "\(description) is missing: \(remedy)" + (Self.isCI ? " (CI=true: a missing prerequisite fails the test instead of skipping it)" : "")
    }
}

// MARK: Where things are

extension Prerequisite {
    /// Whether this run is CI's: `CI=true` in the environment (CI services set it; `.ci/run`
    /// sets it too).
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The package's root folder (this file is `Tests/TestPrerequisites/Prerequisite.swift`).
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A program found on `PATH` (so hiding it from `PATH` shows what happens without it).
    /// The system's folders on `PATH` are searched first: a version manager's shim (pyenv's
    /// `python3`) can cost a second per start, and the tmux tests start python3 for every
    /// screen they read.
    public static func program(_ name: String, remedy: String) -> Prerequisite {
        Prerequisite(name, remedy: remedy) {
            let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            let system = ["/usr/bin", "/bin", "/usr/local/bin"].filter { folders.contains($0) }
            return (system + folders).map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
    }

    /// An executable product of this package, next to the test bundle or in `.build/debug`.
    public static func builtProduct(_ name: String) -> Prerequisite {
        Prerequisite("the built \(name)", remedy: "run swift build") {
            [
                Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent(name).path,
                Bundle.main.bundleURL.appendingPathComponent(name).path,
                repositoryRoot.appendingPathComponent(".build/debug/\(name)").path,
            ].first { FileManager.default.isExecutableFile(atPath: $0) }
        }
    }

    /// A file the tests read but the repository does not hold.
    public static func file(_ description: String, at path: String, remedy: String, providedInCI: Bool) -> Prerequisite {
        Prerequisite(description, remedy: remedy, providedInCI: providedInCI) {
            FileManager.default.isReadableFile(atPath: path) ? path : nil
        }
    }

    /// `tmux`, for the end-to-end tests of the real terminal UI.
    public static let tmux = program("tmux", remedy: "apt-get install tmux, or run .ci/run")

    /// `python3`: starts tmux with a clean set of descriptors, and runs the scripted stand-ins
    /// in `scripts/`.
    public static let python3 = program("python3", remedy: "apt-get install python3")

    /// `redis-server`, which the desk bridge's tests start on a free loopback port.
    public static let redisServer = program("redis-server", remedy: "apt-get install redis-server, or run .ci/run")

    /// Network namespaces (`ip netns`, veth pairs, a Linux bridge): root and iproute2, proved by
    /// making and deleting one. CI runs as root with iproute2 (`.ci/run` installs it), so
    /// there a missing one fails the test that needs it.
    public static let networkNamespaces = Prerequisite(
        "network namespaces (ip netns as root)", remedy: "run as root with iproute2 installed (apt-get install iproute2), or run .ci/run"
    ) {
        guard geteuid() == 0, let ip = ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return nil
        }
        let probe = "ibterm-probe-\(getpid())"
        func run(_ arguments: [String]) -> Bool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: ip)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return false }
            process.waitUntilExit()
            return process.terminationStatus == 0
        }
        guard run(["netns", "add", probe]) else { return nil }
        _ = run(["netns", "del", probe])
        return ip
    }

    /// A pass of its own for the desk test across hosts (`IBTERM_DESK_HOSTS=1`): it loads the
    /// machine with seven processes (Redis, a gateway, the bridge, three dashboards under tmux),
    /// so `.ci/run` runs it alone after the suite rather than among the others, where it would
    /// starve them and be starved. In the suite's own pass it is reported as skipped, saying so.
    public static let deskHostsPass = Prerequisite(
        "its own pass (IBTERM_DESK_HOSTS=1)",
        remedy: ".ci/run runs it alone after the suite; by hand: IBTERM_DESK_HOSTS=1 swift test --filter DeskAcrossHostsTests",
        providedInCI: false
    ) {
        ProcessInfo.processInfo.environment["IBTERM_DESK_HOSTS"] == "1" ? "IBTERM_DESK_HOSTS=1" : nil
    }

    /// The `ibterm` executable, run by the end-to-end and process tests.
    public static let ibterm = builtProduct("ibterm")

    /// The folder of the Python peers' virtual environments: `$IBTERM_PEERS`, else `.build-peers/`.
    public static var peersDirectory: URL {
        if let path = ProcessInfo.processInfo.environment["IBTERM_PEERS"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return repositoryRoot.appendingPathComponent(".build-peers")
    }

    /// The Python of one peer's virtual environment (`ibapi-9.81`, `ibapi-10.50`), which
    /// `.ci/run` creates with IB's official client installed.
    public static func ibapiPeer(_ name: String) -> Prerequisite {
        Prerequisite("the \(name) Python peer", remedy: "run .ci/run, which creates it in $IBTERM_PEERS or .build-peers/") {
            let path = peersDirectory.appendingPathComponent(name).appendingPathComponent("bin/python").path
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
    }

    /// The Python of the Client Portal peer's virtual environment (`portal`), which `.ci/run`
    /// creates with `requests` (and `websocket-client`): a plain HTTP client of IB's Web API.
    public static let portalPeer = Prerequisite(
        "the portal Python peer (requests)", remedy: "run .ci/run, which creates it in $IBTERM_PEERS or .build-peers/"
    ) {
        let path = peersDirectory.appendingPathComponent("portal").appendingPathComponent("bin/python").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
}

// MARK: Gating

extension Prerequisite {
    /// Whether a test that needs `prerequisites` runs: when all are there, and under `CI=true`
    /// also when every missing one is one CI provides (the test then fails on it).
    public static func shouldRun(_ prerequisites: [Prerequisite]) -> Bool {
        let missing = prerequisites.filter { !$0.isMet }
        return missing.isEmpty || (isCI && missing.allSatisfy(\.providedInCI))
    }

    /// What a skip says: what the test needs and what of it is missing.
    public static func skipReason(_ prerequisites: [Prerequisite]) -> String {
        let needs = "needs " + prerequisites.map(\.description).joined(separator: ", ")
        let missing = prerequisites.filter { !$0.isMet }
        guard !missing.isEmpty else { return needs }
        return needs + "; missing " + missing.map { "\($0.description): \($0.remedy)" }.joined(separator: "; ")
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test or suite only with every one of `prerequisites`, else reports it as
    /// skipped with what is missing. Under `CI=true` it runs anyway when CI provides what is
    /// missing, so that the test's ``Prerequisite/require(sourceLocation:)`` fails the run.
    public static func requires(_ prerequisites: Prerequisite..., sourceLocation: SourceLocation = #_sourceLocation) -> Self {
        .enabled(
            if: Prerequisite.shouldRun(prerequisites),
            Comment(rawValue: Prerequisite.skipReason(prerequisites)),
            sourceLocation: sourceLocation)
    }
}
