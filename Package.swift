// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Skyplan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "skyplan", targets: ["skyplan"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.24.0"),
    ],
    targets: [
        // Pure logic at the bottom.
        .target(name: "SkyplanModel"),
        .target(name: "AWSSigV4", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "SkyplanDiagram", dependencies: ["SkyplanModel"]),
        .target(
            name: "SkyplanBudget", dependencies: ["SkyplanModel", "SkyplanDiagram", "ZIPFoundation"],
            resources: [.copy("Resources")]
        ),
        // Rendering: SVG and mxGraph are pure; PNG/PDF go through librsvg + cairo (system libraries).
        .systemLibrary(
            name: "CRsvg",
            pkgConfig: "librsvg-2.0",
            providers: [.apt(["librsvg2-dev", "libcairo2-dev"])]
        ),
        .target(name: "SkyplanRender", dependencies: ["SkyplanDiagram", "CRsvg"]),
        .systemLibrary(name: "CMalloc"),
        // I/O at the edges.
        .target(
            name: "SkyplanAWS",
            dependencies: [
                "AWSSigV4", "SkyplanModel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["ADDING_AN_OPERATION.md"]
        ),
        .target(
            name: "SkyplanDiscovery",
            dependencies: ["SkyplanAWS", "SkyplanModel", .product(name: "Logging", package: "swift-log")],
            exclude: ["CONFIG_KEYS.md"]
        ),
        .target(
            name: "SkyplanLive",
            dependencies: ["SkyplanAWS", "SkyplanModel", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "SkyplanStore",
            dependencies: [
                "SkyplanModel",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SkyplanServer",
            dependencies: [
                "SkyplanModel", "AWSSigV4", "SkyplanAWS", "SkyplanDiscovery", "SkyplanDiagram", "SkyplanRender",
                "SkyplanBudget", "SkyplanLive", "SkyplanStore", "CMalloc",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            resources: [.copy("Public")]
        ),
        .executableTarget(
            name: "skyplan",
            dependencies: [
                "SkyplanServer", "SkyplanStore", "SkyplanAWS", "SkyplanModel", "SkyplanDiscovery", "SkyplanDiagram",
                "SkyplanBudget", "SkyplanLive",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "skyplan-bench",
            dependencies: [
                "SkyplanModel", "AWSSigV4", "SkyplanAWS", "SkyplanDiscovery", "SkyplanDiagram", "SkyplanRender",
                "SkyplanBudget", "SkyplanLive", "SkyplanServer", "SkyplanStore", "CMalloc",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // Tests.
        .testTarget(name: "SkyplanModelTests", dependencies: ["SkyplanModel"]),
        .testTarget(name: "AWSSigV4Tests", dependencies: ["AWSSigV4"]),
        .testTarget(name: "SkyplanAWSTests", dependencies: ["SkyplanAWS"], resources: [.copy("Resources")]),
        .testTarget(name: "SkyplanDiscoveryTests", dependencies: ["SkyplanDiscovery"]),
        .testTarget(name: "SkyplanDiagramTests", dependencies: ["SkyplanDiagram"]),
        .testTarget(name: "SkyplanRenderTests", dependencies: ["SkyplanRender"], resources: [.copy("Golden")]),
        .testTarget(name: "SkyplanBudgetTests", dependencies: ["SkyplanBudget"]),
        .testTarget(name: "SkyplanStoreTests", dependencies: ["SkyplanStore"]),
        .testTarget(name: "SkyplanLiveTests", dependencies: ["SkyplanLive"]),
        .testTarget(
            name: "SkyplanServerTests",
            dependencies: [
                "SkyplanServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
