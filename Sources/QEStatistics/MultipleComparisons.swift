/// Adjustments for a family of k comparisons (k workloads judged together), so that the
/// family-wise error rate stays at α.
///
/// - Holm (1979) step-down adjusted p-values, R's `p.adjust(p, "holm")`: with p₍₁₎ ≤ … ≤ p₍ₖ₎,
///   p̃₍ᵢ₎ = min(1, maxⱼ≤ᵢ (k − j + 1) p₍ⱼ₎). Uniformly more powerful than Bonferroni.
/// - Bonferroni adjusted p-values, R's `p.adjust(p, "bonferroni")`: min(1, k·p).
/// - Bonferroni simultaneous intervals: each of the k intervals at confidence 1 − α/k.
///
/// Both are valid under any dependence between the comparisons.
public enum MultipleComparisons: Sendable {
    /// A p-value adjustment, named as in R's `p.adjust`.
    public enum Method: String, Sendable, CaseIterable, Codable {
        /// Holm's step-down method.
        case holm
        /// Bonferroni's single-step method.
        case bonferroni
    }

    /// The adjusted p-values of a family, in the order given.
    /// - Throws: `StatisticsError.nonFinite` for NaN or infinite values and
    ///   `.invalidParameter` for a value outside [0, 1]. An empty family gives `[]`, as in R.
    /// - Complexity: O(k log k) for Holm (a sort), O(k) for Bonferroni.
    public static func adjustedPValues(_ pValues: [Double], method: Method) throws(StatisticsError) -> [Double] {
        try StatisticsError.check(pValues, atLeast: 0, "p-values")
        for p in pValues where !(0...1).contains(p) {
            throw .invalidParameter("a p-value must be between 0 and 1, got \(p)")
        }
        let k = Double(pValues.count)
        switch method {
        case .bonferroni:
            return pValues.map { min(1, k * $0) }
        case .holm:
            // R: pmin(1, cummax((n - i + 1) * p[o]))[order(o)], o = order(p). Ties may be taken in
            // any order: the running maximum gives tied p-values the same adjusted value.
            let order = pValues.indices.sorted { pValues[$0] < pValues[$1] }
            var adjusted = [Double](repeating: 0, count: pValues.count)
            var runningMaximum = 0.0
            for (position, index) in order.enumerated() {
                runningMaximum = max(runningMaximum, (k - Double(position)) * pValues[index])
                adjusted[index] = min(1, runningMaximum)
            }
            return adjusted
        }
    }

    /// The confidence each of `comparisons` Bonferroni simultaneous intervals needs so that all
    /// of them hold together with probability at least `familyConfidence`: 1 − (1 − familyConfidence)/k.
    /// - Throws: `StatisticsError.invalidParameter` unless 0 < `familyConfidence` < 1 and
    ///   `comparisons` ≥ 1.
    /// - Complexity: O(1).
    public static func bonferroniConfidence(familyConfidence: Double, comparisons: Int) throws(StatisticsError) -> Double {
        try StatisticsError.checkConfidence(familyConfidence)
        guard comparisons >= 1 else {
            throw .invalidParameter("a family needs at least one comparison, got \(comparisons)")
        }
        return 1 - (1 - familyConfidence) / Double(comparisons)
    }
}
