/// Attention that materialises the full score matrix: S = Q·Kᵀ·(log₂e/√dim) (seqLen × seqLen),
/// a row-wise softmax of S in place, then O = S·V. Three passes, as a framework computes it
/// without fusion; `FlashAttention` is the fused, streaming alternative.
///
/// Method: K and V are packed into 16-wide panels (`PanelPacking`), then both products run
/// through the cache-blocked `PanelProduct` on the 6 × 16 `PanelMicroKernel`; the softmax works
/// in base 2 with `VectorExp2` (log₂e is folded into the scale of S).
///
/// Buffers (allocated at init): packed Kᵀ (⌈seqLen/16⌉·16 × dim floats), packed V
/// (⌈dim/16⌉·16 × seqLen floats) and S (seqLen × ⌈seqLen/16⌉·16 floats: rows padded to whole
/// panels so the Q·Kᵀ micro-kernel always writes 16 columns).
///
/// - Complexity: 4·seqLen²·dim flops, seqLen² exponentials; memory O(seqLen² + seqLen·dim).
public final class BaselineAttention: AttentionKernel {
    public let seqLen: Int
    public let dim: Int
    public var variant: KernelVariant { .baseline }
    private let packedKeys: AlignedFloats
    private let packedValues: AlignedFloats
    /// The seqLen × `scoreStride` score matrix, row-major.
    private let scores: AlignedFloats
    /// Row stride of `scores`: seqLen rounded up to a whole panel.
    private let scoreStride: Int

    public init(seqLen: Int, dim: Int) {
        precondition(seqLen >= 1 && dim >= 1, "seqLen and dim must be positive")
        self.seqLen = seqLen
        self.dim = dim
        packedKeys = AlignedFloats(count: PanelPacking.keyCount(seqLen: seqLen, dim: dim))
        packedValues = AlignedFloats(count: PanelPacking.valueCount(seqLen: seqLen, dim: dim))
        scoreStride = PanelPacking.roundUp(seqLen, PanelMicroKernel.columns)
        scores = AlignedFloats(count: seqLen * scoreStride)
    }

    /// 4·seqLen·dim floats for Q, K, V and the output, plus the packed Kᵀ, the packed V and the
    /// score matrix, times 4 bytes:
    /// 4·(4·n·d + ⌈n/16⌉·16·d + ⌈d/16⌉·16·n + n·⌈n/16⌉·16).
    public var workingSetBytes: Int {
        4 * seqLen * dim * MemoryLayout<Float>.stride
            + packedKeys.byteCount + packedValues.byteCount + scores.byteCount
    }

    public func compute(_ inputs: AttentionInputs, into output: UnsafeMutableBufferPointer<Float>) {
        precondition(inputs.seqLen == seqLen && inputs.dim == dim && output.count >= seqLen * dim, "shape mismatch")
        guard let out = output.baseAddress else { return }
        let n = seqLen
        let d = dim
        let keys = packedKeys.base
        let values = packedValues.base
        let s = scores.base
        let stride = scoreStride
        inputs.key.withUnsafeBufferPointer { k in
            inputs.value.withUnsafeBufferPointer { v in
                guard let kBase = k.baseAddress, let vBase = v.baseAddress else { return }
                PanelPacking.packKeys(kBase, seqLen: n, dim: d, into: keys)
                PanelPacking.packValues(vBase, seqLen: n, dim: d, into: values)
            }
        }
        // S = Q·Kᵀ · log₂e/√d, all padded columns included (they hold 0 and are never read).
        let alpha = Float(1.4426950408889634 / Double(d).squareRoot())
        inputs.query.withUnsafeBufferPointer { q in
            guard let qBase = q.baseAddress else { return }
            PanelProduct.multiply(a: qBase, aRowStride: d, rows: n, depth: d,
                                  packedB: keys, columns: stride,
                                  c: s, cRowStride: stride, alpha: alpha)
        }
        // Row softmax of S in place (base 2).
        for i in 0..<n {
            let row = s + i * stride
            let rowMax = RowSoftmax.maximum(row, count: n)
            let sum = RowSoftmax.exponentiate(row, count: n, shift: rowMax)
            RowSoftmax.scale(row, count: n, by: 1 / sum)
        }
        // O = P·V.
        PanelProduct.multiply(a: s, aRowStride: stride, rows: n, depth: n,
                              packedB: values, columns: d,
                              c: out, cRowStride: d, alpha: 1)
    }
}
