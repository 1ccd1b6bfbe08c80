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
        // YAML claims files (--claims FILE): a real YAML parser rather than a hand-written subset.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
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
            swiftSettings: [
                .unsafeFlags(["-target-cpu", "haswell"]),
                // Optimised in debug builds too: unoptimised SIMD code is about 200 times
                // slower, and the tests run whole attention calls of every catalogue shape.
                .unsafeFlags(["-O"], .when(configuration: .debug)),
            ]
        ),
        // glibc's allocator statistics, for the harness's memory figures.
        .target(name: "CMallocInfo"),
        .target(name: "QEBench", dependencies: ["QEKernels", "QEResults", "CMallocInfo"]),
        .target(
            name: "QEValidation",
            dependencies: ["QEStatistics", "QEResults", .product(name: "Yams", package: "Yams")]
        ),
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
        // Kernel timings and the single-core FMA peak for scripts/bench/kernels.sh (measures,
        // asserts nothing). Built for the same CPU level as QEKernels so its peak loop is FMA.
        .executableTarget(
            name: "qe-kernel-bench",
            dependencies: ["QEKernels"],
            path: "Benchmarks/qe-kernel-bench",
            swiftSettings: [.unsafeFlags(["-target-cpu", "haswell"])]
        ),
        .target(name: "QETestSupport", path: "Tests/QETestSupport"),
        .testTarget(
            name: "QEStatisticsTests",
            dependencies: ["QEStatistics", "QETestSupport"],
            // R-generated reference values, read through #filePath (tests need no R).
            exclude: ["Reference"]
        ),
        .testTarget(name: "QEResultsTests", dependencies: ["QEResults", "QETestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "QEValidationTests", dependencies: ["QEValidation", "QEStatistics", "QEResults", "QETestSupport"]),
        .testTarget(name: "QEBenchTests", dependencies: ["QEBench", "QEKernels", "QEResults", "QETestSupport"]),
        .testTarget(name: "QEKernelsTests", dependencies: ["QEKernels"]),
        .testTarget(
            name: "QEValidateCommandsTests",
            dependencies: ["QEValidateCommands", "QEResults", "QETestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
