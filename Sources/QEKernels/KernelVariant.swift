/// The attention variants a run can time. To add one: add a case and return its kernel from
/// `makeKernel`; the correctness, agreement and working-set tests and `qe-kernel-bench` iterate
/// over `allCases` (CONTRIBUTING.md, "Adding a workload or a kernel variant").
public enum KernelVariant: String, CaseIterable, Sendable, Codable {
    /// Materialises the seqLen × seqLen score matrix, then softmax, then the product with V.
    case baseline
    /// Streams key/value tiles with an online softmax; never holds the full score matrix.
    case flash

    /// A kernel of this variant for one shape, with all its buffers allocated, running on `isa`
    /// (which must be supported; by default the best this machine supports, see `KernelISA`).
    public func makeKernel(seqLen: Int, dim: Int, isa: KernelISA = .preferred) -> any AttentionKernel {
        switch self {
        case .baseline: return BaselineAttention(seqLen: seqLen, dim: dim, isa: isa)
        case .flash: return FlashAttention(seqLen: seqLen, dim: dim, isa: isa)
        }
    }

    /// The working set of this variant's kernel for one shape on `isa`, in bytes, computed from
    /// the shape alone (the kernel's `workingSetBytes`, without allocating anything).
    public func workingSetBytes(seqLen: Int, dim: Int, isa: KernelISA = .preferred) -> Int {
        switch self {
        case .baseline: return BaselineAttention.workingSetBytes(seqLen: seqLen, dim: dim, isa: isa)
        case .flash: return FlashAttention.workingSetBytes(seqLen: seqLen, dim: dim, isa: isa)
        }
    }
}
