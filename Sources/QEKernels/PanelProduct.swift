/// A cache-blocked matrix product C = α·A·B over `PanelMicroKernel`, with A row-major (copied
/// here, block by block, to a padded row stride) and B packed in 16-wide panels (`PanelPacking`).
/// The baseline kernel runs it twice: S = Q·Kᵀ and O = P·V.
///
/// Loop order (GotoBLAS, Goto & van de Geijn 2008, "Anatomy of high-performance matrix
/// multiplication"): depth blocks of `depthBlock`, then row blocks of `rowBlock` (each copied by
/// `PanelPacking.copyRows`), then the panels of B, then the micro-kernel's 6-row strips.
///
/// Tile sizes:
/// - `depthBlock` = 256: one B micro-panel is 256 × 16 floats = 16 KiB and one A strip 256 × 6
///   floats = 6 KiB, so both stay in a 32–48 KiB L1 data cache while the strip loop reuses the
///   micro-panel `rowBlock`/6 times. Longer depths are summed block by block into C.
/// - `rowBlock` = 96 rows: the copied A block (96 × 272 floats = 102 KiB) stays in L2 (≥ 256 KiB
///   per core on Haswell through Zen 5) while every panel of B passes by, so each B micro-panel
///   is fetched from L3 once per row block and used 16 times from L1.
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
    ///   - packedB: ⌈columns/16⌉ panels, panel q at `packedB + q·depth·16`, each `depth` rows of 16.
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
