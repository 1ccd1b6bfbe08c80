import Foundation
import QEKernels

/// Plain double-precision attention, naive loops, for checking the kernels: the rows `rows` of
/// softmax(Q·Kᵀ/√d)·V computed from the same float inputs, with the maximum subtracted before exp
/// (in double that is exact enough for any logit size a float can hold).
enum ReferenceAttention {
    static func rows(_ rows: [Int], of inputs: AttentionInputs) -> [[Double]] {
        let n = inputs.seqLen
        let d = inputs.dim
        let scale = 1 / Double(d).squareRoot()
        return inputs.query.withUnsafeBufferPointer { q in
            inputs.key.withUnsafeBufferPointer { k in
                inputs.value.withUnsafeBufferPointer { v in
                    rows.map { i in
                        var logits = [Double](repeating: 0, count: n)
                        for j in 0..<n {
                            var dot = 0.0
                            for c in 0..<d { dot += Double(q[i * d + c]) * Double(k[j * d + c]) }
                            logits[j] = dot * scale
                        }
                        let top = logits.max() ?? 0
                        var sum = 0.0
                        for j in 0..<n {
                            logits[j] = Foundation.exp(logits[j] - top)
                            sum += logits[j]
                        }
                        var out = [Double](repeating: 0, count: d)
                        for j in 0..<n {
                            let p = logits[j] / sum
                            for c in 0..<d { out[c] += p * Double(v[j * d + c]) }
                        }
                        return out
                    }
                }
            }
        }
    }
}
