import Foundation
import QEKernels

/// The benchmark's one table: per shape and kernel path (instruction set), each kernel's
/// GFLOP/s (4·seqLen²·dim / median seconds) and % of the measured FMA peak of the instruction
/// set it ran on, NumPy's GFLOP/s (and, if measured, NumPy's with OpenBLAS's AVX2 kernel),
/// flash / NumPy and flash / baseline.
struct KernelTable {
    struct Row {
        let shape: BenchmarkShape
        let isa: KernelISA
        let timings: [KernelTiming]
        let numpyGFLOPS: Double?
        let numpyAVX2GFLOPS: Double?
    }

    let peakGFLOPS: [KernelISA: Double]
    let repeats: Int
    let clock: BenchmarkClock
    let showsAVX2: Bool
    let rows: [Row]

    func rendered() -> String {
        var lines: [String] = []
        for isa in KernelISA.allCases {
            guard let peak = peakGFLOPS[isa] else { continue }
            let chains = isa == .avx512 ? "SIMD16<Float>, zmm" : "SIMD8<Float>, ymm"
            lines.append("single-core FP32 FMA peak, \(isa) (\(chains), 12 chains): \(format(peak, 1)) GFLOP/s")
        }
        let clockName = clock == .wall ? "elapsed time" : "the thread's CPU time"
        lines.append("kernels: median of \(repeats) calls after 3 warm-up calls, one thread, timed by \(clockName); GFLOP/s = 4·seqLen²·dim / s;")
        lines.append("path: the instruction set each kernel ran on; % peak: of that instruction set's peak")
        lines.append("")
        var header = ["shape", "seqLen", "dim", "path", "baseline GFLOP/s", "% peak", "flash GFLOP/s", "% peak",
                      "NumPy GFLOP/s", "flash/NumPy"]
        if showsAVX2 { header += ["NumPy AVX2 GFLOP/s", "flash/NumPy AVX2"] }
        header.append("flash/baseline")
        var table = [header]
        for row in rows {
            let baseline = row.timings.first { $0.variant == .baseline }
            let flash = row.timings.first { $0.variant == .flash }
            // The path the kernels report (the same for both in a row, as they were made so).
            let path = Set(row.timings.map(\.isa)).map(\.rawValue).sorted().joined(separator: "+")
            var cells = [row.shape.name, String(row.shape.seqLen), String(row.shape.dim), path]
            for timing in [baseline, flash] {
                if let timing, let peak = peakGFLOPS[timing.isa] {
                    cells += [format(timing.gflops, 1), format(100 * timing.gflops / peak, 0) + "%"]
                } else {
                    cells += ["-", "-"]
                }
            }
            cells.append(row.numpyGFLOPS.map { format($0, 1) } ?? "-")
            cells.append(ratio(flash?.gflops, row.numpyGFLOPS))
            if showsAVX2 {
                cells.append(row.numpyAVX2GFLOPS.map { format($0, 1) } ?? "-")
                cells.append(ratio(flash?.gflops, row.numpyAVX2GFLOPS))
            }
            cells.append(ratio(flash?.gflops, baseline?.gflops))
            table.append(cells)
        }
        let widths = (0..<header.count).map { column in table.map { $0[column].count }.max() ?? 0 }
        for (index, cells) in table.enumerated() {
            let padded = cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 || column == 3 ? cell + padding : padding + cell
            }
            lines.append(padded.joined(separator: "  "))
            if index == 0 {
                lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
            }
        }
        return lines.joined(separator: "\n")
    }

    private func ratio(_ numerator: Double?, _ denominator: Double?) -> String {
        guard let numerator, let denominator else { return "-" }
        return format(numerator / denominator, 2) + "x"
    }

    private func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
