import Foundation
import QEFormats

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

    /// What to do after a look: stop, saying why, or measure more runs.
    public enum Decision: Sendable, Equatable {
        /// Stop with this record of the sequence (`ClaimDocument.sequential`).
        case stop(ClaimDocument.Sequential)
        /// Measure this many more runs, then look again.
        case measure(runs: Int)
    }

    /// The stopping rule of `--until-decided`, after look `look` (1 for the first) judged by
    /// `document`: stop when every workload is decided, when the undecided ones sit on their
    /// claimed minimum (no amount of data is likely to decide them), or when the next batch
    /// would overrun the budget at the time per run so far; otherwise measure the next batch
    /// (``nextBatch(document:defaultRuns:)``).
    /// - Parameters:
    ///   - alpha: the family error rate spent at this look (``alpha(look:family:)``).
    ///   - elapsedSeconds: time since measuring began; `runsMeasured` runs so far.
    public static func decision(
        after document: ClaimDocument, look: Int, alpha: Double, elapsedSeconds: Double, runsMeasured: Int,
        defaultRuns: Int, budgetSeconds: Double
    ) -> Decision {
        let batch = nextBatch(document: document, defaultRuns: defaultRuns)
        let perRun = elapsedSeconds / Double(max(runsMeasured, 1))
        let reason: String
        if document.benchmarks.allSatisfy(\.verdict.isDecided) {
            reason = "every workload is decided"
        } else if document.benchmarks.allSatisfy({ $0.verdict.isDecided || $0.moreData?.undecidable == true }) {
            reason = "the undecided workloads sit on their claimed minimum"
        } else if elapsedSeconds + perRun * Double(batch) > budgetSeconds {
            reason = "\(ProseText.count(batch, "more run")) would exceed the budget of \(NumberText.plain(budgetSeconds)) s"
        } else {
            return .measure(runs: batch)
        }
        return .stop(.init(look: look, alphaAtLook: alpha, stoppedBecause: "stopped: \(reason) after \(runsMeasured) runs"))
    }
}
