import Foundation

/// Looking at the data again and again without inflating the error rate (`--until-decided`).
///
/// Look j uses intervals at family error rate αⱼ = α·6/(π²·j²). Since Σ 6/(π²j²) = 1, the
/// chance that any interval at any look misses is at most α, whenever and for whatever reason
/// the measuring stops (a union bound over looks: an alpha-spending design with the spending
/// fixed in advance, valid under optional stopping). It costs width — the first look already
/// uses 61% of α — and buys the freedom to stop as soon as every workload is decided.
public enum SequentialDesign {
    public static func alpha(look: Int, family alpha: Double) -> Double {
        alpha * 6 / (Double.pi * Double.pi * Double(look * look))
    }

    /// Runs to add before the next look: what the undecided workloads' estimates ask for,
    /// at least 2 and at most `defaultRuns`.
    public static func nextBatch(document: ClaimDocument, defaultRuns: Int) -> Int {
        let wanted = document.benchmarks.compactMap { $0.moreData?.additionalRuns }.max() ?? defaultRuns
        return min(max(wanted, 2), max(defaultRuns, 2))
    }
}
