import Foundation
import QEKernels

/// The benchmark's one table: per workload, each kernel's GFLOP/s (4·seqLen²·dim / median
/// seconds) and % of the measured FMA peak, NumPy's GFLOP/s (and, if measured, NumPy's with
/// OpenBLAS's AVX2 kernel), flash / NumPy and flash / baseline.
struct KernelTable {
    struct Row {
        let workload: Workload
        let timings: [KernelTiming]
        let numpyGFLOPS: Double?
        let numpyAVX2GFLOPS: Double?
    }

    let peakGFLOPS: Double
    let repeats: Int
    let showsAVX2: Bool
    let rows: [Row]

    func rendered() -> String {
        var lines: [String] = []
        lines.append("single-core FP32 FMA peak (SIMD8<Float>, 12 chains): \(format(peakGFLOPS, 1)) GFLOP/s")
        lines.append("kernels: median of \(repeats) calls after 3 warm-up calls, one thread; GFLOP/s = 4·seqLen²·dim / s")
        lines.append("")
        var header = ["workload", "seqLen", "dim", "baseline GFLOP/s", "% peak", "flash GFLOP/s", "% peak",
                      "NumPy GFLOP/s", "flash/NumPy"]
        if showsAVX2 { header += ["NumPy AVX2 GFLOP/s", "flash/NumPy AVX2"] }
        header.append("flash/baseline")
        var table = [header]
        for row in rows {
            let baseline = row.timings.first { $0.variant == .baseline }
            let flash = row.timings.first { $0.variant == .flash }
            var cells = [row.workload.name, String(row.workload.seqLen), String(row.workload.dim)]
            for timing in [baseline, flash] {
                if let timing {
                    cells += [format(timing.gflops, 1), format(100 * timing.gflops / peakGFLOPS, 0) + "%"]
                } else {
                    cells += ["-", "-"]
                }
            }
            cells.append(row.numpyGFLOPS.map { format($0, 1) } ?? "-")
            if let numpy = row.numpyGFLOPS, let flash {
                cells.append(format(flash.gflops / numpy, 2) + "x")
            } else {
                cells.append("-")
            }
            if showsAVX2 {
                cells.append(row.numpyAVX2GFLOPS.map { format($0, 1) } ?? "-")
                if let numpy = row.numpyAVX2GFLOPS, let flash {
                    cells.append(format(flash.gflops / numpy, 2) + "x")
                } else {
                    cells.append("-")
                }
            }
            if let flash, let baseline {
                cells.append(format(flash.gflops / baseline.gflops, 2) + "x")
            } else {
                cells.append("-")
            }
            table.append(cells)
        }
        let widths = (0..<header.count).map { column in table.map { $0[column].count }.max() ?? 0 }
        for (index, cells) in table.enumerated() {
            let padded = cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }
            lines.append(padded.joined(separator: "  "))
            if index == 0 {
                lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
            }
        }
        return lines.joined(separator: "\n")
    }

    private func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
