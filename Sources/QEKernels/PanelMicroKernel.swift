internal import CPrefetch

/// The register-blocked GEMM micro-kernel both attention kernels are built on:
/// C[6 × 16] ← α·A[6 × depth]·B[depth × 16] (+ β·C), with A read row-major at a constant row
/// stride (rows of a block copied by `PanelPacking.copyRows`, or of a flash score tile) and B
/// read from a packed panel (`depth` rows of 16 contiguous floats, see `PanelPacking`).
///
/// Method: the BLIS/GotoBLAS outer-product formulation. Each step p broadcasts A[r][p] for the six
/// rows and multiplies it by the two `SIMD8<Float>` halves of B's row p, adding into 6 × 2 = 12
/// vector accumulators. With `-target-cpu haswell` every `addingProduct` is one `vfmadd231ps` on
/// a 256-bit register and every broadcast one `vbroadcastss` from memory (a load, no arithmetic).
///
/// Why 6 × 16: AVX2 has 16 vector registers. Twelve accumulators, two B vectors and one broadcast
/// fill 15 of them without spilling, and twelve independent FMA chains cover the FMA latency
/// (4 cycles) times the two FMA pipes of current x86 cores (Haswell to Zen 5) with room to spare.
/// Each step loads 2 vectors and 6 scalars for 12 FMAs, well within the two or more loads per
/// cycle those cores sustain. This is the shape BLIS uses for Haswell `sgemm` (OpenBLAS's 16 × 6
/// is the same block for column-major C).
///
/// Why constant strides: the two entry points (`blockA`, `tileA`) are separate, non-inlined
/// functions whose A row stride is a constant, so the six broadcasts load from fixed
/// displacements of one pointer that advances by one float a step; the loop is then two B loads,
/// six broadcasts, twelve FMAs and three instructions of loop control.
///
/// Prefetching: a B panel used by a block's strips comes from L3 (or memory) for the first strip
/// and from L1 for the others, and the first strip's call stalled on it: with a 128-key V panel
/// (8 KiB) the core must bring 10 bytes a cycle, more than one core draws from L3 on current
/// server parts. So each call prefetches into L2 one line of the panel the caller names per step
/// (the caller passes the next panel in its loop order to its first strip, and `b` itself, already
/// in L1, to the others): the next panel arrives while the current one is computed. C rows that
/// are read (`accumulate`, `rescale`) are prefetched into L1 at the start of the call, a whole
/// call before the store reads them. Measured on code-embedding (1024 × 1024, AVX2 path): Q·Kᵀ
/// and P·V each went from about 30 to 27 ms. (`CPrefetch`: Swift has no prefetch instruction.)
///
/// Edges: all six rows of A are read whatever `rows` is (the callers' copied blocks and score
/// tiles hold whole strips, so the reads stay in bounds, and results of rows past `rows` are
/// discarded); only `rows` rows and `columns` columns of C are written, so C needs no padding.
///
/// - Complexity: 12·depth vector FMAs, 2·depth vector loads of B, 6·depth scalar loads of A,
///   depth prefetches.
enum PanelMicroKernel {
    /// Rows of C per call (MR).
    static let rows = 6
    /// Columns of C per call (NR): two `SIMD8<Float>` vectors.
    static let columns = 16

    /// What happens to the existing C.
    enum Update {
        /// C ← α·A·B; the old C is not read.
        case overwrite
        /// C ← C + α·A·B (a later block of the depth).
        case accumulate
        /// C ← β[r]·C + α·A·B, with β[r] at the pointer plus the strip row r (the online-softmax
        /// rescale; the caller offsets the pointer to the strip's first row).
        case rescale(UnsafePointer<Float>)
    }

    /// `multiply` with A in a block copied by `PanelPacking.copyRows` (A[r][p] at
    /// `a + r·PanelPacking.blockRowStride + p`); `prefetch` as in `multiply(a:…)`.
    @inline(never)
    static func multiply(
        blockA a: UnsafePointer<Float>, rows: Int, b: UnsafePointer<Float>, depth: Int,
        c: UnsafeMutablePointer<Float>, cRowStride: Int, columns: Int, alpha: Float, update: Update,
        prefetch: UnsafePointer<Float>
    ) {
        multiply(a: a, aRowStride: PanelPacking.blockRowStride, rows: rows, b: b, depth: depth,
                 c: c, cRowStride: cRowStride, columns: columns, alpha: alpha, update: update, prefetch: prefetch)
    }

    /// `multiply` with A in the rows of a flash score tile (A[r][p] at `a + r·tileColumns + p`,
    /// `FlashAttention.tileColumns` floats) and α = 1 (P·V); `prefetch` as in `multiply(a:…)`.
    @inline(never)
    static func multiply(
        tileA a: UnsafePointer<Float>, rows: Int, b: UnsafePointer<Float>, depth: Int,
        c: UnsafeMutablePointer<Float>, cRowStride: Int, columns: Int, update: Update,
        prefetch: UnsafePointer<Float>
    ) {
        multiply(a: a, aRowStride: FlashAttention.tileColumns, rows: rows, b: b, depth: depth,
                 c: c, cRowStride: cRowStride, columns: columns, alpha: 1, update: update, prefetch: prefetch)
    }

    /// One call: see the type's documentation.
    /// - Parameters:
    ///   - a: A[0][0]; A[r][p] is at `a + r·aRowStride + p` (the entry points pass constant
    ///     strides, so the addresses fold into the instructions' displacements).
    ///   - rows: valid rows of C, 1...6; all 6 rows of A must be readable.
    ///   - b: a packed panel, `depth` rows of 16 floats.
    ///   - c: C[0][0]; row r starts at `c + r·cRowStride`.
    ///   - columns: valid columns of C, 1...16.
    ///   - prefetch: `depth` cache lines from here are prefetched into L2, one per step (the next
    ///     B panel, or `b` for none). Prefetches never fault, so C rows past `rows` and lines past
    ///     the end of a buffer may be named.
    @inline(always)
    private static func multiply(
        a: UnsafePointer<Float>, aRowStride: Int, rows: Int,
        b: UnsafePointer<Float>, depth: Int,
        c: UnsafeMutablePointer<Float>, cRowStride: Int, columns: Int,
        alpha: Float, update: Update, prefetch: UnsafePointer<Float>
    ) {
        switch update {
        case .overwrite: break
        case .accumulate, .rescale:
            for r in 0..<6 {
                qe_prefetch_l1(c + r * cRowStride)
                qe_prefetch_l1(c + r * cRowStride + 8)
            }
        }
        var prefetchRaw = UnsafeRawPointer(prefetch)
        var c00 = SIMD8<Float>(), c01 = SIMD8<Float>()
        var c10 = SIMD8<Float>(), c11 = SIMD8<Float>()
        var c20 = SIMD8<Float>(), c21 = SIMD8<Float>()
        var c30 = SIMD8<Float>(), c31 = SIMD8<Float>()
        var c40 = SIMD8<Float>(), c41 = SIMD8<Float>()
        var c50 = SIMD8<Float>(), c51 = SIMD8<Float>()
        var a = a
        var bRaw = UnsafeRawPointer(b)
        for _ in 0..<depth {
            let b0 = bRaw.loadUnaligned(as: SIMD8<Float>.self)
            let b1 = bRaw.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
            bRaw += 64
            qe_prefetch_l2(prefetchRaw)
            prefetchRaw += 64
            var x = SIMD8<Float>(repeating: a[0])
            c00.addProduct(x, b0); c01.addProduct(x, b1)
            x = SIMD8<Float>(repeating: a[aRowStride])
            c10.addProduct(x, b0); c11.addProduct(x, b1)
            x = SIMD8<Float>(repeating: a[2 * aRowStride])
            c20.addProduct(x, b0); c21.addProduct(x, b1)
            x = SIMD8<Float>(repeating: a[3 * aRowStride])
            c30.addProduct(x, b0); c31.addProduct(x, b1)
            x = SIMD8<Float>(repeating: a[4 * aRowStride])
            c40.addProduct(x, b0); c41.addProduct(x, b1)
            x = SIMD8<Float>(repeating: a[5 * aRowStride])
            c50.addProduct(x, b0); c51.addProduct(x, b1)
            a += 1
        }
        let alphaVector = SIMD8<Float>(repeating: alpha)
        store(c00 * alphaVector, c01 * alphaVector, row: 0, c: c, cRowStride: cRowStride, columns: columns, update: update)
        guard rows > 1 else { return }
        store(c10 * alphaVector, c11 * alphaVector, row: 1, c: c, cRowStride: cRowStride, columns: columns, update: update)
        guard rows > 2 else { return }
        store(c20 * alphaVector, c21 * alphaVector, row: 2, c: c, cRowStride: cRowStride, columns: columns, update: update)
        guard rows > 3 else { return }
        store(c30 * alphaVector, c31 * alphaVector, row: 3, c: c, cRowStride: cRowStride, columns: columns, update: update)
        guard rows > 4 else { return }
        store(c40 * alphaVector, c41 * alphaVector, row: 4, c: c, cRowStride: cRowStride, columns: columns, update: update)
        guard rows > 5 else { return }
        store(c50 * alphaVector, c51 * alphaVector, row: 5, c: c, cRowStride: cRowStride, columns: columns, update: update)
    }

    /// Writes one row of results (two vectors) into C, whole or the first `columns` lanes.
    @inline(always)
    private static func store(
        _ low: SIMD8<Float>, _ high: SIMD8<Float>, row: Int,
        c: UnsafeMutablePointer<Float>, cRowStride: Int, columns: Int, update: Update
    ) {
        let target = c + row * cRowStride
        let raw = UnsafeMutableRawPointer(target)
        if columns == Self.columns {
            switch update {
            case .overwrite:
                raw.storeBytes(of: low, as: SIMD8<Float>.self)
                raw.storeBytes(of: high, toByteOffset: 32, as: SIMD8<Float>.self)
            case .accumulate:
                let oldLow = raw.loadUnaligned(as: SIMD8<Float>.self)
                let oldHigh = raw.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
                raw.storeBytes(of: low + oldLow, as: SIMD8<Float>.self)
                raw.storeBytes(of: high + oldHigh, toByteOffset: 32, as: SIMD8<Float>.self)
            case .rescale(let beta):
                let scale = SIMD8<Float>(repeating: beta[row])
                let oldLow = raw.loadUnaligned(as: SIMD8<Float>.self)
                let oldHigh = raw.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
                raw.storeBytes(of: low.addingProduct(oldLow, scale), as: SIMD8<Float>.self)
                raw.storeBytes(of: high.addingProduct(oldHigh, scale), toByteOffset: 32, as: SIMD8<Float>.self)
            }
        } else {
            // The last panel of a row whose length is not a multiple of 16: lane by lane.
            for column in 0..<columns {
                let value = column < 8 ? low[column] : high[column - 8]
                switch update {
                case .overwrite: target[column] = value
                case .accumulate: target[column] += value
                case .rescale(let beta): target[column] = beta[row] * target[column] + value
                }
            }
        }
    }
}
