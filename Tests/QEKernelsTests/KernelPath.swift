import Testing
import QEKernels

/// One kernel variant on one instruction set: the unit the correctness tests check. Every
/// variant runs on every instruction set this machine supports (`KernelISA.supported`), so on an
/// AVX-512 machine both the AVX2 and the AVX-512 code are tested, with the same bound.
struct KernelPath: Sendable, CustomTestStringConvertible {
    let variant: KernelVariant
    let isa: KernelISA

    /// Every variant on every supported instruction set.
    static let all: [KernelPath] = KernelVariant.allCases.flatMap { variant in
        KernelISA.supported.map { KernelPath(variant: variant, isa: $0) }
    }

    func makeKernel(seqLen: Int, dim: Int) -> any AttentionKernel {
        variant.makeKernel(seqLen: seqLen, dim: dim, isa: isa)
    }

    var testDescription: String { "\(variant)/\(isa)" }
}
