import Foundation

/// The rule that calls an iteration outlying: far in the slow tail of its own run.
///
/// Method, for one run of n ≥ ``minimumIterations`` iterations with log times xᵢ = log tᵢ:
/// - centre m = median(x), spread s = 1.4826 · median|xᵢ − m| (R: `median(log(t))`,
///   `mad(log(t))`);
/// - iteration i is outlying when xᵢ − m > max(k · s, log ρ), with k = ``fenceMultiplier`` and
///   ρ = ``minimumRatio``: its time is more than k robust standard deviations of the run's log
///   times above the run's median, and at least ρ times it.
///
/// Why this shape: other processes, interrupts and frequency dips only ever add time, so the
/// fence is one-sided (a fast iteration is never outlying, as the gate's use of the fastest
/// iteration assumes). Timing noise is multiplicative, so the fence is on log times and scales
/// with the run. The median and the MAD resist up to half the run being slow, so a burst of
/// preempted iterations cannot hide itself by widening the spread, as it would a standard
/// deviation (Iglewicz & Hoaglin 1993; Criterion.rs's Tukey fences resist a quarter). The floor
/// ρ keeps a MAD of 0 (ties on a coarse clock) or a very quiet run from calling iterations a few
/// percent slow outlying. Runs shorter than ``minimumIterations`` are not judged: the MAD of a
/// handful of values is too unstable for a fixed k.
///
/// Calibration (`scripts/simulation/outlying_iterations.py`, seeded; figures in
/// `scripts/simulation/README.md`): with k = 5, on clean lognormal runs with a CV of 10% the
/// share of iterations flagged is 1.2·10⁻⁴ with 30 iterations per run and 2·10⁻⁶ with 200, and
/// 0.34% of 30-iteration runs (0.04% of 200-iteration runs) have any iteration flagged. The rule
/// is scale-free; the floor ρ only lowers these rates at smaller CVs (none at 1%). Planted slow
/// iterations of ×3 and more are flagged 98–100% of the time at CVs of 1–10%; ×2 every time up to
/// a CV of 3% and 85–93% of the time at a CV of 10% (the fence then lies at about ×1.65).
public struct OutlyingIterationRule: Sendable, Hashable, Codable {
    /// k = 5, ρ = 1.1, runs of at least 10 iterations: the calibrated default.
    public static let standard = OutlyingIterationRule(uncheckedFenceMultiplier: 5, minimumRatio: 1.1, minimumIterations: 10)

    /// k: how many robust standard deviations (1.4826 · MAD) of the run's log times above its
    /// median the fence lies.
    public let fenceMultiplier: Double
    /// ρ: an outlying iteration takes at least this many times the run's median.
    public let minimumRatio: Double
    /// Runs with fewer iterations are not judged (nothing in them is outlying).
    public let minimumIterations: Int

    /// A rule with other settings than ``standard`` (for sensitivity analyses).
    /// - Throws: `StatisticsError.invalidParameter` unless `fenceMultiplier` is positive and
    ///   finite, `minimumRatio` is finite and greater than 1, and `minimumIterations` is at least 3.
    public init(fenceMultiplier: Double, minimumRatio: Double, minimumIterations: Int) throws(StatisticsError) {
        guard fenceMultiplier > 0, fenceMultiplier.isFinite else {
            throw .invalidParameter("the fence multiplier of the outlying-iteration rule must be positive and finite, got \(fenceMultiplier)")
        }
        guard minimumRatio > 1, minimumRatio.isFinite else {
            throw .invalidParameter("the minimum ratio of an outlying iteration to its run's median must be finite and above 1, got \(minimumRatio)")
        }
        guard minimumIterations >= 3 else {
            throw .invalidParameter("the outlying-iteration rule needs runs of at least 3 iterations, got \(minimumIterations)")
        }
        self.init(uncheckedFenceMultiplier: fenceMultiplier, minimumRatio: minimumRatio, minimumIterations: minimumIterations)
    }

    private init(uncheckedFenceMultiplier: Double, minimumRatio: Double, minimumIterations: Int) {
        fenceMultiplier = uncheckedFenceMultiplier
        self.minimumRatio = minimumRatio
        self.minimumIterations = minimumIterations
    }

    private enum CodingKeys: String, CodingKey {
        case fenceMultiplier, minimumRatio, minimumIterations
    }

    /// Decodes a rule, checking it as ``init(fenceMultiplier:minimumRatio:minimumIterations:)`` does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            fenceMultiplier: container.decode(Double.self, forKey: .fenceMultiplier),
            minimumRatio: container.decode(Double.self, forKey: .minimumRatio),
            minimumIterations: container.decode(Int.self, forKey: .minimumIterations))
    }

    /// Applies the rule to one run of times (in any unit).
    /// - Parameter what: how an error names the run.
    /// - Throws: `StatisticsError` for an empty run or a time that is not finite and positive.
    /// - Complexity: O(n log n).
    public func judge(_ times: [Double], what: String = "a run") throws(StatisticsError) -> OutlyingIterations.Run {
        try judge(logTimes: LogTimes.of(times, what: what))
    }

    /// The rule applied to log times already checked (``LogTimes``), non-empty and finite.
    func judge(logTimes logs: [Double]) throws(StatisticsError) -> OutlyingIterations.Run {
        let summary = try Summary(logs)
        let centre = summary.median
        let spread = summary.medianAbsoluteDeviation
        guard logs.count >= minimumIterations else {
            return OutlyingIterations.Run(iterations: logs.count, median: exp(centre), logSpread: spread, fence: nil, outlying: [])
        }
        let threshold = max(fenceMultiplier * spread, log(minimumRatio))
        let outlying = logs.indices.filter { logs[$0] - centre > threshold }
        return OutlyingIterations.Run(
            iterations: logs.count, median: exp(centre), logSpread: spread, fence: exp(centre + threshold), outlying: outlying)
    }
}
