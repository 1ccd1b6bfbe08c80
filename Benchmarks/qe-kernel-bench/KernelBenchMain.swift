import Foundation
import QEKernels

@main
struct KernelBenchMain {
    static func main() {
        for workload in WorkloadCatalogue.flashAttention {
            let inputs = AttentionInputs(seqLen: workload.seqLen, dim: workload.dim, seed: 1)
            var output = [Float](repeating: 0, count: workload.seqLen * workload.dim)
            var line = workload.name
            for variant in KernelVariant.allCases {
                let kernel = variant.makeKernel(seqLen: workload.seqLen, dim: workload.dim)
                var times: [Double] = []
                output.withUnsafeMutableBufferPointer { out in
                    for _ in 0..<3 { kernel.compute(inputs, into: out) }
                    for _ in 0..<11 {
                        let start = DispatchTime.now().uptimeNanoseconds
                        kernel.compute(inputs, into: out)
                        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                    }
                }
                times.sort()
                line += " \(variant.rawValue)=\(String(format: "%.1f", workload.flops / times[times.count / 2] / 1e9))"
            }
            print(line)
        }
    }
}
