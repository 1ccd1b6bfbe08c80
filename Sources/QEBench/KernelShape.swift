/// One shape the kernels are timed at, under the benchmark name it is recorded as: a catalogue
/// workload, or a point of a sweep (`custom[seqLen=4096,dim=64]`).
public struct KernelShape: Codable, Sendable, Equatable {
    public var name: String
    public var seqLen: Int
    public var dim: Int

    public init(name: String, seqLen: Int, dim: Int) {
        self.name = name
        self.seqLen = seqLen
        self.dim = dim
    }
}
