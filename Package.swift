// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "qe-validate",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "qe-validate", targets: ["qe-validate"]),
        .library(name: "QEStatistics", targets: ["QEStatistics"]),
        .library(name: "QEResults", targets: ["QEResults"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // GSL, found through pkg-config. Only QEStatistics may import it.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev", "pkg-config"])]
        ),
        .target(name: "QEStatistics", dependencies: ["CGSL"]),
        .target(name: "QEResults"),
        // The attention kernels. Built for AVX2 + FMA (every x86-64 server of the last decade),
        // so that Swift's SIMD types compile to vector FMA.
        .target(
            name: "QEKernels",
            swiftSettings: [.unsafeFlags(["-target-cpu", "haswell"])]
        ),
        // glibc's allocator statistics, for the harness's memory figures.
        .target(name: "CMallocInfo"),
        .target(name: "QEBench", dependencies: ["QEKernels", "QEResults", "CMallocInfo"]),
        .target(name: "QEValidation", dependencies: ["QEStatistics", "QEResults"]),
        .target(
            name: "QEValidateCommands",
            dependencies: [
                "QEStatistics", "QEResults", "QEValidation", "QEBench", "QEKernels",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "qe-validate", dependencies: ["QEValidateCommands"]),
        // In-process timings for scripts/bench/run-benchmarks.sh (measures, asserts nothing).
        .executableTarget(
            name: "qe-validate-bench",
            dependencies: ["QEStatistics"],
            path: "Benchmarks/qe-validate-bench"
        ),
        .target(name: "QETestSupport", path: "Tests/QETestSupport"),
        .testTarget(
            name: "QEStatisticsTests",
            dependencies: ["QEStatistics", "QETestSupport"],
            // R-generated reference values, read through #filePath (tests need no R).
            exclude: ["Reference"]
        ),
        .testTarget(name: "QEResultsTests", dependencies: ["QEResults", "QETestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "QEBenchTests", dependencies: ["QEBench", "QEKernels", "QEResults", "QETestSupport"]),
        .testTarget(
            name: "QEValidateCommandsTests",
            dependencies: ["QEValidateCommands", "QEResults", "QETestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
