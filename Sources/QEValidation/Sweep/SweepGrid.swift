import QEResults

/// The points of a sweep found in a results file: its benchmarks grouped by their `parameters`,
/// one benchmark per variant at each point, and the values each parameter takes.
///
/// A file is a sweep when every benchmark has the same parameter names, no two benchmarks of a
/// variant share their parameter values, the points are every combination of the values (a
/// complete grid, as `qe-validate sweep` measures it), and some numeric parameter takes two or
/// more values. The built-in suite's file is not one: its five shapes are not a grid.
public struct SweepGrid: Sendable {
    /// One parameter and the values it takes, numbers in ascending order, other values in the
    /// order they first appear.
    public struct Axis: Sendable, Equatable, Codable {
        public var name: String
        public var values: [ParameterValue]

        /// Whether every value is a number.
        public var isNumeric: Bool { values.allSatisfy { $0.numberValue != nil } }
    }

    /// One point: its parameter values and its benchmark of each variant.
    public struct Point: Sendable {
        public var parameters: [String: ParameterValue]
        public var benchmarks: [String: Benchmark]
    }

    public var axes: [Axis]
    /// The points in the order of the axes (the first axis varying slowest).
    public var points: [Point]
    /// The variants, in the order they first appear.
    public var variants: [String]

    /// Groups the benchmarks of `file` by their parameters.
    /// - Throws: `SweepError` when a benchmark has no parameters, the benchmarks' parameter
    ///   names differ, or two benchmarks of one variant have the same parameter values.
    public init(file: ResultsFile) throws(SweepError) {
        guard let first = file.benchmarks.first else { throw .notASweep("the file has no benchmarks") }
        let names = first.parameters.keys.sorted()
        guard !names.isEmpty else { throw .notASweep("benchmark '\(first.name)' has no parameters") }
        var variants: [String] = []
        var byParameters: [[String: ParameterValue]: [String: Benchmark]] = [:]
        for benchmark in file.benchmarks {
            guard benchmark.parameters.keys.sorted() == names else {
                throw .notASweep(
                    "benchmark '\(benchmark.name)' (\(benchmark.variant)) has parameters \(benchmark.parameters.keys.sorted().joined(separator: ", ")) but '\(first.name)' has \(names.joined(separator: ", "))")
            }
            if !variants.contains(benchmark.variant) { variants.append(benchmark.variant) }
            if let other = byParameters[benchmark.parameters]?[benchmark.variant] {
                throw .notASweep(
                    "benchmarks '\(other.name)' and '\(benchmark.name)' (\(benchmark.variant)) have the same parameters \(SweepGrid.describe(benchmark.parameters)); a sweep has one benchmark per variant at each point")
            }
            byParameters[benchmark.parameters, default: [:]][benchmark.variant] = benchmark
        }
        var axes: [Axis] = []
        for name in names {
            var values: [ParameterValue] = []
            for value in file.benchmarks.compactMap({ $0.parameters[name] }) where !values.contains(value) {
                values.append(value)
            }
            if values.allSatisfy({ $0.numberValue != nil }) {
                values.sort { ($0.numberValue ?? 0) < ($1.numberValue ?? 0) }
            }
            axes.append(Axis(name: name, values: values))
        }
        self.axes = axes
        self.variants = variants
        var points: [Point] = []
        var combinations: [[String: ParameterValue]] = [[:]]
        for axis in axes {
            combinations = combinations.flatMap { partial in
                axis.values.map { value in partial.merging([axis.name: value]) { $1 } }
            }
        }
        for parameters in combinations {
            if let benchmarks = byParameters[parameters] { points.append(Point(parameters: parameters, benchmarks: benchmarks)) }
        }
        self.points = points
    }

    /// Whether the points are every combination of the axes' values and some numeric parameter
    /// takes two or more values.
    public var isCompleteSweep: Bool {
        let combinations = axes.reduce(1) { $0 * $1.values.count }
        return points.count == combinations && points.count >= 2
            && axes.contains { $0.isNumeric && $0.values.count >= 2 }
    }

    /// Whether `file` is a sweep (see the type's documentation).
    public static func isSweep(_ file: ResultsFile) -> Bool {
        (try? SweepGrid(file: file))?.isCompleteSweep ?? false
    }

    /// `dim=64, seqLen=1024`: parameter values in name order.
    public static func describe(_ parameters: [String: ParameterValue]) -> String {
        parameters.keys.sorted().map { "\($0)=\(parameters[$0]?.description ?? "")" }.joined(separator: ", ")
    }
}
