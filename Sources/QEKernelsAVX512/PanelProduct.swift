/// A cache-blocked matrix product C = α·A·B over the 12 × 32 `PanelMicroKernel`, with A
/// row-major (copied here, block by block, to a padded row stride) and B packed in 32-wide
/// panels. The AVX-512 baseline
/// runs it twice: S = Q·Kᵀ and O = P·V.
///
/// Loop order (GotoBLAS, Goto & van de Geijn 2008): depth blocks of `depthBlock`, then row
/// blocks of `rowBlock` (each copied by `PanelPacking.copyRows`), then the panels of B, then
/// the 12-row strips.
///
/// Tile sizes, for a 32–48 KiB L1 and a 1–2 MiB L2 per core (Skylake-SP to Zen 5):
/// - `depthBlock` = 256: one B micro-panel is 256 × 32 floats = 32 KiB, read from L1 by every
///   strip of the row block (with 48 KiB of L1 it stays; with 32 KiB most of it does, and the
///   rest streams from L2 with the prefetcher's help), and one A strip is 12 rows of 256 floats
///   = 12 KiB.
/// - `rowBlock` = 96 rows (eight strips): the copied A block (96 × 272 floats = 102 KiB) stays in
///   L2 while every panel of B passes by, so each B micro-panel is fetched from L3 once per row
///   block and used eight times from L1.
///
/// - Complexity: 2·m·n·depth flops; B is read ⌈m/96⌉ times, A copied once.
enum PanelProduct {
    /// Depth (contraction) block, KC.
    static let depthBlock = 256
    /// Row block of A and C, MC (a multiple of `PanelMicroKernel.rows`).
    static let rowBlock = 96
    /// Floats of the buffer `multiply` copies A blocks into.
    static let packedBlockCount = rowBlock * PanelPacking.blockRowStride

    /// C[rows × columns] = α·A[rows × depth]·B[depth × columns].
    /// - Parameters:
    ///   - a: row-major, row stride `aRowStride`.
    ///   - packedB: ⌈columns/32⌉ panels, panel q at `packedB + q·depth·32`, each `depth` rows of 32.
    ///   - c: row-major, row stride `cRowStride`; only `rows × columns` are written.
    ///   - packedBlock: `packedBlockCount` floats of scratch space.
    static func multiply(
        a: UnsafePointer<Float>, aRowStride: Int, rows: Int, depth: Int,
        packedB: UnsafePointer<Float>, columns: Int,
        c: UnsafeMutablePointer<Float>, cRowStride: Int, alpha: Float,
        packedBlock: UnsafeMutablePointer<Float>
    ) {
        let panelWidth = PanelMicroKernel.columns
        let stripRows = PanelMicroKernel.rows
        var depthStart = 0
        while depthStart < depth {
            let depthCount = min(depthBlock, depth - depthStart)
            let update: PanelMicroKernel.Update = depthStart == 0 ? .overwrite : .accumulate
            var blockStart = 0
            while blockStart < rows {
                let blockRows = min(rowBlock, rows - blockStart)
                PanelPacking.copyRows(a + blockStart * aRowStride + depthStart, rowStride: aRowStride,
                                      rows: blockRows, depth: depthCount, into: packedBlock)
                var columnStart = 0
                while columnStart < columns {
                    let panel = packedB + columnStart * depth + depthStart * panelWidth
                    let panelColumns = min(panelWidth, columns - columnStart)
                    var row = 0
                    while row < blockRows {
                        PanelMicroKernel.multiply(
                            blockA: packedBlock + row * PanelPacking.blockRowStride, rows: min(stripRows, blockRows - row),
                            b: panel, depth: depthCount,
                            c: c + (blockStart + row) * cRowStride + columnStart, cRowStride: cRowStride,
                            columns: panelColumns, alpha: alpha, update: update,
                            // The first strip prefetches the next panel (`PanelMicroKernel`).
                            prefetch: row == 0 ? panel + panelWidth * depth : panel)
                        row += stripRows
                    }
                    columnStart += panelWidth
                }
                blockStart += blockRows
            }
            depthStart += depthCount
        }
    }
}
