import QEResults

/// Turns what a kernel sweep measured into one results file.
public enum SweepAssembly {
    /// One benchmark per point and variant, in the grid's order, named after the point and
    /// carrying its parameters; runs in the order they were measured (round by round, so run k
    /// of every variant of a point came from the same worker); the working set as reported and
    /// the largest peak allocation of any run.
    public static func kernels(
        reports: [KernelWorkerReport], shapes: [KernelShape], parameters: [[String: ParameterValue]], variants: [String],
        suite: String, environment: EnvironmentInfo, createdAt: String
    ) -> ResultsFile {
        var runs: [BenchmarkKey: [BenchmarkRun]] = [:]
        var memory: [BenchmarkKey: MemoryFigures] = [:]
        for series in reports.flatMap(\.series) {
            let key = BenchmarkKey(name: series.workload, variant: series.variant)
            runs[key, default: []].append(BenchmarkRun(samples: series.samples, warmup: series.warmup, startedAt: series.startedAt))
            let peak = max(memory[key]?.peakAllocatedBytes ?? 0, series.peakAllocatedBytes)
            memory[key] = MemoryFigures(workingSetBytes: series.workingSetBytes, peakAllocatedBytes: peak)
        }
        var benchmarks: [Benchmark] = []
        for (shape, point) in zip(shapes, parameters) {
            for variant in variants {
                let key = BenchmarkKey(name: shape.name, variant: variant)
                guard let measured = runs[key] else { continue }
                benchmarks.append(Benchmark(name: shape.name, variant: variant, parameters: point, runs: measured, memory: memory[key]))
            }
        }
        // The worker refuses to time variants whose outputs disagree, so these were verified.
        return ResultsFile(
            suite: suite, unit: .nanoseconds, createdAt: createdAt, environment: environment, outputsVerified: true,
            benchmarks: benchmarks)
    }
}
