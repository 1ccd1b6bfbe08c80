import Foundation

/// Attention that streams key/value tiles with an online softmax (a running maximum and sum
/// per query row, rescaling the partial output when the maximum grows), so the full
/// seqLen × seqLen score matrix is never held.
///
/// Reference: Dao et al. (2022), "FlashAttention: Fast and Memory-Efficient Exact Attention
/// with IO-Awareness"; Milakov & Gimelshein (2018), "Online normalizer calculation for softmax".
public final class FlashAttention: AttentionKernel {
    public let seqLen: Int
    public let dim: Int
    public var variant: KernelVariant { .flash }
    /// Key/value rows per tile.
    public static let tileColumns = 64
    /// Scores of one query row against one key tile.
    private var tileScores: [Float]
    /// Running maximum and sum of the current query row.
    private var rowState: [Float]

    public init(seqLen: Int, dim: Int) {
        precondition(seqLen >= 1 && dim >= 1, "seqLen and dim must be positive")
        self.seqLen = seqLen
        self.dim = dim
        tileScores = [Float](repeating: 0, count: Self.tileColumns)
        rowState = [Float](repeating: 0, count: 2)
    }

    public var workingSetBytes: Int {
        (4 * seqLen * dim + tileScores.count + rowState.count) * MemoryLayout<Float>.stride
    }

    public func compute(_ inputs: AttentionInputs, into output: UnsafeMutableBufferPointer<Float>) {
        precondition(inputs.seqLen == seqLen && inputs.dim == dim && output.count >= seqLen * dim, "shape mismatch")
        let n = seqLen
        let d = dim
        let scale = 1 / Float(d).squareRoot()
        let tile = Self.tileColumns
        inputs.query.withUnsafeBufferPointer { q in
            inputs.key.withUnsafeBufferPointer { k in
                inputs.value.withUnsafeBufferPointer { v in
                    tileScores.withUnsafeMutableBufferPointer { s in
                        for i in 0..<n {
                            var runningMax = -Float.infinity
                            var runningSum: Float = 0
                            for c in 0..<d { output[i * d + c] = 0 }
                            var start = 0
                            while start < n {
                                let end = min(start + tile, n)
                                var tileMax = -Float.infinity
                                for j in start..<end {
                                    var dot: Float = 0
                                    for c in 0..<d { dot += q[i * d + c] * k[j * d + c] }
                                    s[j - start] = dot * scale
                                    tileMax = max(tileMax, s[j - start])
                                }
                                let newMax = max(runningMax, tileMax)
                                let correction = expf(runningMax - newMax)
                                runningSum *= correction
                                for c in 0..<d { output[i * d + c] *= correction }
                                for j in start..<end {
                                    let p = expf(s[j - start] - newMax)
                                    runningSum += p
                                    for c in 0..<d { output[i * d + c] += p * v[j * d + c] }
                                }
                                runningMax = newMax
                                start = end
                            }
                            let inverse = 1 / runningSum
                            for c in 0..<d { output[i * d + c] *= inverse }
                        }
                    }
                }
            }
        }
    }
}
