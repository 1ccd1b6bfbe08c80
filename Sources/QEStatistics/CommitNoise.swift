import Foundation

/// How much a commit's level varies when nothing changed: the variance σᵢ² of each commit's
/// level, from two sources the runs tell apart.
///
/// - Between runs, σ_b: run levels of one commit share the commit, so their differences hold
///   run-to-run (and iteration) noise only. σ̂_b = 1.4826 · median |xᵣ − xₛ| / √2 over every
///   pair of runs of every commit: robust to a slow run, and free of commit-to-commit shifts.
/// - Between commits, τ: the state of the machine when each commit was measured (and the code
///   layout of each build) moves all its runs together, so runs of different commits are not
///   exchangeable. τ² is what the runs cannot explain in the differences of successive commit
///   levels dᵢ = yᵢ₊₁ − yᵢ: the value for which 1.4826 · median |dᵢ| / √(2τ² + vᵢ + vᵢ₊₁) = 1,
///   vᵢ = κ_K σ̂_b² / Kᵢ the run share of commit i (``CommitLevel/varianceFactor(runs:)``).
///   Differences of neighbours are robust to level changes (each moves one difference) and to
///   outlying commits (each moves two), as in Fryzlewicz's (2014) and Kovács et al.'s (2023)
///   noise estimates for change-point scans.
///
/// So σᵢ² = τ² + vᵢ: a commit with one run counts for less than one with ten, but never for much
/// more than the commit-to-commit noise allows. If the differences are smaller than the runs
/// predict (τ² would be negative), the run shares are scaled down to match them. With one run
/// per commit everywhere, σᵢ² is the variance of the differences / 2. If more than half the
/// differences are exactly 0, their ordinary standard deviation is used instead of the median.
public struct CommitNoise: Sendable, Equatable {
    /// σᵢ² of each commit's level.
    public let variances: [Double]
    /// τ, the commit-to-commit standard deviation of levels (log scale).
    public let betweenCommits: Double
    /// σ̂_b, the run-to-run standard deviation of run levels (log scale); nil when no commit
    /// has two runs.
    public let betweenRuns: Double?
    /// Degrees of freedom credited to the noise estimate: 0.37 (n − 1), the efficiency of the
    /// MAD for normal data times the number of differences (at least 1).
    public let degreesOfFreedom: Double

    /// Whether every commit has the same level (no noise, so nothing can be said).
    public var isDegenerate: Bool { variances.allSatisfy { $0 == 0 } }

    /// The noise of `commits` (in order). Needs at least two commits.
    /// - Complexity: O(n log n + P) for n commits and P pairs of runs, plus 60 medians of the
    ///   n − 1 differences when the run counts differ.
    public init(commits: [CommitLevel]) {
        let n = commits.count
        precondition(n >= 2, "commit noise needs at least two commits")
        var pairs: [Double] = []
        for commit in commits where commit.runCount >= 2 {
            let runs = commit.runLevels
            for first in 0..<(runs.count - 1) {
                for second in (first + 1)..<runs.count { pairs.append(abs(runs[first] - runs[second])) }
            }
        }
        let betweenRuns = pairs.isEmpty ? nil : Summary.madConstant * Self.median(&pairs) / 2.0.squareRoot()
        let runVariance = (betweenRuns ?? 0) * (betweenRuns ?? 0)
        // κ_K once per run count K (a history has few distinct counts).
        var factors: [Int: Double] = [:]
        let shares = commits.map { commit in
            let factor = factors[commit.runCount] ?? CommitLevel.varianceFactor(runs: commit.runCount)
            factors[commit.runCount] = factor
            return runVariance * factor / Double(commit.runCount)
        }
        let differences = (0..<(n - 1)).map { commits[$0 + 1].level - commits[$0].level }
        let standardised = StandardisedDifferences(differences: differences, shares: shares)

        var tau2 = 0.0
        var variances = shares
        let atZero = runVariance > 0 ? standardised.scale(0) : .infinity
        if atZero.isFinite && atZero <= 1 {
            // The commits agree better than the runs predict: shrink the run shares to fit.
            variances = shares.map { $0 * atZero * atZero }
        } else {
            var absolute = differences.map(abs)
            var spread = Summary.madConstant * Self.median(&absolute) / 2.0.squareRoot()
            if spread == 0 {
                let meanSquare = differences.reduce(0) { $0 + $1 * $1 } / Double(n - 1)
                spread = (meanSquare / 2).squareRoot()
            }
            if runVariance == 0 || Set(commits.map(\.runCount)).count == 1 {
                // Equal shares: the closed form of the equation above.
                tau2 = max(0, spread * spread - (shares.first ?? 0))
            } else {
                tau2 = standardised.root(start: spread * spread)
            }
            variances = shares.map { $0 + tau2 }
        }
        self.variances = variances
        self.betweenCommits = tau2.squareRoot()
        self.betweenRuns = betweenRuns
        self.degreesOfFreedom = max(1, 0.37 * Double(n - 1))
    }

    /// The median of `values` (reordered), which must not be empty.
    private static func median(_ values: inout [Double]) -> Double {
        values.withUnsafeMutableBufferPointer { GSL.medianReordering($0) }
    }
}
