import QEKernels
import QEResults

/// Turns what the harness measured into a `qe-validate/results@1` file.
public enum ResultsAssembly {
    /// One benchmark per (workload, variant), its runs in run order, with the workload's shape as
    /// parameters and the kernel's memory figures (working set exact; peak allocated the largest
    /// seen in any run).
    public static func kernels(
        reports: [KernelWorkerReport], suite: String, environment: EnvironmentInfo, createdAt: String
    ) -> ResultsFile {
        var order: [BenchmarkKey] = []
        var runs: [BenchmarkKey: [BenchmarkRun]] = [:]
        var memory: [BenchmarkKey: MemoryFigures] = [:]
        for report in reports {
            for series in report.series {
                let key = BenchmarkKey(name: series.workload, variant: series.variant)
                if runs[key] == nil { order.append(key) }
                runs[key, default: []].append(
                    BenchmarkRun(samples: series.samples, warmup: series.warmup, startedAt: series.startedAt))
                let peak = max(memory[key]?.peakAllocatedBytes ?? 0, series.peakAllocatedBytes)
                memory[key] = MemoryFigures(workingSetBytes: series.workingSetBytes, peakAllocatedBytes: peak)
            }
        }
        let shapes = Dictionary(uniqueKeysWithValues: (WorkloadCatalogue.suites[suite] ?? []).map { ($0.name, $0) })
        let benchmarks = order.map { key in
            var parameters: [String: ParameterValue] = [:]
            if let shape = shapes[key.name] {
                parameters = ["seqLen": .number(Double(shape.seqLen)), "dim": .number(Double(shape.dim))]
            }
            return Benchmark(
                name: key.name, variant: key.variant, parameters: parameters,
                runs: runs[key] ?? [], memory: memory[key])
        }
        // The worker refuses to time variants whose outputs disagree, so these were verified.
        return ResultsFile(
            suite: suite, unit: .nanoseconds, createdAt: createdAt, environment: environment,
            outputsVerified: true, benchmarks: benchmarks)
    }

    /// One benchmark per command variant, named `name`.
    public static func commands(
        timings: [CommandBenchmark.Timings], name: String, suite: String, environment: EnvironmentInfo, createdAt: String
    ) -> ResultsFile {
        let benchmarks = timings.map { timing in
            Benchmark(
                name: name, variant: timing.variant,
                runs: timing.runs.map { BenchmarkRun(samples: $0.samples, warmup: $0.warmup, startedAt: $0.startedAt) })
        }
        return ResultsFile(suite: suite, unit: .nanoseconds, createdAt: createdAt, environment: environment, benchmarks: benchmarks)
    }
}
