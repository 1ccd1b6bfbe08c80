import QEResults

/// Which benchmarks are compared with which, decided from one or two results files.
///
/// - One file: for every benchmark name, its baseline variant against its candidate variant.
/// - Two files: the first is the baseline set, the second the candidate set, matched by
///   (name, variant); with variants given, the first file's baseline variant is matched by
///   name with the second file's candidate variant.
public struct ComparisonPlan: Sendable {
    /// One benchmark to compare.
    public struct Pair: Sendable {
        public var name: String
        public var baseline: ComparisonSide
        public var candidate: ComparisonSide
        /// Run k of both sides came from the same process (one file, as many runs each).
        public var paired: Bool = false
    }

    public var pairs: [Pair]
    /// The unit every time in the plan is expressed in (the baseline file's).
    public var unit: TimeUnit
    /// Things the user should know: benchmarks without a partner, mixed machines.
    public var warnings: [String]
    /// The input files and what each is to the comparison.
    public var inputs: [ComparisonDocument.Input] = []

    /// The plan `compare` makes of its one or two files (path and contents, in the order given):
    /// one file compares its variants (chosen by ``VariantChoice``: `baselineVariant`, default
    /// `baseline`; `candidateVariant`, default `flash` or the other variant); two files compare
    /// the first's benchmarks with the second's.
    /// - Throws: ``ComparisonPlanError``.
    public init(
        files: [(path: String, file: ResultsFile)], baselineVariant: String?, candidateVariant: String?
    ) throws(ComparisonPlanError) {
        guard let first = files.first else { throw .nothingToCompare("no results file to compare") }
        if files.count >= 2 {
            let second = files[1]
            try self.init(
                baseline: first.file, baselinePath: first.path, candidate: second.file, candidatePath: second.path,
                baselineVariant: baselineVariant, candidateVariant: candidateVariant)
            inputs = [
                .init(path: first.path, role: .baseline, suite: first.file.suite),
                .init(path: second.path, role: .candidate, suite: second.file.suite),
            ]
        } else {
            let choice = VariantChoice(
                variants: VariantChoice.variants(in: first.file), baseline: baselineVariant ?? "baseline", candidate: candidateVariant)
            try self.init(file: first.file, path: first.path, baselineVariant: choice.baseline, candidateVariant: choice.candidate)
            inputs = [.init(path: first.path, role: .both, suite: first.file.suite)]
            if let note = choice.note { warnings.insert(note, at: 0) }
        }
    }

    /// Pairs the variants of each benchmark inside one file.
    public init(file: ResultsFile, path: String, baselineVariant: String, candidateVariant: String) throws(ComparisonPlanError) {
        guard baselineVariant != candidateVariant else {
            throw .sameVariant(baselineVariant)
        }
        unit = file.unit
        warnings = []
        pairs = []
        var names: [String] = []
        for benchmark in file.benchmarks where !names.contains(benchmark.name) { names.append(benchmark.name) }
        for name in names {
            let base = file.benchmark(name: name, variant: baselineVariant)
            let cand = file.benchmark(name: name, variant: candidateVariant)
            switch (base, cand) {
            case let (base?, cand?):
                pairs.append(Pair(
                    name: name,
                    baseline: ComparisonSide(variant: baselineVariant, file: path, runs: base.runSamples(in: unit, from: file.unit)),
                    candidate: ComparisonSide(variant: candidateVariant, file: path, runs: cand.runSamples(in: unit, from: file.unit)),
                    paired: base.runs.count == cand.runs.count))
            case (nil, nil):
                warnings.append("\(name) has neither a '\(baselineVariant)' nor a '\(candidateVariant)' variant; skipped")
            case (nil, _):
                warnings.append("\(name) has no '\(baselineVariant)' variant; skipped")
            case (_, nil):
                warnings.append("\(name) has no '\(candidateVariant)' variant; skipped")
            }
        }
        guard !pairs.isEmpty else {
            throw .nothingToCompare(
                "\(path): no benchmark has both a '\(baselineVariant)' and a '\(candidateVariant)' variant (\(VariantChoice.advice(variants: VariantChoice.variants(in: file))))")
        }
    }

    /// Matches a baseline file against a candidate file.
    public init(
        baseline: ResultsFile, baselinePath: String, candidate: ResultsFile, candidatePath: String,
        baselineVariant: String?, candidateVariant: String?
    ) throws(ComparisonPlanError) {
        unit = baseline.unit
        warnings = []
        pairs = []
        for benchmark in baseline.benchmarks {
            if let baselineVariant, benchmark.variant != baselineVariant { continue }
            let partnerVariant = candidateVariant ?? benchmark.variant
            guard let partner = candidate.benchmark(name: benchmark.name, variant: partnerVariant) else {
                warnings.append("\(benchmark.name) (\(partnerVariant)) is not in \(candidatePath); skipped")
                continue
            }
            pairs.append(Pair(
                name: pairs.contains { $0.name == benchmark.name } ? "\(benchmark.name) (\(benchmark.variant))" : benchmark.name,
                baseline: ComparisonSide(variant: benchmark.variant, file: baselinePath, runs: benchmark.runSamples(in: unit, from: baseline.unit)),
                candidate: ComparisonSide(variant: partnerVariant, file: candidatePath, runs: partner.runSamples(in: unit, from: candidate.unit))))
        }
        guard !pairs.isEmpty else {
            throw .nothingToCompare("\(candidatePath): no benchmark matches one in \(baselinePath) by name and variant")
        }
        warnings.append(contentsOf: EnvironmentDifference.describe(baseline.environment, candidate.environment))
    }
}

/// Why no comparison could be planned.
public enum ComparisonPlanError: Error, Sendable, CustomStringConvertible {
    case nothingToCompare(String)
    case sameVariant(String)

    public var description: String {
        switch self {
        case let .nothingToCompare(message): return message
        case let .sameVariant(variant): return "the baseline and candidate variants are both '\(variant)'; choose two different variants"
        }
    }
}
