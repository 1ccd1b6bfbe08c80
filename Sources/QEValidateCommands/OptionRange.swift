import ArgumentParser
import QEFormats
import QEValidation

/// The documented range of a numeric option. A value outside it — or NaN, or infinity — is a
/// usage error (exit 64) that states the range, checked in `validate()` before anything is read
/// or measured; so no later arithmetic (a bootstrap's allocation, a timeout in nanoseconds) can
/// overflow. The README's "Numeric options" table lists every range.
struct OptionRange: Sendable {
    /// The option's name, `--runs`.
    var option: String
    var lower: Double
    var lowerIncluded: Bool
    var upper: Double
    var upperIncluded: Bool

    /// `[lower, upper]`.
    init(_ option: String, from lower: Double, to upper: Double) {
        self.init(option, lower: lower, lowerIncluded: true, upper: upper, upperIncluded: true)
    }

    init(_ option: String, lower: Double, lowerIncluded: Bool, upper: Double, upperIncluded: Bool) {
        self.option = option
        self.lower = lower
        self.lowerIncluded = lowerIncluded
        self.upper = upper
        self.upperIncluded = upperIncluded
    }

    /// Whether `value` is in the range (never for NaN).
    func contains(_ value: Double) -> Bool {
        (lowerIncluded ? value >= lower : value > lower) && (upperIncluded ? value <= upper : value < upper)
    }

    /// "between 1 and 1000", "strictly between 0.5 and 1", "above 0 and at most 86400".
    var text: String {
        let low = NumberText.grouped(lower)
        let high = NumberText.grouped(upper)
        switch (lowerIncluded, upperIncluded) {
        case (true, true): return "between \(low) and \(high)"
        case (false, false): return "strictly between \(low) and \(high)"
        case (false, true): return "above \(low) and at most \(high)"
        case (true, false): return "at least \(low) and below \(high)"
        }
    }

    /// - Throws: `ValidationError` naming the option, its range and the value given.
    func check(_ value: Double, unit: String = "") throws {
        guard contains(value) else {
            throw ValidationError("\(option) must be \(text)\(unit) (got \(NumberText.plain(value))\(unit))")
        }
    }

    /// - Throws: `ValidationError` naming the option, its range and the value given.
    func check(_ value: Int) throws {
        guard contains(Double(value)) else {
            throw ValidationError("\(option) must be \(text) (got \(value))")
        }
    }
}

/// Every numeric option's range, in one place.
extension OptionRange {
    /// Confidence of intervals and tests: below 0.5 an interval says nothing, and at 1 none is
    /// finite.
    static let confidence = OptionRange("--confidence", lower: 0.5, lowerIncluded: false, upper: 1, upperIncluded: false)
    /// Bootstrap replicates: fewer cannot place a 95% percentile; more only take time and
    /// memory (8 bytes each per benchmark).
    static let replicates = OptionRange("--replicates", from: 100, to: 1_000_000)
    static let runs = OptionRange("--runs", from: 1, to: 1000)
    static let iterations = OptionRange("--iterations", from: 1, to: 1_000_000)
    static let warmup = OptionRange("--warmup", from: 0, to: 1_000_000)
    /// Seconds; a worker run or one command may take at most a day.
    static let timeout = OptionRange("--timeout", lower: 0, lowerIncluded: false, upper: 86_400, upperIncluded: true)
    /// Seconds; at most a week of measuring.
    static let budget = OptionRange("--budget", lower: 0, lowerIncluded: false, upper: 604_800, upperIncluded: true)
    /// Percent of the mean.
    static let targetWidth = OptionRange("--target-width", lower: 0, lowerIncluded: false, upper: 100, upperIncluded: true)
    /// Seconds.
    static let runOverhead = OptionRange("--run-overhead", from: 0, to: 86_400)
    static let tolerance = OptionRange("--tolerance", lower: 0, lowerIncluded: true, upper: 0.01, upperIncluded: false)
    /// Percent: bisect's premise threshold.
    static let bisectThreshold = OptionRange("--threshold", lower: 0, lowerIncluded: false, upper: 1000, upperIncluded: true)
    /// Rounds per commit in a bisection (``BisectOptions/largestMaxRuns``).
    static let maxRuns = OptionRange("--max-runs", from: 1, to: Double(BisectOptions.largestMaxRuns))
}

/// The ranges of `history detect` and of the gate's history baseline.
extension OptionRange {
    /// `--max-p`: the per-series false-alarm budget of a change-free history.
    static let maxP = OptionRange("--max-p", lower: 0, lowerIncluded: false, upper: 1, upperIncluded: true)
    /// `--min-change`, percent.
    static let minChange = OptionRange("--min-change", from: 0, to: 1000)
    /// `--history-commits`: commits of history in the gate's baseline.
    static let historyCommits = OptionRange("--history-commits", from: 1, to: 10_000)
}
