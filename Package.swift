// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "qe-validate",
    // macOS 15 for Synchronization's Mutex (ProgressDisplay).
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "qe-validate", targets: ["qe-validate"]),
        .library(name: "QEStatistics", targets: ["QEStatistics"]),
        .library(name: "QEResults", targets: ["QEResults"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // YAML claims files (--claims FILE): a real YAML parser rather than a hand-written subset.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Ed25519 signatures of reports, with keys in the PEM forms openssl makes (CryptoExtras).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        // The history store's embedded SQLite backend: WAL, busy timeout and a schema migrator.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The history store's PostgreSQL backend, for teams whose CI runners share one server.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // GSL, found through pkg-config. Only QEStatistics may import it.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev", "pkg-config"])]
        ),
        .target(name: "QEStatistics", dependencies: ["CGSL"]),
        // zlib, found through pkg-config, for gzip-compressed inputs (pyperf's .json.gz).
        // Only QEResults imports it.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev", "pkg-config"])]
        ),
        .target(name: "QEResults", dependencies: ["CZlib"]),
        // Numbers, durations, ratios, percentages, p-values, byte counts and dates for people,
        // each written once: the judges' sentences and every renderer use them.
        .target(name: "QEFormats", dependencies: ["QEResults"]),
        // The history store (DESIGN §8) behind one protocol: SQLite (embedded, the default) and
        // PostgreSQL (a team's shared server), with the same schema and migrations.
        .target(
            name: "QEHistory",
            dependencies: [
                "QEResults",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C functions, to read sample blobs in place (SQLiteRowReader).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Which instruction sets this CPU and OS support (`__builtin_cpu_supports`), so QEKernels
        // can choose its AVX-512 path at run time. Built for the default x86-64 level.
        .target(name: "CCPUFeatures"),
        // Software prefetch hints (static inline, compiled into the caller) for QEKernels'
        // micro-kernel.
        .target(name: "CPrefetch"),
        // The AVX-512 hot loops of both attention kernels (SIMD16 micro-kernel, packing, exp2),
        // behind a small non-generic pointer API that only QEKernels calls, and only after
        // CCPUFeatures has confirmed AVX-512 F/CD/BW/DQ/VL. `skylake-avx512` enables exactly
        // that AVX-512 set (every AVX-512 CPU since 2017: Skylake-SP, Ice Lake, Zen 4, Zen 5);
        // newer names (znver4/5, sapphirerapids) would let the compiler use extensions older
        // AVX-512 CPUs lack. Cross-module optimisation is off so that no body of this module is
        // inlined into another; scripts/check-isa-isolation.sh checks the binaries. Needs Swift
        // 6.3 (`@inline(always)`, SE-0496).
        .target(
            name: "QEKernelsAVX512",
            dependencies: ["CPrefetch"],
            swiftSettings: [
                .unsafeFlags(["-target-cpu", "skylake-avx512", "-Xfrontend", "-disable-cmo"]),
                .unsafeFlags(["-O"], .when(configuration: .debug)),
            ]
        ),
        // The attention kernels. Built for AVX2 + FMA (every x86-64 server of the last decade),
        // so that Swift's SIMD types compile to vector FMA; on AVX-512 CPUs the hot loops run
        // in QEKernelsAVX512 instead (`KernelISA`).
        .target(
            name: "QEKernels",
            dependencies: ["CCPUFeatures", "CPrefetch", "QEKernelsAVX512"],
            swiftSettings: [
                .unsafeFlags(["-target-cpu", "haswell"]),
                // Optimised in debug builds too: unoptimised SIMD code is about 200 times
                // slower, and the tests run whole attention calls of every catalogue shape.
                .unsafeFlags(["-O"], .when(configuration: .debug)),
            ]
        ),
        // glibc's allocator statistics, for the harness's memory figures.
        .target(name: "CMallocInfo"),
        .target(name: "QEBench", dependencies: ["QEKernels", "QEResults", "QEFormats", "CMallocInfo"]),
        .target(
            name: "QEValidation",
            dependencies: ["QEStatistics", "QEResults", "QEFormats", .product(name: "Yams", package: "Yams")]
        ),
        // `qe-validate bisect`: git worktrees, builds and interleaved measurements of commits;
        // the decisions are QEValidation's.
        .target(name: "QEBisect", dependencies: ["QEBench", "QEValidation", "QEResults"]),
        // Every renderer: text tables, Markdown, CSV, JSON, HTML escaping and SVG drawing, one
        // escaping policy, and `render(_:as:)` for every document.
        .target(name: "QEPresentation", dependencies: ["QEFormats", "QEValidation", "QEResults"]),
        // Reports (Markdown, JSON, HTML with inline SVG), their Ed25519 signatures and verification.
        .target(
            name: "QEReports",
            dependencies: [
                "QEStatistics", "QEResults", "QEValidation", "QEFormats", "QEPresentation",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "QEValidateCommands",
            dependencies: [
                "QEStatistics", "QEResults", "QEValidation", "QEFormats", "QEPresentation", "QEReports", "QEBench",
                "QEKernels", "QEHistory", "QEBisect",
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
        // Change-point detection over simulated histories, for scripts/changepoints/compare.py
        // (detects and times, asserts nothing); it also records them in a history store, so
        // that `qe-validate history detect` is timed end to end on the same histories.
        .executableTarget(
            name: "qe-changepoint-bench",
            dependencies: ["QEStatistics", "QEValidation", "QEHistory", "QEResults"],
            path: "Benchmarks/qe-changepoint-bench"
        ),
        // History-store timings for scripts/bench/history.sh (measures, asserts nothing): adding
        // results files, listing a long series, loading its samples, size on disk.
        .executableTarget(
            name: "qe-history-bench",
            dependencies: ["QEHistory", "QEResults"],
            path: "Benchmarks/qe-history-bench"
        ),
        // Reading a results file: the strict reader, the same with strtod for every number, and
        // Foundation's JSONDecoder, side by side, for scripts/bench/results-reader.sh (measures,
        // asserts nothing).
        .executableTarget(
            name: "qe-results-bench",
            dependencies: ["QEResults"],
            path: "Benchmarks/qe-results-bench"
        ),
        // Kernel timings and the single-core FMA peaks for scripts/bench/kernels.sh (measures,
        // asserts nothing). Built for the same CPU level as QEKernels so its AVX2 peak loop is
        // FMA; the AVX-512 peak loop is QEKernelsAVX512's, called only when supported.
        .executableTarget(
            name: "qe-kernel-bench",
            dependencies: ["QEKernels", "QEKernelsAVX512"],
            path: "Benchmarks/qe-kernel-bench",
            swiftSettings: [.unsafeFlags(["-target-cpu", "haswell"])]
        ),
        // How often the exponent interval of a scaling fit covers the truth, for
        // scripts/simulation/scaling_coverage.sh (simulates, asserts nothing).
        .executableTarget(
            name: "qe-scaling-simulation",
            dependencies: ["QEStatistics"],
            path: "Benchmarks/qe-scaling-simulation"
        ),
        .target(name: "QETestSupport", dependencies: ["QEResults"], path: "Tests/QETestSupport"),
        // Both history-store backends for the tests: a scratch SQLite file, or a fresh database
        // on the throwaway PostgreSQL server scripts/test.sh starts.
        .target(
            name: "QEHistoryTestSupport",
            dependencies: ["QEHistory", "QEResults", "QETestSupport", .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Tests/QEHistoryTestSupport"
        ),
        // A separate process that adds results files to a history store, for the store's
        // reliability tests (killed mid-transaction; eight adding at once). Only the tests run it.
        .executableTarget(
            name: "qe-history-test-child",
            dependencies: ["QEHistory", "QEResults"],
            path: "Tests/QEHistoryTestChild"
        ),
        .testTarget(
            name: "QEStatisticsTests",
            dependencies: ["QEStatistics", "QETestSupport"],
            // R-generated reference values, read through #filePath (tests need no R).
            exclude: ["Reference"]
        ),
        .testTarget(name: "QEResultsTests", dependencies: ["QEResults", "QETestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "QEFormatsTests", dependencies: ["QEFormats", "QEResults"]),
        .testTarget(
            name: "QEPresentationTests",
            dependencies: ["QEPresentation", "QEFormats", "QEValidation", "QEResults", "QETestSupport"]
        ),
        .testTarget(
            name: "QEValidationTests",
            dependencies: ["QEValidation", "QEStatistics", "QEResults", "QETestSupport"],
            // R-generated reference values of the bisection's decisions (scripts/reference/bisect.R);
            // measured results files.
            exclude: ["Reference", "Fixtures"]
        ),
        .testTarget(name: "QEBenchTests", dependencies: ["QEBench", "QEKernels", "QEResults", "QETestSupport"]),
        .testTarget(name: "QEKernelsTests", dependencies: ["QEKernels", "QETestSupport"]),
        .testTarget(name: "QEBisectTests", dependencies: ["QEBisect", "QEValidation", "QEBench", "QETestSupport"]),
        .testTarget(
            name: "QEHistoryTests",
            dependencies: [
                "QEHistory", "QEResults", "QETestSupport", "QEHistoryTestSupport",
                // To create a fresh database per test on the throwaway server, and to tamper
                // with a store's schema as a newer version would.
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "QEReportsTests",
            dependencies: ["QEReports", "QEPresentation", "QEValidation", "QEResults", "QETestSupport"]
        ),
        // The change-point benchmark's reader of simulated histories and its output lines.
        .testTarget(name: "QEChangePointBenchTests", dependencies: ["qe-changepoint-bench", "QEValidation"]),
        .testTarget(
            name: "QEValidateCommandsTests",
            dependencies: ["QEValidateCommands", "QEHistory", "QEResults", "QETestSupport", "QEHistoryTestSupport"],
            // Outputs of every command on the committed examples (scripts/golden/capture.py).
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
