extension ResultsFile {
    /// Checks the content rules of DESIGN §2, throwing the first violation in file order.
    ///
    /// A valid file has at least one benchmark; every benchmark has a non-empty name and variant,
    /// at least one run, and no other benchmark with the same (`name`, `variant`); every run has
    /// at least one sample; every sample and warm-up time is finite and greater than zero;
    /// parameters are finite; memory figures are not negative; `cores`, if known, is at least 1.
    /// Nothing is dropped or repaired: the first problem found is thrown.
    ///
    /// ``read(from:)`` calls this; so does ``write(to:)``, so no file is written that could not
    /// be read back.
    ///
    /// - Parameter source: the file's path (or another name for the data), which starts every
    ///   message.
    /// - Throws: ``ResultsError`` of the invalid-data category.
    /// - Complexity: O(n) in the number of samples, plus O(k) expected for k benchmarks.
    public func validate(source: String) throws(ResultsError) {
        try validate(source: source, literal: { _ in nil })
    }

    /// ``validate(source:)``, showing non-finite numbers as they were written in the JSON text
    /// (`literal` maps a key path to its literal, e.g. `1e400`).
    func validate(source: String, literal: (JSONPath) -> String?) throws(ResultsError) {
        func fail(_ problem: ResultsError.Problem, _ detail: String) -> ResultsError {
            ResultsError(file: source, problem: problem, detail: detail)
        }
        if let cores = environment.cores, cores < 1 {
            throw fail(.invalidValue, "environment.cores: expected a whole number ≥ 1, found \(cores)")
        }
        guard !benchmarks.isEmpty else {
            throw fail(.noBenchmarks, "no benchmarks: \"benchmarks\" is empty")
        }
        var firstIndexOfKey: [BenchmarkKey: Int] = [:]
        firstIndexOfKey.reserveCapacity(benchmarks.count)
        let benchmarksPath = JSONPath.root.appending("benchmarks")
        for (benchmarkIndex, benchmark) in benchmarks.enumerated() {
            let path = benchmarksPath.appending(index: benchmarkIndex)
            guard !benchmark.name.isEmpty else { throw fail(.invalidValue, "\(path).name: must not be empty") }
            guard !benchmark.variant.isEmpty else { throw fail(.invalidValue, "\(path).variant: must not be empty") }
            let context = "benchmark \(benchmark.key)"
            if let first = firstIndexOfKey[benchmark.key] {
                throw fail(.duplicateBenchmark,
                           "\(context) appears twice (benchmarks[\(first)] and benchmarks[\(benchmarkIndex)]); "
                           + "a benchmark is identified by (name, variant), which must be unique")
            }
            firstIndexOfKey[benchmark.key] = benchmarkIndex

            for key in benchmark.parameters.keys.sorted() {
                if case let .number(value) = benchmark.parameters[key], !value.isFinite {
                    let parameterPath = path.appending("parameters").appending(key)
                    let shown = literal(parameterPath) ?? NonFiniteDescription.token(for: value)
                    throw fail(.nonFinite, "\(context): \(parameterPath): non-finite number \(NonFiniteDescription.describe(literal: shown))")
                }
            }
            if let memory = benchmark.memory {
                for (name, figure) in [("workingSetBytes", memory.workingSetBytes), ("peakAllocatedBytes", memory.peakAllocatedBytes)] {
                    if let figure, figure < 0 {
                        throw fail(.invalidValue, "\(context): \(path).memory.\(name): expected a whole number ≥ 0, found \(figure)")
                    }
                }
            }

            guard !benchmark.runs.isEmpty else {
                throw fail(.noRuns, "\(context): no runs (\"runs\" is empty)")
            }
            for (runIndex, run) in benchmark.runs.enumerated() {
                let runContext = "\(context), run \(runIndex + 1)"
                guard !run.samples.isEmpty else {
                    throw fail(.noSamples, "\(runContext): no samples (\"samples\" is empty)")
                }
                let runPath = path.appending("runs").appending(index: runIndex)
                try Self.checkTimes(run.samples, kind: "sample", context: runContext,
                                    path: runPath.appending("samples"), literal: literal, fail: fail)
                try Self.checkTimes(run.warmup, kind: "warm-up", context: runContext,
                                    path: runPath.appending("warmup"), literal: literal, fail: fail)
            }
        }
    }

    /// Throws for the first time in `values` that is not finite or not greater than zero.
    private static func checkTimes(
        _ values: [Double], kind: String, context: String, path: JSONPath,
        literal: (JSONPath) -> String?, fail: (ResultsError.Problem, String) -> ResultsError
    ) throws(ResultsError) {
        // One branch-light pass over millions of samples; the slow path runs at most once.
        // `!(value > 0)` is true for zero, negatives and NaN; infinity is caught by isFinite.
        guard let index = values.firstIndex(where: { !($0 > 0) || !$0.isFinite }) else { return }
        let value = values[index]
        let place = "\(context), \(kind) \(index + 1)"
        if !value.isFinite {
            let shown = literal(path.appending(index: index)) ?? NonFiniteDescription.token(for: value)
            throw fail(.nonFinite, "\(place): non-finite \(kind) \(NonFiniteDescription.describe(literal: shown))")
        }
        throw fail(.nonPositive,
                   "\(place): non-positive \(kind) \(JSONNumberFormatter.string(for: value)) (times must be greater than zero)")
    }
}
