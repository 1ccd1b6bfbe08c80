/// The AVX-512 body of QEKernels' `BaselineAttention`: S = Q·Kᵀ·(log₂e/√dim) in full
/// (seqLen × ⌈seqLen/32⌉·32, rows padded to whole panels), a row-wise softmax of S in place
/// (base 2), then O = S·V, both products through the cache-blocked `PanelProduct`.
enum BaselineAttention {
    /// Where each buffer lives in the workspace (offsets in floats, each a multiple of 16).
    struct Layout {
        let packedKeys: Int
        let packedValues: Int
        let scores: Int
        /// Row stride of the score matrix: seqLen rounded up to a whole panel.
        let scoreStride: Int
        let packedBlock: Int
        let count: Int

        init(seqLen: Int, dim: Int) {
            var offset = 0
            func take(_ floats: Int) -> Int {
                defer { offset += PanelPacking.roundUp(floats, 16) }
                return offset
            }
            scoreStride = PanelPacking.roundUp(seqLen, PanelMicroKernel.columns)
            packedKeys = take(PanelPacking.keyCount(seqLen: seqLen, dim: dim))
            packedValues = take(PanelPacking.valueCount(seqLen: seqLen, dim: dim))
            scores = take(seqLen * scoreStride)
            packedBlock = take(PanelProduct.packedBlockCount)
            count = offset
        }
    }

    static func compute(
        query: UnsafePointer<Float>, key: UnsafePointer<Float>, value: UnsafePointer<Float>,
        seqLen n: Int, dim d: Int, workspace: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>
    ) {
        let layout = Layout(seqLen: n, dim: d)
        let keys = workspace + layout.packedKeys
        let values = workspace + layout.packedValues
        let s = workspace + layout.scores
        let stride = layout.scoreStride
        let packedBlock = workspace + layout.packedBlock
        PanelPacking.packKeys(key, seqLen: n, dim: d, into: keys)
        PanelPacking.packValues(value, seqLen: n, dim: d, into: values)
        // S = Q·Kᵀ · log₂e/√d, all padded columns included (they hold 0 and are never read).
        let alpha = Float(1.4426950408889634 / Double(d).squareRoot())
        PanelProduct.multiply(a: query, aRowStride: d, rows: n, depth: d,
                              packedB: keys, columns: stride,
                              c: s, cRowStride: stride, alpha: alpha, packedBlock: packedBlock)
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
                              c: output, cRowStride: d, alpha: 1, packedBlock: packedBlock)
    }
}
