/// The attention variants a run can time. To add one: add a case, return its kernel from
/// `makeKernel`, and add it to the correctness tests.
public enum KernelVariant: String, CaseIterable, Sendable, Codable {
    /// Materialises the seqLen × seqLen score matrix, then softmax, then the product with V.
    case baseline
    /// Streams key/value tiles with an online softmax; never holds the full score matrix.
    case flash

    /// A kernel of this variant for one shape, with all its buffers allocated.
    public func makeKernel(seqLen: Int, dim: Int) -> any AttentionKernel {
        switch self {
        case .baseline: return BaselineAttention(seqLen: seqLen, dim: dim)
        case .flash: return FlashAttention(seqLen: seqLen, dim: dim)
        }
    }
}
