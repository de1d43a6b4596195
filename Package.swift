// swift-tools-version: 6.1
import PackageDescription

/// Settings every target shares: Swift 6 language mode (the tools version's default) with
/// explicit `any` for existentials.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let nio: [Target.Dependency] = [
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
]
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let toml: Target.Dependency = .product(name: "TOMLKit", package: "TOMLKit")

let package = Package(
    name: "ibterm",
    // Built and tested on Linux. macOS 14 is the minimum for a macOS build: the C library imports
    // are guarded (Glibc, else Darwin), but no macOS build is run (README, "Platforms").
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ibterm", targets: ["ibterm"]),
        .executable(name: "ibterm-bench", targets: ["ibterm-bench"]),
        .library(name: "Vocabulary", targets: ["Vocabulary"]),
        .library(name: "TWSWire", targets: ["TWSWire"]),
        .library(name: "TWSSession", targets: ["TWSSession"]),
        .library(name: "PaperExchange", targets: ["PaperExchange"]),
        .library(name: "PaperGateway", targets: ["PaperGateway"]),
        .library(name: "Dashboard", targets: ["Dashboard"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
        .library(name: "CursesTerminal", targets: ["CursesTerminal"]),
        .library(name: "TWSStreams", targets: ["TWSStreams"]),
        .library(name: "TWSClient", targets: ["TWSClient"]),
        .library(name: "TWSTrace", targets: ["TWSTrace"]),
        .library(name: "DashboardFeed", targets: ["DashboardFeed"]),
        .library(name: "DashboardRuntime", targets: ["DashboardRuntime"]),
        .library(name: "DeskBus", targets: ["DeskBus"]),
        .library(name: "PortalAPI", targets: ["PortalAPI"]),
        .library(name: "PortalServer", targets: ["PortalServer"]),
        .library(name: "PortalClient", targets: ["PortalClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        // The Client Portal half (issue #17): the HTTPS server, its certificate, the client.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // MARK: Pure layers (no sockets, files or clocks)
        .target(name: "Vocabulary", exclude: ["README.md"], swiftSettings: strict),
        .target(name: "TWSWire", dependencies: ["Vocabulary"], exclude: ["README.md"], swiftSettings: strict),
        .target(name: "TWSSession", dependencies: ["Vocabulary"], exclude: ["README.md"], swiftSettings: strict),
        .target(name: "PaperExchange", dependencies: ["Vocabulary", toml], exclude: ["README.md"], swiftSettings: strict),
        .target(name: "Dashboard", dependencies: ["Vocabulary", toml], exclude: ["README.md"], swiftSettings: strict),
        .target(name: "TerminalUI", dependencies: ["Dashboard", "Vocabulary", toml], exclude: ["README.md"], swiftSettings: strict),
        // The flight recorder's pure half: the trace format, its reader, the ring, reading records as messages.
        .target(name: "TWSTrace", dependencies: ["TWSWire", "Vocabulary"], exclude: ["README.md"], swiftSettings: strict),
        // The client's pure half: its values, quote accumulation, inbound routing, order reconciliation.
        .target(name: "TWSStreams", dependencies: ["TWSWire", "TWSSession", "Vocabulary"], exclude: ["README.md"], swiftSettings: strict),
        // Client values → dashboard events (shared by ibterm and ibterm-bench): pure mapping.
        .target(name: "DashboardFeed", dependencies: ["Dashboard", "TWSStreams", "TWSSession", "TWSWire", "PortalAPI", "Vocabulary"], exclude: ["README.md"], swiftSettings: strict),
        // The Client Portal Web API's pure half: its JSON models, field codes and rules (session,
        // rate limits, snapshot pre-flight, order reply questions). Foundation only for JSON.
        .target(name: "PortalAPI", dependencies: ["Vocabulary"], exclude: ["README.md"], swiftSettings: strict),

        // MARK: I/O adapters
        .target(
            name: "PaperGateway",
            dependencies: ["TWSWire", "PaperExchange", "PortalAPI", "Vocabulary", logging, .product(name: "GRDB", package: "GRDB.swift")] + nio,
            exclude: ["README.md"],
            resources: [.copy("Resources/instruments.toml")],
            swiftSettings: strict
        ),
        // The paper gateway's Client Portal Web API: HTTPS (a self-signed certificate kept with
        // the ledger), routes under /v1/api and the websocket, on the gateway's market and ledger.
        .target(
            name: "PortalServer",
            dependencies: [
                "PaperGateway", "PortalAPI", "Vocabulary", logging,
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "X509", package: "swift-certificates"), .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ] + nio,
            exclude: ["README.md"], swiftSettings: strict
        ),
        // A Client Portal Web API client (AsyncHTTPClient): session, accounts, orders, snapshots.
        .target(
            name: "PortalClient",
            dependencies: ["PortalAPI", "Vocabulary", logging, .product(name: "AsyncHTTPClient", package: "async-http-client")] + nio,
            exclude: ["README.md"], swiftSettings: strict
        ),
        // The crash dump's signal handler (async-signal-safe C: it writes the flight recorder's ring).
        .target(name: "CTraceCrash"),
        .target(name: "TWSClient", dependencies: ["TWSStreams", "TWSWire", "TWSSession", "TWSTrace", "CTraceCrash", "Vocabulary", logging] + nio, exclude: ["README.md"], swiftSettings: strict),
        .systemLibrary(name: "CNcurses", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]),
        // Redis's reference C client, for the desk bridge (`ibterm bridge`, `--source redis://`).
        .systemLibrary(name: "CHiredis", pkgConfig: "hiredis", providers: [.apt(["libhiredis-dev"]), .brew(["hiredis"])]),
        .target(name: "RedisLink", dependencies: ["CHiredis"], exclude: ["README.md"], swiftSettings: strict),
        // The desk bus's pure half: key layout, stream entries, heartbeats, commands and the
        // at-most-once ledger (RedisLink only for its `RedisReply` value).
        .target(name: "DeskBus", dependencies: ["Dashboard", "Vocabulary", "RedisLink"], exclude: ["README.md"], swiftSettings: strict),
        .target(name: "CursesTerminal", dependencies: ["TerminalUI", "CNcurses"], exclude: ["README.md"], swiftSettings: strict),
        // The shipping loop: the dashboard's store and terminal loop (shared by ibterm and ibterm-bench).
        .target(
            name: "DashboardRuntime", dependencies: ["Dashboard", "Vocabulary", "TerminalUI", "CursesTerminal", "TWSClient"],
            exclude: ["README.md"], swiftSettings: strict
        ),

        // MARK: Executables
        .executableTarget(
            name: "ibterm",
            dependencies: [
                "TWSWire", "TWSSession", "TWSStreams", "TWSClient", "TWSTrace", "Dashboard", "DashboardFeed", "DashboardRuntime", "TerminalUI", "CursesTerminal", "PaperGateway", "PaperExchange",
                "Vocabulary", "DeskBus", "RedisLink", "PortalAPI", "PortalServer", "PortalClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"), logging,
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "ibterm-stream", dependencies: ["TWSClient", "TWSWire", logging], swiftSettings: strict),
        .executableTarget(
            name: "ibterm-bench",
            dependencies: [
                "TWSWire", "TWSSession", "TWSStreams", "TWSClient", "TWSTrace", "PaperGateway", "PaperExchange", "Dashboard", "DashboardFeed", "DashboardRuntime", "TerminalUI",
                "CursesTerminal", "Vocabulary", "RedisLink", "DeskBus", logging, .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            swiftSettings: strict
        ),

        // MARK: Tests
        // Test support: one sample of every server message, for the codec's and the client's tests.
        .target(name: "TWSWireSamples", dependencies: ["TWSWire", "Vocabulary"], path: "Tests/TWSWireSamples", swiftSettings: strict),
        // Test support: what a test needs from outside the package (tmux, python3, the built
        // ibterm, the Python peers) and the `.requires(...)` trait that skips without it
        // (and fails under CI=true).
        .target(name: "TestPrerequisites", path: "Tests/TestPrerequisites", swiftSettings: strict),
        .testTarget(name: "VocabularyTests", dependencies: ["Vocabulary"], swiftSettings: strict),
        .testTarget(name: "DeskBusTests", dependencies: ["DeskBus", "Dashboard", "Vocabulary", "RedisLink", "RedisTestSupport", "TestPrerequisites"], swiftSettings: strict),
        // Test support: a redis-server of the test's own on a free loopback port, with an ACL user.
        .target(name: "RedisTestSupport", dependencies: ["RedisLink", "TestPrerequisites"], path: "Tests/RedisTestSupport", swiftSettings: strict),
        .testTarget(name: "RedisLinkTests", dependencies: ["RedisLink", "RedisTestSupport", "TestPrerequisites"], swiftSettings: strict),
        .testTarget(name: "TWSWireTests", dependencies: ["TWSWire", "TWSWireSamples", "Vocabulary"], exclude: ["Vectors"], swiftSettings: strict),
        .testTarget(name: "TWSTraceTests", dependencies: ["TWSTrace", "TWSWire", "Vocabulary"], swiftSettings: strict),
        .testTarget(name: "TWSSessionTests", dependencies: ["TWSSession"], swiftSettings: strict),
        .testTarget(name: "PortalAPITests", dependencies: ["PortalAPI", "Vocabulary"], swiftSettings: strict),
        .testTarget(
            name: "PortalServerTests",
            dependencies: [
                "PortalServer", "PortalClient", "PortalAPI", "PaperGateway", "PaperExchange", "Vocabulary", "TestPrerequisites", logging,
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ] + nio,
            swiftSettings: strict
        ),
        .testTarget(name: "PaperExchangeTests", dependencies: ["PaperExchange", "Vocabulary"], swiftSettings: strict),
        .testTarget(
            name: "PaperGatewayTests",
            dependencies: ["PaperGateway", "PaperExchange", "TWSWire", "Vocabulary", "TestPrerequisites", logging, .product(name: "GRDB", package: "GRDB.swift")] + nio,
            exclude: ["Peers"],
            swiftSettings: strict
        ),
        .testTarget(name: "TWSStreamsTests", dependencies: ["TWSStreams", "TWSWire", "TWSSession", "Vocabulary"], swiftSettings: strict),
        .testTarget(
            name: "TWSClientTests",
            dependencies: [
                "TWSClient", "TWSTrace", "TWSWire", "TWSWireSamples", "TWSSession", "Vocabulary", "PaperGateway", logging,
                .product(name: "NIOTestUtils", package: "swift-nio"), .product(name: "NIOEmbedded", package: "swift-nio"),
            ] + nio,
            swiftSettings: strict
        ),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "Vocabulary", "TestPrerequisites"], swiftSettings: strict),
        .testTarget(name: "DashboardFeedTests", dependencies: ["DashboardFeed", "Dashboard", "TWSStreams", "TWSSession", "TWSWire", "Vocabulary"], swiftSettings: strict),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "Dashboard", "Vocabulary"], exclude: ["Dashboard/Snapshots"], swiftSettings: strict),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "CNcurses", "TerminalUI"], swiftSettings: strict),
        .testTarget(name: "DashboardRuntimeTests", dependencies: ["DashboardRuntime", "Dashboard", "TerminalUI", "CursesTerminal", "TWSClient", "Vocabulary"], swiftSettings: strict),
        .testTarget(name: "IBTermTests", dependencies: ["ibterm", "DashboardRuntime", "Vocabulary", "PaperGateway", "TWSClient", "TWSTrace", "TestPrerequisites", "RedisLink", "RedisTestSupport", "DeskBus", logging], swiftSettings: strict),
        .testTarget(name: "IBTermBenchTests", dependencies: ["ibterm-bench", "DashboardRuntime", "TWSStreams", "TWSClient", "TWSWire", "Vocabulary"], swiftSettings: strict),
    ]
)
