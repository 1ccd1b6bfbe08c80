import Testing
import QEKernels

/// The working set each kernel reports is the documented formula, and flash's is the smaller.
@Suite("Working sets")
struct WorkingSetTests {
    static func roundUp16(_ value: Int) -> Int { (value + 15) / 16 * 16 }

    @Test("baseline: 4·(4nd + ⌈n/16⌉·16·d + ⌈d/16⌉·16·n + n·⌈n/16⌉·16)",
          arguments: WorkloadCatalogue.flashAttention.map { ($0.seqLen, $0.dim) } + [(1, 1), (67, 13)])
    func baseline(shape: (Int, Int)) {
        let (n, d) = shape
        let expected = 4 * (4 * n * d + Self.roundUp16(n) * d + Self.roundUp16(d) * n + n * Self.roundUp16(n))
        #expect(BaselineAttention(seqLen: n, dim: d).workingSetBytes == expected)
    }

    @Test("flash: 4·(4nd + ⌈n/16⌉·16·d + ⌈d/16⌉·16·n + tileRows·tileColumns + 3·tileRows)",
          arguments: WorkloadCatalogue.flashAttention.map { ($0.seqLen, $0.dim) } + [(1, 1), (67, 13)])
    func flash(shape: (Int, Int)) {
        let (n, d) = shape
        let tile = FlashAttention.tileRows * FlashAttention.tileColumns + 3 * FlashAttention.tileRows
        let expected = 4 * (4 * n * d + Self.roundUp16(n) * d + Self.roundUp16(d) * n + tile)
        #expect(FlashAttention(seqLen: n, dim: d).workingSetBytes == expected)
    }

    @Test("flash holds less than baseline on the catalogue", arguments: WorkloadCatalogue.flashAttention)
    func flashIsSmaller(workload: Workload) {
        let baseline = KernelVariant.baseline.makeKernel(seqLen: workload.seqLen, dim: workload.dim)
        let flash = KernelVariant.flash.makeKernel(seqLen: workload.seqLen, dim: workload.dim)
        #expect(flash.workingSetBytes < baseline.workingSetBytes)
        #expect(flash.variant == .flash && baseline.variant == .baseline)
        #expect(flash.seqLen == workload.seqLen && flash.dim == workload.dim)
    }
}
