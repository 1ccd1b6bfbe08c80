internal import CPrefetch

/// The register-blocked GEMM micro-kernel of the AVX-512 path:
/// C[12 × 32] ← α·A[12 × depth]·B[depth × 32] (+ β·C), B read from a packed 32-wide panel
/// (`depth` rows of 32 contiguous floats, see `PanelPacking`), A read with any row and step
/// stride (rows of a copied block of A, or of a score tile).
///
/// Method: the BLIS/GotoBLAS outer-product formulation, as QEKernels' 6 × 16 `PanelMicroKernel`,
/// on 512-bit registers. Each step p broadcasts A[r][p] for the twelve rows and multiplies it by
/// the two `SIMD16<Float>` halves of B's row p, adding into 12 × 2 = 24 vector accumulators; with
/// `-target-cpu skylake-avx512` each `addProduct` is one `vfmadd231ps zmm` and each broadcast one
/// `vbroadcastss` from memory (a load, no arithmetic port).
///
/// Why 12 × 32: AVX-512 has 32 vector registers. Twenty-four accumulators and the two B vectors
/// take 26 of them without spilling; twenty-four independent FMA chains cover the FMA latency
/// (4 cycles) times two 512-bit FMA pipes (Zen 4 and 5, Skylake-SP Gold/Platinum) three times
/// over. Each step loads 2 vectors of B and 12 scalars of A for 24 FMAs (12 cycles at two FMAs a
/// cycle): 14 loads, well within two loads a cycle. Twelve rows rather than fourteen keep the
/// strip count of a 48- or 96-row block whole. (BLIS's `sgemm` for Skylake-X blocks 32 × 12 the
/// other way round, for column-major C.)
///
/// Prefetching, as QEKernels' micro-kernel does: the caller names the B panel it uses next (to
/// its first strip), and each call prefetches two of its lines per step into L2 (a step reads
/// 128 bytes of B); C rows that are read (`accumulate`, `rescale`) are prefetched into L1 at the
/// start of the call. Prefetches never fault, so lines past the end of a buffer may be named.
///
/// Edges: rows past `rows` are still read (the caller guarantees they are in bounds: copied
/// blocks and score tiles hold whole strips) and their results discarded, so whatever those rows
/// hold does not matter; only `rows` rows and `columns` columns of C are written.
///
/// - Complexity: 24·depth vector FMAs, 2·depth vector loads of B, 12·depth scalar loads of A,
///   2·depth prefetches.
enum PanelMicroKernel {
    /// Rows of C per call (MR).
    static let rows = 12
    /// Columns of C per call (NR): two `SIMD16<Float>` vectors.
    static let columns = 32

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
    /// `a + r·PanelPacking.blockRowStride + p`). A separate, non-inlined function so that the
    /// strides are constants in its loop: the twelve broadcasts load from fixed displacements of
    /// one pointer.
    @inline(never)
    static func multiply(
        blockA a: UnsafePointer<Float>, rows: Int, b: UnsafePointer<Float>, depth: Int,
        c: UnsafeMutablePointer<Float>, cRowStride: Int, columns: Int, alpha: Float, update: Update,
        prefetch: UnsafePointer<Float>
    ) {
        multiply(a: a, aRowStride: PanelPacking.blockRowStride, aStepStride: 1, rows: rows, b: b, depth: depth,
                 c: c, cRowStride: cRowStride, columns: columns, alpha: alpha, update: update, prefetch: prefetch)
    }

    /// `multiply` with A in the rows of a flash score tile (A[r][p] at `a + r·tileColumns + p`,
    /// `FlashAttention.tileColumns` = 128 floats) and α = 1 (P·V), non-inlined for the same
    /// reason.
    @inline(never)
    static func multiply(
        tileA a: UnsafePointer<Float>, rows: Int, b: UnsafePointer<Float>, depth: Int,
        c: UnsafeMutablePointer<Float>, cRowStride: Int, columns: Int, update: Update,
        prefetch: UnsafePointer<Float>
    ) {
        multiply(a: a, aRowStride: FlashAttention.tileColumns, aStepStride: 1, rows: rows, b: b, depth: depth,
                 c: c, cRowStride: cRowStride, columns: columns, alpha: 1, update: update, prefetch: prefetch)
    }

    /// One call: see the type's documentation.
    /// - Parameters:
    ///   - a: A[0][0]; A[r][p] is at `a + r·aRowStride + p·aStepStride` (inline callers pass
    ///     constant strides, so the addresses fold into the instructions' displacements).
    ///   - rows: valid rows of C, 1...12; all 12 rows of A must be readable.
    ///   - b: a packed panel, `depth` rows of 32 floats.
    ///   - c: C[0][0]; row r starts at `c + r·cRowStride`.
    ///   - columns: valid columns of C, 1...32.
    ///   - prefetch: `2·depth` cache lines from here are prefetched into L2, two per step (the
    ///     next B panel, or `b` for none).
    @inline(always)
    static func multiply(
        a: UnsafePointer<Float>, aRowStride: Int, aStepStride: Int, rows: Int,
        b: UnsafePointer<Float>, depth: Int,
        c: UnsafeMutablePointer<Float>, cRowStride: Int, columns: Int,
        alpha: Float, update: Update, prefetch: UnsafePointer<Float>
    ) {
        switch update {
        case .overwrite: break
        case .accumulate, .rescale:
            for r in 0..<12 {
                qe_prefetch_l1(c + r * cRowStride)
                qe_prefetch_l1(c + r * cRowStride + 16)
            }
        }
        var prefetchRaw = UnsafeRawPointer(prefetch)
        var c0Low = SIMD16<Float>(), c0High = SIMD16<Float>()
        var c1Low = SIMD16<Float>(), c1High = SIMD16<Float>()
        var c2Low = SIMD16<Float>(), c2High = SIMD16<Float>()
        var c3Low = SIMD16<Float>(), c3High = SIMD16<Float>()
        var c4Low = SIMD16<Float>(), c4High = SIMD16<Float>()
        var c5Low = SIMD16<Float>(), c5High = SIMD16<Float>()
        var c6Low = SIMD16<Float>(), c6High = SIMD16<Float>()
        var c7Low = SIMD16<Float>(), c7High = SIMD16<Float>()
        var c8Low = SIMD16<Float>(), c8High = SIMD16<Float>()
        var c9Low = SIMD16<Float>(), c9High = SIMD16<Float>()
        var c10Low = SIMD16<Float>(), c10High = SIMD16<Float>()
        var c11Low = SIMD16<Float>(), c11High = SIMD16<Float>()
        var a = a
        var bRaw = UnsafeRawPointer(b)
        for _ in 0..<depth {
            let b0 = bRaw.loadUnaligned(as: SIMD16<Float>.self)
            let b1 = bRaw.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self)
            bRaw += 128
            qe_prefetch_l2(prefetchRaw)
            qe_prefetch_l2(prefetchRaw + 64)
            prefetchRaw += 128
            var x = SIMD16<Float>(repeating: a[0])
            c0Low.addProduct(x, b0); c0High.addProduct(x, b1)
            x = SIMD16<Float>(repeating: a[1 * aRowStride])
            c1Low.addProduct(x, b0); c1High.addProduct(x, b1)
            x = SIMD16<Float>(repeating: a[2 * aRowStride])
            c2Low.addProduct(x, b0); c2High.addProduct(x, b1)
            x = SIMD16<Float>(repeating: a[3 * aRowStride])
            c3Low.addProduct(x, b0); c3High.addProduct(x, b1)
            x = SIMD16<Float>(repeating: a[4 * aRowStride])
            c4Low.addProduct(x, b0); c4High.addProduct(x, b1)
            x = SIMD16<Float>(repeating: a[5 * aRowStride])
            c5Low.addProduct(x, b0); c5High.addProduct(x, b1)
            x = SIMD16<Float>(repeating: a[6 * aRowStride])
            c6Low.addProduct(x, b0); c6High.addProduct(x, b1)
            x = SIMD16<Float>(repeating: a[7 * aRowStride])
            c7Low.addProduct(x, b0); c7High.addProduct(x, b1)
            x = SIMD16<Float>(repeating: a[8 * aRowStride])
            c8Low.addProduct(x, b0); c8High.addProduct(x, b1)
            x = SIMD16<Float>(repeating: a[9 * aRowStride])
            c9Low.addProduct(x, b0); c9High.addProduct(x, b1)
            x = SIMD16<Float>(repeating: a[10 * aRowStride])
            c10Low.addProduct(x, b0); c10High.addProduct(x, b1)
            x = SIMD16<Float>(repeating: a[11 * aRowStride])
            c11Low.addProduct(x, b0); c11High.addProduct(x, b1)
            a += aStepStride
        }
        let alphaVector = SIMD16<Float>(repeating: alpha)
        store(c0Low * alphaVector, c0High * alphaVector, row: 0, c: c, cRowStride: cRowStride, columns: columns, update: update)
        guard rows > 1 else { return }
        store(c1Low * alphaVector, c1High * alphaVector, row: 1, c: c, cRowStride: cRowStride, columns: columns, update: update)
        guard rows > 2 else { return }
        store(c2Low * alphaVector, c2High * alphaVector, row: 2, c: c, cRowStride: cRowStride, columns: columns, update: update)
        guard rows > 3 else { return }
        store(c3Low * alphaVector, c3High * alphaVector, row: 3, c: c, cRowStride: cRowStride, columns: columns, update: update)
        guard rows > 4 else { return }
        store(c4Low * alphaVector, c4High * alphaVector, row: 4, c: c, cRowStride: cRowStride, columns: columns, update: update)
        guard rows > 5 else { return }
        store(c5Low * alphaVector, c5High * alphaVector, row: 5, c: c, cRowStride: cRowStride, columns: columns, update: update)
        guard rows > 6 else { return }
        store(c6Low * alphaVector, c6High * alphaVector, row: 6, c: c, cRowStride: cRowStride, columns: columns, update: update)
        guard rows > 7 else { return }
        store(c7Low * alphaVector, c7High * alphaVector, row: 7, c: c, cRowStride: cRowStride, columns: columns, update: update)
        guard rows > 8 else { return }
        store(c8Low * alphaVector, c8High * alphaVector, row: 8, c: c, cRowStride: cRowStride, columns: columns, update: update)
        guard rows > 9 else { return }
        store(c9Low * alphaVector, c9High * alphaVector, row: 9, c: c, cRowStride: cRowStride, columns: columns, update: update)
        guard rows > 10 else { return }
        store(c10Low * alphaVector, c10High * alphaVector, row: 10, c: c, cRowStride: cRowStride, columns: columns, update: update)
        guard rows > 11 else { return }
        store(c11Low * alphaVector, c11High * alphaVector, row: 11, c: c, cRowStride: cRowStride, columns: columns, update: update)
    }

    /// Writes one row of results (two vectors) into C, whole or the first `columns` lanes.
    @inline(always)
    private static func store(
        _ low: SIMD16<Float>, _ high: SIMD16<Float>, row: Int,
        c: UnsafeMutablePointer<Float>, cRowStride: Int, columns: Int, update: Update
    ) {
        let target = c + row * cRowStride
        let raw = UnsafeMutableRawPointer(target)
        if columns == Self.columns {
            switch update {
            case .overwrite:
                raw.storeBytes(of: low, as: SIMD16<Float>.self)
                raw.storeBytes(of: high, toByteOffset: 64, as: SIMD16<Float>.self)
            case .accumulate:
                let oldLow = raw.loadUnaligned(as: SIMD16<Float>.self)
                let oldHigh = raw.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self)
                raw.storeBytes(of: low + oldLow, as: SIMD16<Float>.self)
                raw.storeBytes(of: high + oldHigh, toByteOffset: 64, as: SIMD16<Float>.self)
            case .rescale(let beta):
                let scale = SIMD16<Float>(repeating: beta[row])
                let oldLow = raw.loadUnaligned(as: SIMD16<Float>.self)
                let oldHigh = raw.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self)
                raw.storeBytes(of: low.addingProduct(oldLow, scale), as: SIMD16<Float>.self)
                raw.storeBytes(of: high.addingProduct(oldHigh, scale), toByteOffset: 64, as: SIMD16<Float>.self)
            }
        } else {
            // The last panel of a row whose length is not a multiple of 32: lane by lane.
            for column in 0..<columns {
                let value = column < 16 ? low[column] : high[column - 16]
                switch update {
                case .overwrite: target[column] = value
                case .accumulate: target[column] += value
                case .rescale(let beta): target[column] = beta[row] * target[column] + value
                }
            }
        }
    }
}
