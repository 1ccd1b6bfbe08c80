import Testing
import QEKernels

/// The working set each kernel reports is the documented formula of its instruction set, and
/// flash's is the smaller.
@Suite("Working sets")
struct WorkingSetTests {
    static func roundUp(_ value: Int, _ multiple: Int) -> Int { (value + multiple - 1) / multiple * multiple }

    static let shapes = WorkloadCatalogue.flashAttention.map { ($0.seqLen, $0.dim) } + [(1, 1), (67, 13)]

    @Test("baseline, AVX2: 4·(4nd + ⌈n/16⌉·16·d + ⌈d/16⌉·16·n + n·⌈n/16⌉·16 + 96·272)", arguments: shapes)
    func baselineAVX2(shape: (Int, Int)) {
        let (n, d) = shape
        let expected = 4 * (4 * n * d + Self.roundUp(n, 16) * d + Self.roundUp(d, 16) * n + n * Self.roundUp(n, 16)
            + 96 * 272)
        #expect(BaselineAttention(seqLen: n, dim: d, isa: .avx2).workingSetBytes == expected)
    }

    @Test("flash, AVX2: 4·(4nd + ⌈n/16⌉·16·d + ⌈d/16⌉·16·n + ⌈d/256⌉·tileRows·272 + tileRows·tileColumns + 3·tileRows)",
          arguments: shapes)
    func flashAVX2(shape: (Int, Int)) {
        let (n, d) = shape
        let queryBlock = Self.roundUp(d, 256) / 256 * FlashAttention.tileRows * 272
        let tile = FlashAttention.tileRows * FlashAttention.tileColumns + 3 * FlashAttention.tileRows
        let expected = 4 * (4 * n * d + Self.roundUp(n, 16) * d + Self.roundUp(d, 16) * n + queryBlock + tile)
        #expect(FlashAttention(seqLen: n, dim: d, isa: .avx2).workingSetBytes == expected)
    }

    @Test("baseline, AVX-512: 4·(4nd + ⌈n/32⌉·32·d + ⌈d/32⌉·32·n + n·⌈n/32⌉·32 + 96·272)",
          .enabled(if: KernelISA.avx512.isSupported), arguments: shapes)
    func baselineAVX512(shape: (Int, Int)) {
        let (n, d) = shape
        let expected = 4 * (4 * n * d + Self.roundUp(n, 32) * d + Self.roundUp(d, 32) * n
            + n * Self.roundUp(n, 32) + 96 * 272)
        #expect(BaselineAttention(seqLen: n, dim: d, isa: .avx512).workingSetBytes == expected)
    }

    @Test("flash, AVX-512: 4·(4nd + ⌈n/32⌉·32·d + ⌈d/32⌉·32·n + ⌈d/256⌉·96·272 + 96·128 + 3·96)",
          .enabled(if: KernelISA.avx512.isSupported), arguments: shapes)
    func flashAVX512(shape: (Int, Int)) {
        let (n, d) = shape
        let queryBlock = Self.roundUp(d, 256) / 256 * 96 * 272
        let expected = 4 * (4 * n * d + Self.roundUp(n, 32) * d + Self.roundUp(d, 32) * n + queryBlock + 96 * 128 + 3 * 96)
        #expect(FlashAttention(seqLen: n, dim: d, isa: .avx512).workingSetBytes == expected)
    }

    @Test("flash holds less than baseline on the catalogue", arguments: WorkloadCatalogue.flashAttention, KernelISA.supported)
    func flashIsSmaller(workload: Workload, isa: KernelISA) {
        let baseline = KernelVariant.baseline.makeKernel(seqLen: workload.seqLen, dim: workload.dim, isa: isa)
        let flash = KernelVariant.flash.makeKernel(seqLen: workload.seqLen, dim: workload.dim, isa: isa)
        #expect(flash.workingSetBytes < baseline.workingSetBytes)
        #expect(flash.variant == .flash && baseline.variant == .baseline)
        #expect(flash.isa == isa && baseline.isa == isa)
        #expect(flash.seqLen == workload.seqLen && flash.dim == workload.dim)
    }

    @Test("the figure computed from the shape alone is the kernel's own", arguments: shapes, KernelISA.supported)
    func fromShapeAlone(shape: (Int, Int), isa: KernelISA) {
        let (n, d) = shape
        for variant in KernelVariant.allCases {
            #expect(variant.workingSetBytes(seqLen: n, dim: d, isa: isa) == variant.makeKernel(seqLen: n, dim: d, isa: isa).workingSetBytes)
        }
    }
}
