/// The built-in suites. To add a workload, add a line to its suite below (and a test of its
/// shape if it is unusual); to add a suite, add a case to `suites`.
public enum WorkloadCatalogue {
    /// The study's five quality-engineering workloads, single head, float32 (DESIGN §5).
    public static let flashAttention: [Workload] = [
        Workload(name: "test-similarity", seqLen: 512, dim: 768, claimedSpeedup: .init(low: 2.49, high: 7.47)),
        Workload(name: "code-embedding", seqLen: 1024, dim: 1024, claimedSpeedup: .init(low: 2.49, high: 7.47)),
        Workload(name: "defect-matching", seqLen: 256, dim: 512, claimedSpeedup: .init(low: 2.49, high: 7.47)),
        Workload(name: "coverage-analysis", seqLen: 256, dim: 384, claimedSpeedup: .init(low: 50, high: 100)),
        Workload(name: "pattern-adaptation", seqLen: 128, dim: 256, claimedSpeedup: .init(low: 10, high: 40)),
    ]

    /// Every suite by name.
    public static let suites: [String: [Workload]] = ["flash-attention": flashAttention]

    /// The default suite's name.
    public static let defaultSuite = "flash-attention"
}
