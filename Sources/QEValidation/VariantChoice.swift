import QEResults

/// Which variant of a file is the baseline and which the candidate, for compare, claims and
/// reports alike.
///
/// - As asked (`--baseline-variant`, default `baseline`; `--candidate-variant`), the candidate
///   by default `flash` if the file has it, otherwise the one variant besides the baseline.
/// - A file of exactly two variants, neither of them `baseline` (and none named) — what `hyperfine
///   'old command' 'new command'` writes — takes them in the tool's order: the first is the
///   baseline (hyperfine's reference is its first command), the second the candidate (or, when
///   the candidate is named, the other one is the baseline), and ``note`` says so.
///
/// The choice does not check that the variants exist: the plan or the judge that uses it says,
/// listing the variants the file has and the options that choose them.
public struct VariantChoice: Sendable, Equatable {
    public var baseline: String
    public var candidate: String
    /// Said to the user when the tool's order made the choice; nil otherwise.
    public var note: String?

    /// The baseline variant unless one is named: `baseline`.
    public static let defaultBaseline = "baseline"

    /// The variant pair for a file whose variants, in the order the file first names them, are
    /// `variants`. The tool's order is used only when `baseline` is the default (a named one is
    /// never replaced).
    public init(variants: [String], baseline: String = VariantChoice.defaultBaseline, candidate: String?) {
        let others = variants.filter { $0 != baseline }
        if baseline == Self.defaultBaseline, variants.count == 2, !variants.contains(baseline),
            candidate == nil || variants.contains(candidate ?? "") {
            let chosenCandidate = candidate ?? variants[1]
            self.baseline = variants.first { $0 != chosenCandidate } ?? variants[0]
            self.candidate = chosenCandidate
            note = "no '\(baseline)' variant: '\(self.baseline)' is the baseline and '\(self.candidate)' the candidate, in the order the file gives them (a tool's first command is its reference, as in hyperfine); --baseline-variant and --candidate-variant choose otherwise"
            return
        }
        self.baseline = baseline
        if let candidate {
            self.candidate = candidate
        } else if others.contains("flash") {
            self.candidate = "flash"
        } else if others.count == 1, let only = others.first {
            self.candidate = only
        } else {
            self.candidate = "flash"
        }
        note = nil
    }

    /// The variants of `file` in the order it first names them.
    public static func variants(in file: ResultsFile) -> [String] {
        var seen: [String] = []
        for benchmark in file.benchmarks where !seen.contains(benchmark.variant) { seen.append(benchmark.variant) }
        return seen
    }

    /// What to tell a user whose variants were not found: the variants there are, and the
    /// options that choose them.
    public static func advice(variants: [String]) -> String {
        "variants present: \(variants.joined(separator: ", ")); choose them with --baseline-variant and --candidate-variant"
    }
}
