import QEKernels

/// One attention shape the benchmark times: the catalogue's workloads, then long sequences at a
/// small head dimension (dim 64, seqLen 1024 to 8192), where the score matrix no longer fits in
/// any cache and the exponentials weigh more against the products. The long-sequence shapes are
/// measured here only: they are not workloads of a suite, and no claim is judged on them.
struct BenchmarkShape: Sendable, Hashable {
    /// The name the table and the NumPy script use (the workload's name for catalogue shapes).
    let name: String
    let seqLen: Int
    let dim: Int

    /// Floating-point operations of one attention call: 4·seqLen²·dim (`Workload.flops`).
    var flops: Double { 4 * Double(seqLen) * Double(seqLen) * Double(dim) }

    /// The catalogue's workloads, then `longSequences`.
    static let all: [BenchmarkShape] =
        WorkloadCatalogue.flashAttention.map { BenchmarkShape(name: $0.name, seqLen: $0.seqLen, dim: $0.dim) }
        + longSequences

    /// dim 64 at seqLen 1024, 2048, 4096 and 8192, named `dim64-seqN`.
    static let longSequences: [BenchmarkShape] = [1024, 2048, 4096, 8192].map {
        BenchmarkShape(name: "dim64-seq\($0)", seqLen: $0, dim: 64)
    }
}
