/// How a document's intervals are adjusted for the number of benchmarks judged together.
public enum FamilyCorrection: String, Sendable, Codable {
    /// Each of k two-sided intervals at confidence 1 − α/k (claims).
    case bonferroni
    /// Each end of each of k intervals a one-sided bound at 1 − α/k (the gate).
    case bonferroniOneSided = "bonferroni-one-sided"
}
