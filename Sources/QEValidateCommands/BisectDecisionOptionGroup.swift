import ArgumentParser
import QEValidation

/// How `bisect` decides and how long it may take: `--threshold`, `--confidence`,
/// `--max-runs` and `--budget`.
struct BisectDecisionOptionGroup: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Bisect only when bad is slower than good by more than this, e.g. 5% or 0.05 (above 0% and at most 1000%).",
        valueName: "percent"))
    var threshold = PercentageArgument(fraction: BisectOptions.defaultThreshold)

    @Option(help: "Confidence of the whole bisection: the chance that the premise or any commit is judged on the wrong side is at most 1 − confidence. Strictly between 0.5 and 1.")
    var confidence: Double = BisectOptions.defaultConfidence

    @Option(help: ArgumentHelp(
        "The most rounds one commit is measured for before it is left undecided (the premise, or an undecided commit measured again, goes on to twice this), 1 to \(BisectOptions.largestMaxRuns).",
        valueName: "rounds"))
    var maxRuns: Int = BisectOptions.defaultMaxRuns

    @Option(help: ArgumentHelp(
        "Time the whole bisection may take (builds included), e.g. 30m or 2h; when it is spent, the range narrowed so far is reported (default: no limit).",
        valueName: "duration"))
    var budget: DurationArgument?

    func validate() throws {
        try OptionRange.bisectThreshold.check(threshold.fraction * 100, unit: "%")
        try OptionRange.confidence.check(confidence)
        try OptionRange.maxRuns.check(maxRuns)
        if let budget { try OptionRange.budget.check(budget.seconds, unit: " s") }
    }

    /// The decision options (after `validate()`).
    var options: BisectOptions {
        BisectOptions(threshold: threshold.fraction, confidence: confidence, maxRuns: maxRuns)
    }
}
