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
        .executable(name: "ibterm-bench", targets: ["ibterm-bench"]),
        .library(name: "TWSWire", targets: ["TWSWire"]),
        .library(name: "TWSSession", targets: ["TWSSession"]),
        .library(name: "PaperExchange", targets: ["PaperExchange"]),
        .library(name: "Dashboard", targets: ["Dashboard"]),
        .library(name: "TWSClient", targets: ["TWSClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // MARK: Pure layers (no sockets, files or clocks)
        .target(name: "TWSWire", swiftSettings: strict),
        .target(name: "TWSSession", swiftSettings: strict),
        .target(
            name: "PaperExchange",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit")],
            exclude: ["README.md"],
            swiftSettings: strict
        ),
        .target(
            name: "Dashboard",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strict
        ),

        // MARK: I/O layers
        .target(
            name: "TWSClient",
            dependencies: [
                "TWSWire",
                "TWSSession",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // MARK: Executables
        .executableTarget(
            name: "ibterm",
            dependencies: [
                "TWSWire",
                "Dashboard",
                "TWSSession",
                "TWSClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "ibterm-bench",
            dependencies: [
                "TWSWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        // MARK: Tests
        .testTarget(
            name: "TWSWireTests",
            dependencies: ["TWSWire"],
            exclude: ["Vectors"],
            swiftSettings: strict
        ),
        .testTarget(name: "TWSSessionTests", dependencies: ["TWSSession"], swiftSettings: strict),
        .testTarget(name: "PaperExchangeTests", dependencies: ["PaperExchange"], swiftSettings: strict),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard"], swiftSettings: strict),
        .testTarget(
            name: "TWSClientTests",
            dependencies: [
                "TWSClient",
                "TWSWire",
                "TWSSession",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
    ]
)
