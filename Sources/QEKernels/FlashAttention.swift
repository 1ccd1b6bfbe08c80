internal import QEKernelsAVX512

/// Attention that streams key/value tiles with an online softmax (a running maximum and sum per
/// query row, rescaling the partial output when the maximum grows), so the full
/// seqLen × seqLen score matrix is never held.
///
/// Reference: Dao et al. (2022), "FlashAttention: Fast and Memory-Efficient Exact Attention
/// with IO-Awareness"; Milakov & Gimelshein (2018), "Online normalizer calculation for softmax".
///
/// Method: K and V are packed into panels (`PanelPacking`). For each block of `tileRows` query
/// rows and each tile of `tileColumns` keys:
/// 1. S_tile = Q_block·K_tileᵀ·(log₂e/√dim) with the register-blocked micro-kernel, the depth
///    (dim) split into blocks of `PanelProduct.depthBlock` (256) so A strips and B micro-panels
///    stay in L1, Q_block copied once per block, depth block by depth block, at the padded row
///    stride `PanelPacking.blockRowStride` (272 floats);
/// 2. per row: m′ = max(m, max S_tile), P = 2^(S_tile − m′), ℓ ← ℓ·2^(m − m′) + ΣP;
/// 3. O_block ← 2^(m − m′)·O_block + P·V_tile, the rescale fused into the micro-kernel's store.
/// At the end each output row is divided by ℓ. The output rows themselves hold the running O,
/// so the kernel's own buffers are the packed K and V, one copied query block, one score tile
/// and three floats a row.
///
/// Two implementations, chosen by `isa` (`KernelISA`): `avx2`, this class's own code on the
/// 6 × 16 `PanelMicroKernel` (`SIMD8<Float>`); `avx512`, `QEKernelsAVX512`'s on a 12 × 32
/// `SIMD16<Float>` micro-kernel.
///
/// Tile sizes, AVX2 (`tileRows` × `tileColumns` = 48 × 128, 16-wide panels):
/// - `tileRows` = 48 (eight 6-row strips): K and V pass through the cache once per query block,
///   2·seqLen·dim·4 bytes for 4·48·seqLen·dim flops (24 flops per byte; the next panel is
///   prefetched while the current one is used, see `PanelMicroKernel`), while the block's output
///   rows (48 × dim floats, 192 KiB at dim 1024) and its copied Q (48 × 272 floats per depth
///   block, 204 KiB at dim 1024) stay in L2. 24 and 72 rows measured the same within the noise
///   of the shared machine (Intel Xeon, AVX2 path forced); with 96 rows P·V took 33.5 ms
///   instead of 30.8 at dim 1024 (measured before the prefetch; a 48 KiB score tile no longer
///   fits L1 beside the V panel).
/// - `tileColumns` = 128 keys: the score tile is 48 × 128 floats = 24 KiB, in L1 for the
///   softmax pass and as the A operand of P·V; the rescale-and-store of O (a load and a store
///   per output value) is amortised over 128 FMAs per value; V_tile's 16-wide micro-panel is
///   128 × 16 floats = 8 KiB in L1, reused by all eight strips. (256 keys: the softmax pass
///   25% cheaper, the whole call no faster at dim 1024 or 64.)
///
/// Tile sizes, AVX-512 (96 × 128, 32-wide panels; see `QEKernelsAVX512`'s `FlashAttention` for
/// the measurements behind them). The 512-bit micro-kernel does twice the work per cycle, so each
/// byte brought into a cache must feed twice the flops:
/// - 96 query rows (eight 12-row strips): 48 flops per byte of K and V streamed per block; the
///   block's Q, copied per depth block at a padded row stride (so twelve rows 4 KiB apart do not
///   share L1 sets), and its output rows take about 400 KiB each at dim 1024 in a 1 MiB L2.
/// - 128 keys: V_tile's 32-wide micro-panel (128 × 32 floats = 16 KiB) sits in L1, reused by all
///   eight strips; in Q·Kᵀ a depth block of K's micro-panel (256 × 32 floats = 32 KiB) is reused
///   from L1 by the eight Q strips. (256 keys were 1–2.5% faster but made flash's own buffers
///   larger than the baseline's score matrix at seqLen 128.)
///
/// - Complexity: 4·seqLen²·dim flops and seqLen² exponentials, as the baseline; memory
///   O(seqLen·dim) — no term in seqLen².
public final class FlashAttention: AttentionKernel {
    public let seqLen: Int
    public let dim: Int
    public let isa: KernelISA
    public var variant: KernelVariant { .flash }
    /// Key/value rows per tile (Bc) of the AVX2 path; a multiple of `PanelMicroKernel.columns`.
    /// (The AVX-512 path's tile is 96 × 128; see the type's documentation.)
    public static let tileColumns = 128
    /// Query rows per block (Br) of the AVX2 path; a multiple of `PanelMicroKernel.rows`.
    public static let tileRows = 48
    // AVX2 buffers (empty on the AVX-512 path).
    private let packedKeys: AlignedFloats
    private let packedValues: AlignedFloats
    /// The block's query rows, ⌈dim/256⌉ depth blocks of `tileRows` rows at the padded row stride.
    private let packedQuery: AlignedFloats
    /// One tile of scores (then probabilities): `tileRows` × `tileColumns`, row-major.
    private let tileScores: AlignedFloats
    /// Per query row of the block: running maximum, running sum, and this tile's rescale factor.
    private let rowState: AlignedFloats
    /// Every buffer of the AVX-512 path, laid out by `QEKernelsAVX512` (empty on the AVX2 path).
    private let workspace: AlignedFloats

    /// A kernel for one shape on `isa`, which must be supported (`KernelISA.isSupported`).
    public init(seqLen: Int, dim: Int, isa: KernelISA = .preferred) {
        precondition(seqLen >= 1 && dim >= 1, "seqLen and dim must be positive")
        precondition(isa.isSupported, "this CPU does not support \(isa)")
        self.seqLen = seqLen
        self.dim = dim
        self.isa = isa
        switch isa {
        case .avx2:
            packedKeys = AlignedFloats(count: PanelPacking.keyCount(seqLen: seqLen, dim: dim))
            packedValues = AlignedFloats(count: PanelPacking.valueCount(seqLen: seqLen, dim: dim))
            packedQuery = AlignedFloats(count: Self.queryBlockCount(dim: dim))
            tileScores = AlignedFloats(count: Self.tileRows * Self.tileColumns)
            rowState = AlignedFloats(count: 3 * Self.tileRows)
            workspace = AlignedFloats(count: 0)
        case .avx512:
            packedKeys = AlignedFloats(count: 0)
            packedValues = AlignedFloats(count: 0)
            packedQuery = AlignedFloats(count: 0)
            tileScores = AlignedFloats(count: 0)
            rowState = AlignedFloats(count: 0)
            workspace = AlignedFloats(count: AVX512Attention.flashWorkspaceCount(seqLen: seqLen, dim: dim))
        }
    }

    /// 4·seqLen·dim floats for Q, K, V and the output, plus the packed Kᵀ, the packed V, the
    /// copied query block, the score tile and the row state, times 4 bytes:
    /// - AVX2: 4·(4·n·d + ⌈n/16⌉·16·d + ⌈d/16⌉·16·n + ⌈d/256⌉·48·272 + 48·128 + 3·48);
    /// - AVX-512: 4·(4·n·d + ⌈n/32⌉·32·d + ⌈d/32⌉·32·n + ⌈d/256⌉·96·272 + 96·128 + 3·96).
    public var workingSetBytes: Int {
        4 * seqLen * dim * MemoryLayout<Float>.stride
            + packedKeys.byteCount + packedValues.byteCount + packedQuery.byteCount + tileScores.byteCount
            + rowState.byteCount + workspace.byteCount
    }

    /// The `workingSetBytes` a kernel of this shape on `isa` has, without making it.
    public static func workingSetBytes(seqLen: Int, dim: Int, isa: KernelISA) -> Int {
        let floats: Int
        switch isa {
        case .avx2:
            floats = PanelPacking.keyCount(seqLen: seqLen, dim: dim) + PanelPacking.valueCount(seqLen: seqLen, dim: dim)
                + queryBlockCount(dim: dim) + tileRows * tileColumns + 3 * tileRows
        case .avx512:
            floats = AVX512Attention.flashWorkspaceCount(seqLen: seqLen, dim: dim)
        }
        return (4 * seqLen * dim + floats) * MemoryLayout<Float>.stride
    }

    /// Floats of the AVX2 path's copied query block: ⌈dim/256⌉ depth blocks of `tileRows` rows at
    /// `PanelPacking.blockRowStride` (48 · 272 floats each).
    private static func queryBlockCount(dim: Int) -> Int {
        (dim + PanelProduct.depthBlock - 1) / PanelProduct.depthBlock * tileRows * PanelPacking.blockRowStride
    }

    public func compute(_ inputs: AttentionInputs, into output: UnsafeMutableBufferPointer<Float>) {
        precondition(inputs.seqLen == seqLen && inputs.dim == dim && output.count >= seqLen * dim, "shape mismatch")
        guard let out = output.baseAddress else { return }
        switch isa {
        case .avx2: computeAVX2(inputs, into: out)
        case .avx512: computeAVX512(inputs, into: out)
        }
    }

    private func computeAVX512(_ inputs: AttentionInputs, into out: UnsafeMutablePointer<Float>) {
        let workspace = workspace.base
        inputs.withBasePointers { query, key, value in
            AVX512Attention.flash(query: query, key: key, value: value, seqLen: seqLen, dim: dim,
                                  workspace: workspace, output: out)
        }
    }

    private func computeAVX2(_ inputs: AttentionInputs, into out: UnsafeMutablePointer<Float>) {
        let n = seqLen
        let d = dim
        let keys = packedKeys.base
        let values = packedValues.base
        inputs.key.withUnsafeBufferPointer { k in
            inputs.value.withUnsafeBufferPointer { v in
                guard let kBase = k.baseAddress, let vBase = v.baseAddress else { return }
                PanelPacking.packKeys(kBase, seqLen: n, dim: d, into: keys)
                PanelPacking.packValues(vBase, seqLen: n, dim: d, into: values)
            }
        }
        inputs.query.withUnsafeBufferPointer { q in
            guard let qBase = q.baseAddress else { return }
            var blockStart = 0
            while blockStart < n {
                let blockRows = min(Self.tileRows, n - blockStart)
                attendBlock(query: qBase + blockStart * d, rows: blockRows, output: out + blockStart * d)
                blockStart += blockRows
            }
        }
    }

    /// Attention of `rows` ≤ `tileRows` query rows against every key, written to their output rows.
    private func attendBlock(query: UnsafePointer<Float>, rows: Int, output: UnsafeMutablePointer<Float>) {
        let n = seqLen
        let d = dim
        let keys = packedKeys.base
        let values = packedValues.base
        let queryCopy = packedQuery.base
        let tile = tileScores.base
        let tileStride = Self.tileColumns
        let runningMax = rowState.base
        let runningSum = rowState.base + Self.tileRows
        let rescale = rowState.base + 2 * Self.tileRows
        let panelWidth = PanelMicroKernel.columns
        let stripRows = PanelMicroKernel.rows
        let alpha = Float(1.4426950408889634 / Double(d).squareRoot())
        let queryBlockStride = Self.tileRows * PanelPacking.blockRowStride
        // Q_block, depth block by depth block, at the padded row stride.
        var copyStart = 0
        while copyStart < d {
            PanelPacking.copyRows(query + copyStart, rowStride: d, rows: rows, depth: min(PanelProduct.depthBlock, d - copyStart),
                                  into: queryCopy + copyStart / PanelProduct.depthBlock * queryBlockStride)
            copyStart += PanelProduct.depthBlock
        }
        for r in 0..<rows {
            runningMax[r] = -.infinity
            runningSum[r] = 0
        }
        var keyStart = 0
        while keyStart < n {
            let tileKeys = min(Self.tileColumns, n - keyStart)
            // 1. S_tile = Q_block·K_tileᵀ·α, depth-blocked; whole panels (padding keys score 0).
            var depthStart = 0
            while depthStart < d {
                let depthCount = min(PanelProduct.depthBlock, d - depthStart)
                let update: PanelMicroKernel.Update = depthStart == 0 ? .overwrite : .accumulate
                let queryBlock = queryCopy + depthStart / PanelProduct.depthBlock * queryBlockStride
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
            // 3. O_block = rescale·O_block + P·V_tile (the first tile overwrites).
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
