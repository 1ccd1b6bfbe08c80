/// The AVX-512 implementations of QEKernels' two attention kernels, for QEKernels to call.
///
/// Precondition of every function here: the CPU supports AVX-512 F, CD, BW, DQ and VL (and the
/// OS saves the ZMM registers); this module is compiled with `-target-cpu skylake-avx512`, so
/// any of its code may use those instructions. QEKernels calls it only when `KernelISA.avx512`
/// is supported (`CCPUFeatures`); any other caller (the benchmark's peak loop) must check that
/// first too. The API is plain pointers and integers,
/// non-generic, so no specialised generic code of this module can stand in for code of another
/// (`scripts/check-isa-isolation.sh` checks the release binaries).
///
/// Inputs Q, K and V are seqLen × dim, row-major; the output is seqLen × dim, row-major. The
/// workspace holds the packed operands and scratch buffers: the caller allocates it once
/// (`…WorkspaceCount` floats, 64-byte aligned) and passes it to every call of that shape.
public enum AVX512Attention {
    /// Floats of workspace `baseline` needs: packed Kᵀ (⌈n/32⌉·32·d), packed V (⌈d/32⌉·32·n),
    /// the score matrix (n·⌈n/32⌉·32) and one copied block of A (96·272).
    /// - Complexity: O(1).
    public static func baselineWorkspaceCount(seqLen: Int, dim: Int) -> Int {
        BaselineAttention.Layout(seqLen: seqLen, dim: dim).count
    }

    /// Floats of workspace `flash` needs: packed Kᵀ (⌈n/32⌉·32·d), packed V (⌈d/32⌉·32·n), one
    /// copied query block (⌈d/256⌉·96·272), one score tile (96·128) and three floats per block
    /// row (3·96).
    /// - Complexity: O(1).
    public static func flashWorkspaceCount(seqLen: Int, dim: Int) -> Int {
        FlashAttention.Layout(seqLen: seqLen, dim: dim).count
    }

    /// softmax(Q·Kᵀ/√dim)·V with the full score matrix materialised (QEKernels' `BaselineAttention`).
    /// - Complexity: 4·seqLen²·dim flops, seqLen² exponentials.
    public static func baseline(
        query: UnsafePointer<Float>, key: UnsafePointer<Float>, value: UnsafePointer<Float>,
        seqLen: Int, dim: Int, workspace: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>
    ) {
        BaselineAttention.compute(query: query, key: key, value: value, seqLen: seqLen, dim: dim,
                                  workspace: workspace, output: output)
    }

    /// softmax(Q·Kᵀ/√dim)·V by streaming key/value tiles with an online softmax (QEKernels'
    /// `FlashAttention`).
    /// - Complexity: 4·seqLen²·dim flops, seqLen² exponentials.
    public static func flash(
        query: UnsafePointer<Float>, key: UnsafePointer<Float>, value: UnsafePointer<Float>,
        seqLen: Int, dim: Int, workspace: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>
    ) {
        FlashAttention.compute(query: query, key: key, value: value, seqLen: seqLen, dim: dim,
                               workspace: workspace, output: output)
    }

    /// 2^x for each of `count` values in place, by the AVX-512 path's exponential (for the tests:
    /// it must meet QEKernels' `VectorExp2.maximumRelativeError` too).
    public static func exp2(_ values: UnsafeMutablePointer<Float>, count: Int) {
        let raw = UnsafeMutableRawPointer(values)
        var j = 0
        while j + 16 <= count {
            raw.storeBytes(of: VectorExp2.evaluate(raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD16<Float>.self)),
                           toByteOffset: j * 4, as: SIMD16<Float>.self)
            j += 16
        }
        while j < count {
            values[j] = VectorExp2.evaluate(values[j])
            j += 1
        }
    }
}
