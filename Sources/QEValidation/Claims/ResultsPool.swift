import QEResults

/// Several results files of one suite seen as one: the runs of a benchmark in every file are
/// more runs of the same benchmark (like the study's Run 1 and Run 2), in file order.
public struct ResultsPool: Sendable {
    /// One input file.
    public struct Source: Sendable {
        public var path: String
        public var file: ResultsFile

        public init(path: String, file: ResultsFile) {
            self.path = path
            self.file = file
        }
    }

    /// A run of a benchmark, with where it came from: run `run` (0-based) of file `file`.
    public struct TaggedRun: Sendable, Equatable {
        public var file: Int
        public var run: Int
        public var samples: [Double]
        public var warmup: [Double]
    }

    public let sources: [Source]
    /// The unit every time of the pool is expressed in (the first file's).
    public let unit: TimeUnit
    public let suite: String

    /// Why files cannot be pooled.
    public struct PoolError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    public init(_ sources: [Source]) throws(PoolError) {
        guard let first = sources.first else { throw PoolError(description: "no results files to judge") }
        for source in sources.dropFirst() where source.file.suite != first.file.suite {
            throw PoolError(
                description: "\(source.path): suite '\(source.file.suite)' differs from '\(first.file.suite)' in \(first.path); only files of one suite can be pooled as runs")
        }
        self.sources = sources
        self.unit = first.file.unit
        self.suite = first.file.suite
    }

    /// Benchmark names in order of first appearance.
    public var names: [String] {
        var seen: [String] = []
        for source in sources {
            for benchmark in source.file.benchmarks where !seen.contains(benchmark.name) { seen.append(benchmark.name) }
        }
        return seen
    }

    /// Every run of (name, variant) across the files, in the pool's unit.
    public func runs(name: String, variant: String) -> [TaggedRun] {
        var runs: [TaggedRun] = []
        for (fileIndex, source) in sources.enumerated() {
            guard let benchmark = source.file.benchmark(name: name, variant: variant) else { continue }
            for (runIndex, run) in benchmark.runs.enumerated() {
                runs.append(TaggedRun(
                    file: fileIndex, run: runIndex,
                    samples: source.file.unit.convert(run.samples, to: unit),
                    warmup: source.file.unit.convert(run.warmup, to: unit)))
            }
        }
        return runs
    }

    /// The memory figures of (name, variant) from the first file that has them.
    public func memory(name: String, variant: String) -> MemoryFigures? {
        for source in sources {
            if let memory = source.file.benchmark(name: name, variant: variant)?.memory, !memory.isEmpty { return memory }
        }
        return nil
    }

    /// Whether every file says its variants' outputs were checked before timing.
    public var outputsVerified: Bool { sources.allSatisfy { $0.file.outputsVerified == true } }

    /// How the files' environments differ (machines, toolchains, builds), as warnings.
    public var environmentWarnings: [String] {
        guard let first = sources.first else { return [] }
        var warnings: [String] = []
        for source in sources.dropFirst() {
            for difference in EnvironmentDifference.describe(first.file.environment, source.file.environment) {
                let text = "\(first.path) and \(source.path): \(difference)"
                if !warnings.contains(text) { warnings.append(text) }
            }
        }
        for source in sources where source.file.environment.build?.hasPrefix("debug") == true {
            warnings.append("\(source.path) was measured with a debug build: its timings say little about optimised code")
        }
        return warnings
    }
}
