import Foundation
import QEKernels

/// Kernel timings for `scripts/bench/kernels.sh`. Not a test: it measures, it asserts nothing.
/// Build in release.
///
///     qe-kernel-bench [--repeats N] [--numpy FILE] [--numpy-avx2 FILE] [--workload NAME]...
///     qe-kernel-bench --list
///
/// Measures the single-core FMA peak (`FMAPeak`, before and after the kernels), each kernel
/// variant on each workload of the catalogue (median of N calls after 3 warm-up calls, one
/// thread), and prints one table.
/// With `--numpy FILE`, NumPy's GFLOP/s per workload are read from FILE (lines
/// `workload=NAME gflops=X`, as `scripts/bench/numpy_attention.py` prints) and shown beside them;
/// `--numpy-avx2 FILE` adds a second NumPy column (OpenBLAS forced to its AVX2 kernel).
/// `--list` prints the catalogue as `NAME:SEQLEN:DIM` words, the NumPy script's arguments.
@main
struct KernelBenchMain {
    static func main() {
        var repeats = 15
        var numpyFile: String?
        var numpyAVX2File: String?
        var names: [String] = []
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            switch argument {
            case "--repeats":
                guard let value = arguments.popFirst().flatMap(Int.init), value > 0 else { usage() }
                repeats = value
            case "--numpy":
                guard let value = arguments.popFirst() else { usage() }
                numpyFile = value
            case "--numpy-avx2":
                guard let value = arguments.popFirst() else { usage() }
                numpyAVX2File = value
            case "--list":
                print(WorkloadCatalogue.flashAttention.map { "\($0.name):\($0.seqLen):\($0.dim)" }.joined(separator: " "))
                return
            case "--workload":
                guard let value = arguments.popFirst() else { usage() }
                names.append(value)
            default:
                usage()
            }
        }
        let workloads = WorkloadCatalogue.flashAttention.filter { names.isEmpty || names.contains($0.name) }
        guard !workloads.isEmpty else { usage() }
        let numpy = numpyFile.map(readNumPy) ?? [:]
        let numpyAVX2 = numpyAVX2File.map(readNumPy)

        // The peak before and after the kernels (the larger is reported): clock boost on this
        // kind of machine moves with the load on the other cores.
        let peakBefore = FMAPeak.measure()
        var rows: [KernelTable.Row] = []
        for workload in workloads {
            let timings = KernelVariant.allCases.map { KernelTiming.measure(workload, $0, warmUp: 3, repeats: repeats) }
            rows.append(KernelTable.Row(workload: workload, timings: timings, numpyGFLOPS: numpy[workload.name],
                                        numpyAVX2GFLOPS: numpyAVX2?[workload.name]))
        }
        let peak = max(peakBefore, FMAPeak.measure())
        print(KernelTable(peakGFLOPS: peak, repeats: repeats, showsAVX2: numpyAVX2 != nil, rows: rows).rendered())
    }

    static func readNumPy(_ path: String) -> [String: Double] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            FileHandle.standardError.write(Data("qe-kernel-bench: cannot read \(path)\n".utf8))
            exit(66)
        }
        return NumPyResults.parse(text)
    }

    static func usage() -> Never {
        FileHandle.standardError.write(Data("""
            usage: qe-kernel-bench [--repeats N] [--numpy FILE] [--numpy-avx2 FILE] [--workload NAME]...
                   qe-kernel-bench --list

            """.utf8))
        exit(64)
    }
}
