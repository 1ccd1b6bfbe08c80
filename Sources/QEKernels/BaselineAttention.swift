internal import QEKernelsAVX512

/// Attention that materialises the full score matrix: S = Q·Kᵀ·(log₂e/√dim) (seqLen × seqLen),
/// a row-wise softmax of S in place, then O = S·V. Three passes, as a framework computes it
/// without fusion; `FlashAttention` is the fused, streaming alternative.
///
/// Method: K and V are packed into panels (`PanelPacking`), then both products run through a
/// cache-blocked GotoBLAS loop on a register-blocked micro-kernel; the softmax works in base 2
/// with `VectorExp2` (log₂e is folded into the scale of S). Two implementations, chosen by
/// `isa` (`KernelISA`):
/// - `avx2`: 16-wide panels, `PanelProduct` on the 6 × 16 `PanelMicroKernel` (`SIMD8<Float>`),
///   A copied block by block to a padded row stride (depth blocks of 256, row blocks of 96: a
///   16 KiB B micro-panel in L1 reused by sixteen 6-row strips, a 102 KiB A block in L2);
/// - `avx512`: `QEKernelsAVX512` — 32-wide panels, a 12 × 32 `SIMD16<Float>` micro-kernel, and
///   A copied block by block to a padded row stride (depth blocks of 256, row blocks of 96: a
///   32 KiB B micro-panel in L1 reused by eight 12-row strips, a 102 KiB A block in L2).
///
/// Buffers (allocated at init), with w = 16 (AVX2) or 32 (AVX-512): packed Kᵀ
/// (⌈seqLen/w⌉·w × dim floats), packed V (⌈dim/w⌉·w × seqLen floats) and S
/// (seqLen × ⌈seqLen/w⌉·w floats: rows padded to whole panels so the Q·Kᵀ micro-kernel always
/// writes whole panels), and one copied block of A (96 × 272 floats).
///
/// - Complexity: 4·seqLen²·dim flops, seqLen² exponentials; memory O(seqLen² + seqLen·dim).
public final class BaselineAttention: AttentionKernel {
    public let seqLen: Int
    public let dim: Int
    public let isa: KernelISA
    public var variant: KernelVariant { .baseline }
    // AVX2 buffers (empty on the AVX-512 path).
    private let packedKeys: AlignedFloats
    private let packedValues: AlignedFloats
    /// The seqLen × `scoreStride` score matrix, row-major.
    private let scores: AlignedFloats
    /// Row stride of `scores`: seqLen rounded up to a whole panel.
    private let scoreStride: Int
    /// One block of A copied at a padded row stride (`PanelProduct.packedBlockCount` floats).
    private let packedBlock: AlignedFloats
    /// Every buffer of the AVX-512 path, laid out by `QEKernelsAVX512` (empty on the AVX2 path).
    private let workspace: AlignedFloats

    /// A kernel for one shape on `isa`, which must be supported (`KernelISA.isSupported`).
    public init(seqLen: Int, dim: Int, isa: KernelISA = .preferred) {
        precondition(seqLen >= 1 && dim >= 1, "seqLen and dim must be positive")
        precondition(isa.isSupported, "this CPU does not support \(isa)")
        self.seqLen = seqLen
        self.dim = dim
        self.isa = isa
        switch isa {
        case .avx2:
            packedKeys = AlignedFloats(count: PanelPacking.keyCount(seqLen: seqLen, dim: dim))
            packedValues = AlignedFloats(count: PanelPacking.valueCount(seqLen: seqLen, dim: dim))
            scoreStride = PanelPacking.roundUp(seqLen, PanelMicroKernel.columns)
            scores = AlignedFloats(count: seqLen * scoreStride)
            packedBlock = AlignedFloats(count: PanelProduct.packedBlockCount)
            workspace = AlignedFloats(count: 0)
        case .avx512:
            packedKeys = AlignedFloats(count: 0)
            packedValues = AlignedFloats(count: 0)
            scoreStride = 0
            scores = AlignedFloats(count: 0)
            packedBlock = AlignedFloats(count: 0)
            workspace = AlignedFloats(count: AVX512Attention.baselineWorkspaceCount(seqLen: seqLen, dim: dim))
        }
    }

    /// 4·seqLen·dim floats for Q, K, V and the output, plus the packed Kᵀ, the packed V and the
    /// score matrix and the copied A block, times 4 bytes:
    /// - AVX2: 4·(4·n·d + ⌈n/16⌉·16·d + ⌈d/16⌉·16·n + n·⌈n/16⌉·16 + 96·272);
    /// - AVX-512: 4·(4·n·d + ⌈n/32⌉·32·d + ⌈d/32⌉·32·n + n·⌈n/32⌉·32 + 96·272).
    public var workingSetBytes: Int {
        4 * seqLen * dim * MemoryLayout<Float>.stride
            + packedKeys.byteCount + packedValues.byteCount + scores.byteCount + packedBlock.byteCount
            + workspace.byteCount
    }

    /// The `workingSetBytes` a kernel of this shape on `isa` has, without making it (to check
    /// that a shape fits in memory before allocating it).
    public static func workingSetBytes(seqLen: Int, dim: Int, isa: KernelISA) -> Int {
        let floats: Int
        switch isa {
        case .avx2:
            floats = PanelPacking.keyCount(seqLen: seqLen, dim: dim) + PanelPacking.valueCount(seqLen: seqLen, dim: dim)
                + seqLen * PanelPacking.roundUp(seqLen, PanelMicroKernel.columns) + PanelProduct.packedBlockCount
        case .avx512:
            floats = AVX512Attention.baselineWorkspaceCount(seqLen: seqLen, dim: dim)
        }
        return (4 * seqLen * dim + floats) * MemoryLayout<Float>.stride
    }

    public func compute(_ inputs: AttentionInputs, into output: UnsafeMutableBufferPointer<Float>) {
        precondition(inputs.seqLen == seqLen && inputs.dim == dim && output.count >= seqLen * dim, "shape mismatch")
        guard let out = output.baseAddress else { return }
        switch isa {
        case .avx2: computeAVX2(inputs, into: out)
        case .avx512: computeAVX512(inputs, into: out)
        }
    }

    private func computeAVX512(_ inputs: AttentionInputs, into out: UnsafeMutablePointer<Float>) {
        let workspace = workspace.base
        inputs.withBasePointers { query, key, value in
            AVX512Attention.baseline(query: query, key: key, value: value, seqLen: seqLen, dim: dim,
                                     workspace: workspace, output: out)
        }
    }

    private func computeAVX2(_ inputs: AttentionInputs, into out: UnsafeMutablePointer<Float>) {
        let n = seqLen
        let d = dim
        let keys = packedKeys.base
        let values = packedValues.base
        let s = scores.base
        let stride = scoreStride
        let block = packedBlock.base
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
                                  c: s, cRowStride: stride, alpha: alpha, packedBlock: block)
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
                              c: out, cRowStride: d, alpha: 1, packedBlock: block)
    }
}
