import Foundation

/// Attention that materialises the full score matrix S = Q·Kᵀ/√d (seqLen × seqLen), applies a
/// row-wise softmax to it, then multiplies by V.
public final class BaselineAttention: AttentionKernel {
    public let seqLen: Int
    public let dim: Int
    public var variant: KernelVariant { .baseline }
    /// The seqLen × seqLen score matrix, row-major.
    private var scores: [Float]

    public init(seqLen: Int, dim: Int) {
        precondition(seqLen >= 1 && dim >= 1, "seqLen and dim must be positive")
        self.seqLen = seqLen
        self.dim = dim
        scores = [Float](repeating: 0, count: seqLen * seqLen)
    }

    public var workingSetBytes: Int {
        (4 * seqLen * dim + seqLen * seqLen) * MemoryLayout<Float>.stride
    }

    public func compute(_ inputs: AttentionInputs, into output: UnsafeMutableBufferPointer<Float>) {
        precondition(inputs.seqLen == seqLen && inputs.dim == dim && output.count >= seqLen * dim, "shape mismatch")
        let n = seqLen
        let d = dim
        let scale = 1 / Float(d).squareRoot()
        inputs.query.withUnsafeBufferPointer { q in
            inputs.key.withUnsafeBufferPointer { k in
                inputs.value.withUnsafeBufferPointer { v in
                    scores.withUnsafeMutableBufferPointer { s in
                        for i in 0..<n {
                            var rowMax = -Float.infinity
                            for j in 0..<n {
                                var dot: Float = 0
                                for c in 0..<d { dot += q[i * d + c] * k[j * d + c] }
                                let value = dot * scale
                                s[i * n + j] = value
                                rowMax = max(rowMax, value)
                            }
                            var sum: Float = 0
                            for j in 0..<n {
                                let e = expf(s[i * n + j] - rowMax)
                                s[i * n + j] = e
                                sum += e
                            }
                            let inverse = 1 / sum
                            for c in 0..<d { output[i * d + c] = 0 }
                            for j in 0..<n {
                                let p = s[i * n + j] * inverse
                                for c in 0..<d { output[i * d + c] += p * v[j * d + c] }
                            }
                        }
                    }
                }
            }
        }
    }
}

