import QEResults
import QEStatistics

/// The `qe-validate/verdict@1` document of `qe-validate compare`.
public struct ComparisonDocument: Sendable, Codable, Equatable {
    public static let schemaName = "qe-validate/verdict@1"

    /// One input file.
    public struct Input: Sendable, Codable, Equatable {
        public var path: String
        /// What the file is to the comparison.
        public var role: Role
        public var suite: String

        /// What an input file is to a comparison.
        public enum Role: String, Sendable, Codable {
            /// The first of two files: the baseline set.
            case baseline
            /// The second of two files: the candidate set.
            case candidate
            /// The one file, holding both variants.
            case both
        }

        public init(path: String, role: Role, suite: String) {
            self.path = path
            self.role = role
            self.suite = suite
        }
    }

    public var schema: String = ComparisonDocument.schemaName
    public var command: String = "compare"
    /// Faster when every benchmark is faster, slower when any is slower, otherwise
    /// indistinguishable.
    public var verdict: ComparisonVerdict
    public var confidence: Double
    /// The method asked for (`auto`, ...); each benchmark says which one it used.
    public var method: ComparisonMethod
    public var seed: UInt64
    public var bootstrapReplicates: Int
    public var unit: TimeUnit
    public var inputs: [Input]
    public var benchmarks: [BenchmarkComparison]
    public var warnings: [String]

    /// Compares every pair of the plan and adjusts the p-values for the number of comparisons.
    public init(plan: ComparisonPlan, options: ComparisonOptions) throws(ComparisonFailure) {
        let comparator = Comparator(options: options)
        var benchmarks: [BenchmarkComparison] = []
        for pair in plan.pairs {
            do {
                benchmarks.append(try comparator.compare(
                    name: pair.name, unit: plan.unit, baseline: pair.baseline, candidate: pair.candidate,
                    paired: pair.paired))
            } catch {
                throw ComparisonFailure(benchmark: pair.name, files: Array(Set([pair.baseline.file, pair.candidate.file])).sorted(), reason: error)
            }
        }
        if benchmarks.count > 1 {
            let adjusted = (try? MultipleComparisons.adjustedPValues(benchmarks.map(\.mannWhitney.p), method: .holm)) ?? []
            for (index, p) in adjusted.enumerated() { benchmarks[index].mannWhitney.pHolm = p }
        }
        self.benchmarks = benchmarks
        self.confidence = options.confidence
        self.method = options.method
        self.seed = options.seed
        self.bootstrapReplicates = options.bootstrapReplicates
        self.unit = plan.unit
        self.inputs = plan.inputs
        self.warnings = plan.warnings
        verdict = ComparisonVerdict(overall: benchmarks.map(\.verdict))
    }
}

/// A benchmark whose data the statistics refused.
public struct ComparisonFailure: Error, Sendable, CustomStringConvertible {
    public var benchmark: String
    public var files: [String]
    public var reason: StatisticsError

    public var description: String {
        "\(files.joined(separator: ", ")): \(benchmark): \(reason)"
    }
}
