// swift-tools-version: 6.1
import PackageDescription

/// Settings every target shares: Swift 6 language mode (the tools version's default) with
/// explicit `any` for existentials.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "ibterm",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ibterm", targets: ["ibterm"]),
        .library(name: "TWSWire", targets: ["TWSWire"]),
        .library(name: "TWSSession", targets: ["TWSSession"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: Pure layers (no sockets, files or clocks)
        .target(name: "TWSWire", swiftSettings: strict),
        // Sans-I/O connection policies: pacing, backoff, keepalive, ids, state, subscriptions.
        .target(name: "TWSSession", swiftSettings: strict),

        // MARK: Executables
        .executableTarget(
            name: "ibterm",
            dependencies: [
                "TWSWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        // MARK: Tests
        .testTarget(name: "TWSSessionTests", dependencies: ["TWSSession"], swiftSettings: strict),
    ]
)
