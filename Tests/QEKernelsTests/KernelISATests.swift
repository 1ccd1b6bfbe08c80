import Testing
@testable import QEKernels

/// The run-time choice of instruction set (`KernelISA`).
@Suite("Instruction set choice")
struct KernelISATests {
    @Test func avx2IsAlwaysSupportedHere() {
        // QEKernels is compiled for AVX2 + FMA: a machine running these tests has them.
        #expect(KernelISA.avx2.isSupported)
        #expect(KernelISA.supported.first == .avx2)
    }

    @Test("QE_KERNELS_ISA=avx2 forces AVX2; otherwise the best supported")
    func environmentOverride() {
        let best: KernelISA = KernelISA.avx512.isSupported ? .avx512 : .avx2
        #expect(KernelISA.preference(environment: "avx2") == .avx2)
        #expect(KernelISA.preference(environment: nil) == best)
        #expect(KernelISA.preference(environment: "avx512") == best)
        #expect(KernelISA.preference(environment: "auto") == best)
        #expect(KernelISA.preference(environment: "unknown") == best)
        #expect(KernelISA.preferred.isSupported)
    }

    @Test("kernels made without an ISA use the preferred one", arguments: KernelVariant.allCases)
    func defaultPath(variant: KernelVariant) {
        #expect(variant.makeKernel(seqLen: 3, dim: 2).isa == KernelISA.preferred)
    }
}
