import Foundation
import QEKernels
import QETestSupport
import Testing

/// Both kernels, on every instruction set this machine supports (`KernelPath`), against plain
/// double-precision attention (`ReferenceAttention`), on every catalogue shape and on adversarial
/// ones.
///
/// The bound enforced is `AttentionTolerance.maximumAbsoluteError(for:)`:
///     |o − o_exact| ≤ max|V| · (10⁻⁶ + 2⁻²²·Λ),  Λ = maxᵢ‖qᵢ‖·maxⱼ‖kⱼ‖/√dim,
/// on every element checked, for every path; outputs must also be finite. Each input's reference
/// is computed once and every path is checked against it. Catalogue shapes are checked on a set
/// of rows that includes the first and last, and both sides of each tile and strip boundary (the
/// double-precision reference costs 2·seqLen·dim per row in a debug build); every other shape is
/// checked on all rows.
@Suite("Attention kernels against a double-precision reference", .tags(.slow), .skippedWhenFast)
struct AttentionCorrectnessTests {
    /// Runs every kernel path (`KernelPath.all`: each variant on each supported instruction set)
    /// on `inputs` and checks `rows` (all rows when nil) of each output against one reference.
    func check(_ inputs: AttentionInputs, rows: [Int]? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        let n = inputs.seqLen
        let d = inputs.dim
        let checkedRows = rows ?? Array(0..<n)
        let reference = ReferenceAttention.rows(checkedRows, of: inputs)
        let bound = Double(AttentionTolerance.maximumAbsoluteError(for: inputs))
        for path in KernelPath.all {
            let kernel = path.makeKernel(seqLen: n, dim: d)
            #expect(kernel.isa == path.isa && kernel.variant == path.variant, sourceLocation: sourceLocation)
            var output = [Float](repeating: .nan, count: n * d)
            output.withUnsafeMutableBufferPointer { kernel.compute(inputs, into: $0) }
            var largest = 0.0
            var finite = true
            for (index, row) in checkedRows.enumerated() {
                for c in 0..<d {
                    let value = output[row * d + c]
                    if !value.isFinite {
                        finite = false
                        largest = .infinity
                    } else {
                        largest = max(largest, abs(Double(value) - reference[index][c]))
                    }
                }
            }
            #expect(finite, "\(path.testDescription) n=\(n) d=\(d): output not finite", sourceLocation: sourceLocation)
            #expect(largest <= bound, "\(path.testDescription) n=\(n) d=\(d): error \(largest) > bound \(bound)",
                    sourceLocation: sourceLocation)
        }
    }

    /// First and last rows and both sides of the 6- and 12-row strip and 48- and 96-row block
    /// edges near the start, the middle and the end.
    static func sampleRows(_ n: Int) -> [Int] {
        let candidates = [0, 1, 5, 6, 11, 12, 47, 48, 49, 95, 96, n / 2 - 1, n / 2, n - 13, n - 12, n - 7, n - 6, n - 2, n - 1]
        return Array(Set(candidates.filter { $0 >= 0 && $0 < n })).sorted()
    }

    @Test("catalogue shapes", arguments: WorkloadCatalogue.flashAttention)
    func catalogue(workload: Workload) {
        let inputs = AttentionInputs(seqLen: workload.seqLen, dim: workload.dim, seed: 11)
        check(inputs, rows: Self.sampleRows(workload.seqLen))
    }

    /// seqLen not a multiple of the strip (6, 12), panel (16, 32), block (48, 96) or tile (128);
    /// seqLen = 1; dim not a multiple of the vector width (8, 16) or panel (16, 32), including
    /// dim = 1; depths past one depth block (256).
    @Test("ragged shapes", arguments: [
        (1, 1), (1, 3), (1, 64), (2, 1), (3, 13), (5, 8), (7, 16), (17, 67), (47, 33),
        (49, 15), (97, 33), (127, 9), (129, 24), (131, 67), (200, 13), (257, 40), (300, 257),
    ] as [(Int, Int)])
    func ragged(shape: (Int, Int)) {
        check(AttentionInputs(seqLen: shape.0, dim: shape.1, seed: 3))
    }

    /// Q scaled by 10³ and 10⁴: logits up to about 10⁵, where exp overflows unless the row
    /// maximum is subtracted (and, for flash, the running maximum is tracked across tiles).
    @Test("large logits", arguments: [(200, 64, 1e3), (200, 64, 1e4), (131, 67, 1e4), (300, 13, 1e3), (1, 5, 1e4)]
          as [(Int, Int, Float)])
    func largeLogits(shape: (Int, Int, Float)) {
        check(AttentionInputs(seqLen: shape.0, dim: shape.1, seed: 5, scale: shape.2))
    }

    /// Logits that grow from tile to tile (key j along q's direction, scaled by j), so the running
    /// maximum rises on every tile and every partial output must be rescaled; the weights are
    /// spread over the last few dozen keys, not one-hot.
    @Test("running maximum rises on every tile")
    func risingLogits() {
        let n = 400
        let d = 24
        let base = AttentionInputs(seqLen: n, dim: d, seed: 9)
        let direction = Array(base.query[0..<d])
        var key = base.key
        for j in 0..<n {
            for c in 0..<d { key[j * d + c] = 0.5 * key[j * d + c] + direction[c] * Float(j) / 40 }
        }
        var query = base.query
        for i in 0..<n {
            for c in 0..<d { query[i * d + c] = 0.3 * query[i * d + c] + direction[c] }
        }
        check(AttentionInputs(seqLen: n, dim: d, query: query, key: key, value: base.value))
    }

    /// Identical keys: every logit in a row is the same, so the output must be the mean of V's rows.
    @Test("equal logits give the mean of V")
    func equalLogits() {
        let n = 150
        let d = 20
        let base = AttentionInputs(seqLen: n, dim: d, seed: 21, scale: 1e4)
        let oneKey = Array(base.key[0..<d])
        let inputs = AttentionInputs(seqLen: n, dim: d, query: base.query,
                                     key: Array((0..<n).map { _ in oneKey }.joined()), value: base.value)
        check(inputs)
        for path in KernelPath.all {
            let kernel = path.makeKernel(seqLen: n, dim: d)
            var output = [Float](repeating: .nan, count: n * d)
            output.withUnsafeMutableBufferPointer { kernel.compute(inputs, into: $0) }
            for c in 0..<d {
                let mean = (0..<n).reduce(0.0) { $0 + Double(base.value[$1 * d + c]) } / Double(n)
                #expect(abs(Double(output[(n - 1) * d + c]) - mean) <= 1e-5, "\(path.testDescription), column \(c)")
            }
        }
    }

    /// Calling a kernel twice (reusing its buffers) and on new inputs gives fresh results.
    @Test("a kernel is reusable across calls", arguments: KernelPath.all)
    func reuse(path: KernelPath) {
        let kernel = path.makeKernel(seqLen: 70, dim: 19)
        var output = [Float](repeating: .nan, count: 70 * 19)
        let first = AttentionInputs(seqLen: 70, dim: 19, seed: 1, scale: 1e3)
        output.withUnsafeMutableBufferPointer { kernel.compute(first, into: $0) }
        let second = AttentionInputs(seqLen: 70, dim: 19, seed: 2)
        var again = [Float](repeating: .nan, count: 70 * 19)
        again.withUnsafeMutableBufferPointer { kernel.compute(second, into: $0) }
        let fresh = path.makeKernel(seqLen: 70, dim: 19)
        output.withUnsafeMutableBufferPointer { fresh.compute(second, into: $0) }
        #expect(output == again)
    }
}
