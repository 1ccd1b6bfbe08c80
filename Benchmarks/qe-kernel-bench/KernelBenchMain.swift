import Foundation
import QEKernels

/// Kernel timings for `scripts/bench/kernels.sh`. Not a test: it measures, it asserts nothing.
/// Build in release.
///
///     qe-kernel-bench [--repeats N] [--clock wall|thread] [--isa preferred|all|avx2|avx512]
///                     [--numpy FILE] [--numpy-avx2 FILE] [--workload NAME]... [--variant NAME]...
///     qe-kernel-bench --profile N [--isa ...] [--workload NAME]... [--variant NAME]...
///     qe-kernel-bench --list
///
/// Measures the single-core FMA peak of each instruction set timed (`FMAPeak`, before and after
/// the kernels), each kernel variant on each shape (`BenchmarkShape.all`: the catalogue's
/// workloads, then dim 64 at seqLen 1024–8192) on each of those instruction sets (median of N
/// calls after 3 warm-up calls, one thread), and prints one table. `--clock` chooses the clock
/// (`BenchmarkClock`: elapsed time by default, or the thread's CPU time on a shared machine).
/// `--isa` chooses the kernel paths: `preferred` (the default: what `qe-validate run` uses,
/// `KernelISA.preferred`, so `QE_KERNELS_ISA=avx2` applies), `all` (every path this CPU supports),
/// or one path.
/// With `--numpy FILE`, NumPy's GFLOP/s per shape are read from FILE (lines
/// `workload=NAME gflops=X`, as `scripts/bench/numpy_attention.py` prints) and shown beside them;
/// `--numpy-avx2 FILE` adds a second NumPy column (NumPy and OpenBLAS forced to AVX2 code).
/// `--workload` and `--variant` restrict the table (for profiling one kernel).
/// `--list` prints the shapes as `NAME:SEQLEN:DIM` words, the NumPy script's arguments.
/// `--profile N` makes each selected kernel and calls it N times, untimed and without the peak
/// loops, for an instruction-level profiler (`valgrind --tool=callgrind`, which runs only the
/// AVX2 path: it does not emulate AVX-512).
@main
struct KernelBenchMain {
    static func main() {
        var repeats = 15
        var clock = BenchmarkClock.wall
        var profileCalls: Int?
        var isas = [KernelISA.preferred]
        var numpyFile: String?
        var numpyAVX2File: String?
        var names: [String] = []
        var variants: [KernelVariant] = []
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            switch argument {
            case "--repeats":
                guard let value = arguments.popFirst().flatMap(Int.init), value > 0 else { usage() }
                repeats = value
            case "--clock":
                guard let value = arguments.popFirst().flatMap(BenchmarkClock.init(rawValue:)) else { usage() }
                clock = value
            case "--profile":
                guard let value = arguments.popFirst().flatMap(Int.init), value > 0 else { usage() }
                profileCalls = value
            case "--isa":
                switch arguments.popFirst() {
                case "preferred": isas = [.preferred]
                case "all": isas = KernelISA.supported
                case let name?:
                    guard let isa = KernelISA(rawValue: name) else { usage() }
                    guard isa.isSupported else { fail("this CPU does not support \(isa)") }
                    isas = [isa]
                case nil: usage()
                }
            case "--numpy":
                guard let value = arguments.popFirst() else { usage() }
                numpyFile = value
            case "--numpy-avx2":
                guard let value = arguments.popFirst() else { usage() }
                numpyAVX2File = value
            case "--list":
                print(BenchmarkShape.all.map { "\($0.name):\($0.seqLen):\($0.dim)" }.joined(separator: " "))
                return
            case "--workload":
                guard let value = arguments.popFirst() else { usage() }
                names.append(value)
            case "--variant":
                guard let variant = arguments.popFirst().flatMap(KernelVariant.init(rawValue:)) else { usage() }
                variants.append(variant)
            default:
                usage()
            }
        }
        let shapes = BenchmarkShape.all.filter { names.isEmpty || names.contains($0.name) }
        guard !shapes.isEmpty else { usage() }
        let selectedVariants = variants.isEmpty ? KernelVariant.allCases : variants
        if let profileCalls {
            for shape in shapes {
                for isa in isas {
                    for variant in selectedVariants {
                        KernelTiming.run(shape, variant, isa: isa, calls: profileCalls)
                    }
                }
            }
            return
        }
        let numpy = numpyFile.map(readNumPy) ?? [:]
        let numpyAVX2 = numpyAVX2File.map(readNumPy)

        // The peak before and after the kernels (the larger is reported): clock boost on this
        // kind of machine moves with the load on the other cores.
        let peakBefore = isas.map { FMAPeak.measure($0, clock: clock) }
        var rows: [KernelTable.Row] = []
        for shape in shapes {
            for isa in isas {
                let timings = selectedVariants.map {
                    KernelTiming.measure(shape, $0, isa: isa, warmUp: 3, repeats: repeats, clock: clock)
                }
                rows.append(KernelTable.Row(shape: shape, isa: isa, timings: timings,
                                            numpyGFLOPS: numpy[shape.name], numpyAVX2GFLOPS: numpyAVX2?[shape.name]))
            }
        }
        var peaks: [KernelISA: Double] = [:]
        for (isa, before) in zip(isas, peakBefore) {
            peaks[isa] = max(before, FMAPeak.measure(isa, clock: clock))
        }
        print(KernelTable(peakGFLOPS: peaks, repeats: repeats, clock: clock, showsAVX2: numpyAVX2 != nil, rows: rows).rendered())
    }

    static func readNumPy(_ path: String) -> [String: Double] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            fail("cannot read \(path)", status: 66)
        }
        return NumPyResults.parse(text)
    }

    static func fail(_ message: String, status: Int32 = 69) -> Never {
        FileHandle.standardError.write(Data("qe-kernel-bench: \(message)\n".utf8))
        exit(status)
    }

    static func usage() -> Never {
        FileHandle.standardError.write(Data("""
            usage: qe-kernel-bench [--repeats N] [--clock wall|thread] [--isa preferred|all|avx2|avx512]
                                   [--numpy FILE] [--numpy-avx2 FILE] [--workload NAME]... [--variant NAME]...
                   qe-kernel-bench --profile N [--isa ...] [--workload NAME]... [--variant NAME]...
                   qe-kernel-bench --list

            """.utf8))
        exit(64)
    }
}
