import QEKernels
import QEResults

/// Measures the built-in kernels over a sweep's points as `run` measures them: each visit of a
/// point is one worker process timing its variants interleaved, outputs checked first; the
/// points are visited round by round in the order of a ``SweepSchedule``, so each point gets one
/// run per round.
public struct KernelSweepRunner: Sendable {
    public var plan: KernelSweepPlan
    public var suite: String
    public var variants: [String]
    /// Runs per point (rounds of the schedule).
    public var runs: Int
    public var iterations: Int
    public var warmup: Int
    /// Seed of the inputs (as `run --seed`).
    public var inputSeed: UInt64
    /// Seed of the order of the points.
    public var orderSeed: UInt64
    /// Seconds one worker may take.
    public var timeout: Double
    /// The program to start as the worker, and the arguments before the plan.
    public var workerCommand: [String]

    public init(
        plan: KernelSweepPlan, suite: String, variants: [String], runs: Int, iterations: Int, warmup: Int,
        inputSeed: UInt64, orderSeed: UInt64, timeout: Double, workerCommand: [String]
    ) {
        self.plan = plan
        self.suite = suite
        self.variants = variants
        self.runs = runs
        self.iterations = iterations
        self.warmup = warmup
        self.inputSeed = inputSeed
        self.orderSeed = orderSeed
        self.timeout = timeout
        self.workerCommand = workerCommand
    }

    /// The order the points are measured in.
    public var schedule: SweepSchedule { SweepSchedule(pointCount: plan.shapes.count, rounds: runs, seed: orderSeed) }

    /// Measures every visit and returns the results file: one benchmark per point and variant,
    /// named after the point, carrying its parameters, its runs in round order.
    /// - Throws: `HarnessError` as soon as a worker fails, crashes or times out.
    public func run(progress: ProgressDisplay, environment: EnvironmentInfo, createdAt: String) throws -> ResultsFile {
        var reports: [KernelWorkerReport] = []
        for (round, order) in schedule.rounds.enumerated() {
            for point in order {
                let visit = KernelWorkerPlan(
                    suite: suite, workloads: [], variants: variants, iterations: iterations, warmup: warmup,
                    seed: inputSeed, run: round + 1, shapes: [plan.shapes[point]])
                let runner = KernelSuiteRunner(
                    plan: visit, runs: 1, firstRun: round + 1, timeout: timeout, workerCommand: workerCommand)
                reports += try runner.run(progress: progress)
            }
        }
        return SweepAssembly.kernels(
            reports: reports, shapes: plan.shapes, parameters: plan.parameters, variants: variants, suite: suite,
            environment: environment, createdAt: createdAt)
    }
}
