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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: Pure layers (no sockets, files or clocks)
        .target(name: "TWSWire", swiftSettings: strict),

        // MARK: Executables
        .executableTarget(
            name: "ibterm",
            dependencies: [
                "TWSWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
    ]
)
