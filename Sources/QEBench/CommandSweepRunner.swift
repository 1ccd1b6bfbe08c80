import QEResults

/// Measures external commands over a sweep's points: at each visit of a point, every command
/// with the point's values put in for its `{NAME}` placeholders, timed by ``CommandBenchmark``
/// (one run: warm-up, then the variants interleaved); the points visited round by round in the
/// order of a ``SweepSchedule``.
public struct CommandSweepRunner: Sendable {
    /// A command to time under a variant name, with `{NAME}` placeholders.
    public struct Template: Sendable, Equatable {
        public var variant: String
        public var command: String

        public init(variant: String, command: String) {
            self.variant = variant
            self.command = command
        }
    }

    public var grid: ParameterGrid
    public var templates: [Template]
    /// The benchmark name the points are named after (`NAME[n=1000]`).
    public var name: String
    public var runs: Int
    public var iterations: Int
    public var warmup: Int
    public var orderSeed: UInt64
    public var timeout: Double

    /// - Throws: `SweepPlanError.unusedParameter` when a parameter appears in no command.
    public init(
        grid: ParameterGrid, templates: [Template], name: String, runs: Int, iterations: Int, warmup: Int,
        orderSeed: UInt64, timeout: Double
    ) throws(SweepPlanError) {
        for parameter in grid.parameters where !templates.contains(where: { $0.command.contains("{\(parameter.name)}") }) {
            throw .unusedParameter(parameter.name)
        }
        self.grid = grid
        self.templates = templates
        self.name = name
        self.runs = runs
        self.iterations = iterations
        self.warmup = warmup
        self.orderSeed = orderSeed
        self.timeout = timeout
    }

    /// `command` with each `{NAME}` replaced by the point's value of NAME.
    public static func substitute(_ command: String, point: [String: ParameterValue]) -> String {
        point.keys.sorted().reduce(command) { text, key in
            text.replacingOccurrences(of: "{\(key)}", with: point[key]?.description ?? "")
        }
    }

    public var schedule: SweepSchedule {
        SweepSchedule(pointCount: grid.points.count, rounds: runs, seed: orderSeed)
    }

    /// Measures every visit and returns the results file (one benchmark per point and variant).
    /// - Throws: `HarnessError` at the first command that fails or times out.
    public func run(progress: ProgressDisplay, environment: EnvironmentInfo, createdAt: String) throws -> ResultsFile {
        let points = grid.points
        var runsByPoint = [[CommandBenchmark.Timings]](repeating: [], count: points.count)
        for order in schedule.rounds {
            for point in order {
                let benchmark = CommandBenchmark(
                    variants: templates.map { .init(name: $0.variant, command: Self.substitute($0.command, point: points[point])) },
                    runs: 1, iterations: iterations, warmup: warmup, timeout: timeout)
                let timings = try benchmark.run(progress: progress)
                if runsByPoint[point].isEmpty {
                    runsByPoint[point] = timings
                } else {
                    for index in timings.indices { runsByPoint[point][index].runs += timings[index].runs }
                }
            }
        }
        var benchmarks: [Benchmark] = []
        for (index, point) in points.enumerated() {
            for timing in runsByPoint[index] {
                benchmarks.append(Benchmark(
                    name: grid.name(base: name, point: point), variant: timing.variant, parameters: point,
                    runs: timing.runs.map { BenchmarkRun(samples: $0.samples, warmup: $0.warmup, startedAt: $0.startedAt) }))
            }
        }
        return ResultsFile(suite: "sweep", unit: .nanoseconds, createdAt: createdAt, environment: environment, benchmarks: benchmarks)
    }
}
