/// The AVX-512 body of QEKernels' `FlashAttention`: the same streaming algorithm (key/value
/// tiles, online softmax in base 2, the rescale fused into the micro-kernel's store) on the
/// 12 × 32 `PanelMicroKernel`.
///
/// For each block of `tileRows` query rows and each tile of `tileColumns` keys:
/// 1. S_tile = Q_block·K_tileᵀ·(log₂e/√dim), the depth split into blocks of
///    `PanelProduct.depthBlock` (256), Q_block copied once per block, depth block by depth block,
///    at the padded row stride `PanelPacking.blockRowStride` (272 floats);
/// 2. per row: m′ = max(m, max S_tile), P = 2^(S_tile − m′), ℓ ← ℓ·2^(m − m′) + ΣP;
/// 3. O_block ← 2^(m − m′)·O_block + P·V_tile, the strips of the score tile read in place.
/// At the end each output row is divided by ℓ.
///
/// Tile sizes, for a 48 KiB L1 and a 1 MiB L2 per core (Zen 5; Zen 4 and Skylake-SP have a
/// 32 KiB L1 and 1 MiB L2). The 512-bit micro-kernel does twice the work per cycle of the AVX2
/// one, so every byte brought into a cache must feed twice the flops:
/// - `tileRows` = 96 (eight 12-row strips, twice the AVX2 path's 48): K and V pass through the
///   cache once per query block, 2·seqLen·dim·4 bytes for 4·96·seqLen·dim flops (48 flops per
///   byte: at 250 GFLOP/s about 5 GB/s from L3). The copied Q block (96 × 272 floats per depth
///   block, 408 KiB at dim 1024) and the block's output rows (96 × dim floats, 384 KiB) share L2.
///   48 and 72 rows measured the same at dim 1024; 96 was up to 4% faster at dim 768.
/// - `tileColumns` = 128 keys (four 32-key panels, as the AVX2 path): V_tile's 32-wide
///   micro-panel (128 × 32 floats = 16 KiB) is reused from L1 by all eight strips, each strip of
///   the score tile (12 × 128 floats = 6 KiB) is read in place (rows 512 bytes apart: at most
///   two of twelve share an L1 set), and the rescale of O (a load and a store per output value
///   per tile) is amortised over 128 FMAs per value. 256 keys measured 1–2.5% faster on the catalogue, but
///   its 96 KiB score tile would make flash's own buffers larger than the baseline's score matrix
///   at seqLen 128, and the harness compares the two kernels' memory.
/// - Q·Kᵀ: the K micro-panel of one depth block (256 × 32 floats = 32 KiB) is reused from L1 by
///   the eight Q strips (12 rows × 256 floats = 12 KiB each, from L2).
enum FlashAttention {
    /// Key/value rows per tile (Bc); a multiple of `PanelMicroKernel.columns`.
    static let tileColumns = 128
    /// Query rows per block (Br); a multiple of `PanelMicroKernel.rows`.
    static let tileRows = 96

    /// Where each buffer lives in the workspace (offsets in floats, each a multiple of 16, so
    /// every buffer starts on a cache line when the workspace does).
    struct Layout {
        let packedKeys: Int
        let packedValues: Int
        let packedQuery: Int
        let tile: Int
        let rowState: Int
        let count: Int

        init(seqLen: Int, dim: Int) {
            var offset = 0
            func take(_ floats: Int) -> Int {
                defer { offset += PanelPacking.roundUp(floats, 16) }
                return offset
            }
            packedKeys = take(PanelPacking.keyCount(seqLen: seqLen, dim: dim))
            packedValues = take(PanelPacking.valueCount(seqLen: seqLen, dim: dim))
            packedQuery = take(queryBlockCount(dim: dim))
            tile = take(FlashAttention.tileRows * FlashAttention.tileColumns)
            rowState = take(3 * FlashAttention.tileRows)
            count = offset
        }
    }

    /// Floats of the copied query block: ⌈dim/256⌉ depth blocks of `tileRows` rows at
    /// `PanelPacking.blockRowStride` (96 · 272 floats each).
    static func queryBlockCount(dim: Int) -> Int {
        (dim + PanelProduct.depthBlock - 1) / PanelProduct.depthBlock * tileRows * PanelPacking.blockRowStride
    }

    static func compute(
        query: UnsafePointer<Float>, key: UnsafePointer<Float>, value: UnsafePointer<Float>,
        seqLen n: Int, dim d: Int, workspace: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>
    ) {
        let layout = Layout(seqLen: n, dim: d)
        PanelPacking.packKeys(key, seqLen: n, dim: d, into: workspace + layout.packedKeys)
        PanelPacking.packValues(value, seqLen: n, dim: d, into: workspace + layout.packedValues)
        var blockStart = 0
        while blockStart < n {
            let blockRows = min(tileRows, n - blockStart)
            attendBlock(query: query + blockStart * d, rows: blockRows, seqLen: n, dim: d,
                        workspace: workspace, layout: layout, output: output + blockStart * d)
            blockStart += blockRows
        }
    }

    /// Attention of `rows` ≤ `tileRows` query rows against every key, written to their output rows.
    private static func attendBlock(
        query: UnsafePointer<Float>, rows: Int, seqLen n: Int, dim d: Int,
        workspace: UnsafeMutablePointer<Float>, layout: Layout, output: UnsafeMutablePointer<Float>
    ) {
        let keys = UnsafePointer(workspace + layout.packedKeys)
        let values = UnsafePointer(workspace + layout.packedValues)
        let packedQuery = workspace + layout.packedQuery
        let tile = workspace + layout.tile
        let tileStride = tileColumns
        let runningMax = workspace + layout.rowState
        let runningSum = runningMax + tileRows
        let rescale = runningMax + 2 * tileRows
        let panelWidth = PanelMicroKernel.columns
        let stripRows = PanelMicroKernel.rows
        let alpha = Float(1.4426950408889634 / Double(d).squareRoot())
        // Q_block, depth block by depth block, at the padded row stride.
        var copyStart = 0
        while copyStart < d {
            PanelPacking.copyRows(query + copyStart, rowStride: d, rows: rows, depth: min(PanelProduct.depthBlock, d - copyStart),
                                  into: packedQuery + copyStart / PanelProduct.depthBlock * tileRows * PanelPacking.blockRowStride)
            copyStart += PanelProduct.depthBlock
        }
        for r in 0..<rows {
            runningMax[r] = -.infinity
            runningSum[r] = 0
        }
        var keyStart = 0
        while keyStart < n {
            let tileKeys = min(tileColumns, n - keyStart)
            // 1. S_tile = Q_block·K_tileᵀ·α, depth-blocked; whole panels (padding keys score 0).
            var depthStart = 0
            while depthStart < d {
                let depthCount = min(PanelProduct.depthBlock, d - depthStart)
                let update: PanelMicroKernel.Update = depthStart == 0 ? .overwrite : .accumulate
                let queryBlock = packedQuery + depthStart / PanelProduct.depthBlock * tileRows * PanelPacking.blockRowStride
                var column = 0
                while column < tileKeys {
                    let panel = keys + (keyStart + column) * d + depthStart * panelWidth
                    var row = 0
                    while row < rows {
                        PanelMicroKernel.multiply(
                            blockA: queryBlock + row * PanelPacking.blockRowStride, rows: min(stripRows, rows - row),
                            b: panel, depth: depthCount,
                            c: tile + row * tileStride + column, cRowStride: tileStride,
                            columns: panelWidth, alpha: alpha, update: update,
                            // The first strip prefetches the next panel (`PanelMicroKernel`).
                            prefetch: row == 0 ? panel + panelWidth * d : panel)
                        row += stripRows
                    }
                    column += panelWidth
                }
                depthStart += depthCount
            }
            // 2. Online softmax over the tile's real keys.
            for r in 0..<rows {
                let scores = tile + r * tileStride
                let newMax = max(runningMax[r], RowSoftmax.maximum(scores, count: tileKeys))
                let factor = VectorExp2.evaluate(runningMax[r] - newMax)
                let sum = RowSoftmax.exponentiate(scores, count: tileKeys, shift: newMax)
                runningSum[r] = runningSum[r] * factor + sum
                runningMax[r] = newMax
                rescale[r] = factor
            }
            // 3. O_block = rescale·O_block + P·V_tile (the first tile overwrites). The strips of
            // the score tile are read in place (rows 512 bytes apart: at most two of a strip's
            // twelve rows share an L1 set).
            let firstTile = keyStart == 0
            var column = 0
            while column < d {
                let panel = values + column * n + keyStart * panelWidth
                let panelColumns = min(panelWidth, d - column)
                var row = 0
                while row < rows {
                    let update: PanelMicroKernel.Update = firstTile ? .overwrite : .rescale(UnsafePointer(rescale + row))
                    PanelMicroKernel.multiply(
                        tileA: tile + row * tileStride, rows: min(stripRows, rows - row),
                        b: panel, depth: tileKeys,
                        c: output + row * d + column, cRowStride: d,
                        columns: panelColumns, update: update,
                        // The first strip prefetches the next panel (`PanelMicroKernel`).
                        prefetch: row == 0 ? panel + panelWidth * n : panel)
                    row += stripRows
                }
                column += panelWidth
            }
            keyStart += tileKeys
        }
        for r in 0..<rows {
            RowSoftmax.scale(output + r * d, count: d, by: 1 / runningSum[r])
        }
    }
}
