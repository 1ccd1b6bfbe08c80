import Testing
import QEKernels

/// The check the harness runs before timing: baseline and flash agree on every catalogue shape
/// (all elements) within 2·`AttentionTolerance.maximumAbsoluteError(for:)`, on each instruction
/// set and across them; and the check rejects outputs that differ by more, or that hold NaN.
@Suite("Agreement between kernels")
struct AttentionAgreementTests {
    /// The output of every variant on `isa`, in `KernelVariant.allCases` order.
    static func outputs(_ inputs: AttentionInputs, isa: KernelISA = .preferred) -> [[Float]] {
        KernelVariant.allCases.map { variant in
            let kernel = variant.makeKernel(seqLen: inputs.seqLen, dim: inputs.dim, isa: isa)
            var output = [Float](repeating: .nan, count: inputs.seqLen * inputs.dim)
            output.withUnsafeMutableBufferPointer { kernel.compute(inputs, into: $0) }
            return output
        }
    }

    @Test("baseline and flash agree on the catalogue, on every instruction set and across them",
          arguments: WorkloadCatalogue.flashAttention)
    func catalogue(workload: Workload) {
        let inputs = AttentionInputs(seqLen: workload.seqLen, dim: workload.dim, seed: 42)
        let results = KernelISA.supported.flatMap { Self.outputs(inputs, isa: $0) }
        for (first, a) in results.enumerated() {
            for b in results[(first + 1)...] {
                let agreement = AttentionAgreement.check(a, b, inputs: inputs)
                #expect(agreement.withinBound, "max error \(agreement.maximumError) > bound \(agreement.bound)")
            }
        }
        // The bound is tight enough to mean something: 10⁻⁶ + Λ·2⁻²² relative to max|V| ≈ 1.
        #expect(AttentionAgreement.check(results[0], results[1], inputs: inputs).bound < 2e-5)
    }

    @Test func rejectsDifferencesAndNaN() {
        let inputs = AttentionInputs(seqLen: 20, dim: 8, seed: 1)
        let results = Self.outputs(inputs)
        #expect(AttentionAgreement.check(results[0], results[0], inputs: inputs).maximumError == 0)
        var shifted = results[1]
        shifted[77] += 1e-3
        #expect(!AttentionAgreement.check(results[0], shifted, inputs: inputs).withinBound)
        var broken = results[1]
        broken[5] = .nan
        let withNaN = AttentionAgreement.check(results[0], broken, inputs: inputs)
        #expect(!withNaN.withinBound)
        #expect(withNaN.maximumError == .infinity)
    }

    @Test func boundFollowsTheDocumentedFormula() {
        // Q rows of norm 3 and 4, K rows of norm 5, dim 4, max|V| = 2: Λ = 4·5/2 = 10.
        let q: [Float] = [3, 0, 0, 0, 0, 0, 4, 0]
        let k: [Float] = [0, 5, 0, 0, 3, 4, 0, 0]
        let v: [Float] = [1, -2, 0, 0, 0, 0, 0, 1]
        let inputs = AttentionInputs(seqLen: 2, dim: 4, query: q, key: k, value: v)
        let expected = 2 * (AttentionTolerance.relativeError + AttentionTolerance.logitError * 10)
        #expect(abs(AttentionTolerance.maximumAbsoluteError(for: inputs) - expected) <= expected * 1e-6)
    }
}
