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
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
        .library(name: "CursesTerminal", targets: ["CursesTerminal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
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
        .target(
            name: "TerminalUI",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit")],
            exclude: ["README.md"],
            swiftSettings: strict
        ),

        // MARK: I/O adapters
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(
            name: "CursesTerminal",
            dependencies: ["TerminalUI", "CNcurses"],
            exclude: ["README.md"],
            swiftSettings: strict
        ),

        // MARK: Executables
        .executableTarget(
            name: "ibterm",
            dependencies: [
                "TWSWire",
                "Dashboard",
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
        .testTarget(name: "TWSSessionTests", dependencies: ["TWSSession"], swiftSettings: strict),
        .testTarget(name: "PaperExchangeTests", dependencies: ["PaperExchange"], swiftSettings: strict),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard"], swiftSettings: strict),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["TerminalUI"],
            exclude: ["Dashboard/Snapshots"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CursesTerminalTests",
            dependencies: ["CursesTerminal", "CNcurses", "TerminalUI"],
            swiftSettings: strict
        ),
    ]
)
