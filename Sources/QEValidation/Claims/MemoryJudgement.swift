import QEResults

/// A claimed memory reduction judged on a workload's memory figures.
///
/// The figures in results files are exact (a kernel's working set is the size of its buffers;
/// the peak allocation is read from the allocator, the largest over runs), so each is compared
/// plainly: reduction = 1 − candidate ÷ baseline, against the claimed range.
public struct MemoryJudgement: Sendable, Codable, Equatable {
    /// One figure's comparison.
    public struct Figure: Sendable, Codable, Equatable {
        public var figure: MemoryFigure
        public var baselineBytes: Int
        public var candidateBytes: Int
        /// 1 − candidate ÷ baseline (0.6 means 60% less).
        public var reduction: Double
        public var verdict: ClaimVerdict
    }

    /// The claimed reduction, as fractions.
    public var claim: ClaimedRange
    public var figures: [Figure]
    /// `validated` when every figure's reduction holds or exceeds the claim.
    public var verdict: OverallVerdict

    /// Compares the figures both variants have; nil when they share none.
    init?(claim: ClaimedRange, baseline: MemoryFigures?, candidate: MemoryFigures?) {
        guard let baseline, let candidate else { return nil }
        var figures: [Figure] = []
        let pairs: [(MemoryFigure, Int?, Int?)] = [
            (.workingSetBytes, baseline.workingSetBytes, candidate.workingSetBytes),
            (.peakAllocatedBytes, baseline.peakAllocatedBytes, candidate.peakAllocatedBytes),
        ]
        for case let (name, base?, cand?) in pairs where base > 0 {
            let reduction = 1 - Double(cand) / Double(base)
            figures.append(Figure(
                figure: name, baselineBytes: base, candidateBytes: cand, reduction: reduction,
                verdict: claim.verdict(low: reduction, high: reduction)))
        }
        guard !figures.isEmpty else { return nil }
        self.claim = claim
        self.figures = figures
        self.verdict = OverallVerdict(figures.map(\.verdict))
    }
}
