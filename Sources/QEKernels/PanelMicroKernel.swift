/// The register-blocked GEMM micro-kernel both attention kernels are built on:
/// C[6 × 16] ← α·A[6 × depth]·B[depth × 16] (+ β·C), with A read row-major (any row stride) and
/// B read from a packed panel (`depth` rows of 16 contiguous floats, see `PanelPacking`).
///
/// Method: the BLIS/GotoBLAS outer-product formulation. Each step p broadcasts A[r][p] for the six
/// rows and multiplies it by the two `SIMD8<Float>` halves of B's row p, adding into 6 × 2 = 12
/// vector accumulators. With `-target-cpu haswell` every `addingProduct` is one `vfmadd231ps` on
/// a 256-bit register.
///
/// Why 6 × 16: AVX2 has 16 vector registers. Twelve accumulators, two B vectors and one broadcast
/// fill 15 of them without spilling, and twelve independent FMA chains cover the FMA latency
/// (4 cycles) times the two FMA pipes of current x86 cores (Haswell to Zen 5) with room to spare.
/// Each step loads 2 vectors and 6 scalars for 12 FMAs, well within the two or more loads per
/// cycle those cores sustain. This is the shape BLIS uses for Haswell `sgemm`.
///
/// Edges: rows past `rows` reuse the last valid A row (their results are discarded, so reads stay
/// in bounds and no padded copy of A is needed); only `rows` rows and `columns` columns of C are
/// written, so C needs no padding either.
///
/// - Complexity: 12·depth vector FMAs, 2·depth vector loads of B, 6·depth scalar loads of A.
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

    /// One call: see the type's documentation.
    /// - Parameters:
    ///   - a: A[0][0]; row r starts at `a + r·aRowStride`.
    ///   - rows: valid rows of A and C, 1...6.
    ///   - b: a packed panel, `depth` rows of 16 floats.
    ///   - c: C[0][0]; row r starts at `c + r·cRowStride`.
    ///   - columns: valid columns of C, 1...16.
    @inline(__always)
    static func multiply(
        a: UnsafePointer<Float>, aRowStride: Int, rows: Int,
        b: UnsafePointer<Float>, depth: Int,
        c: UnsafeMutablePointer<Float>, cRowStride: Int, columns: Int,
        alpha: Float, update: Update
    ) {
        let last = rows - 1
        let a0 = a
        let a1 = a + min(1, last) * aRowStride
        let a2 = a + min(2, last) * aRowStride
        let a3 = a + min(3, last) * aRowStride
        let a4 = a + min(4, last) * aRowStride
        let a5 = a + min(5, last) * aRowStride
        var c00 = SIMD8<Float>(), c01 = SIMD8<Float>()
        var c10 = SIMD8<Float>(), c11 = SIMD8<Float>()
        var c20 = SIMD8<Float>(), c21 = SIMD8<Float>()
        var c30 = SIMD8<Float>(), c31 = SIMD8<Float>()
        var c40 = SIMD8<Float>(), c41 = SIMD8<Float>()
        var c50 = SIMD8<Float>(), c51 = SIMD8<Float>()
        let bRaw = UnsafeRawPointer(b)
        var offset = 0
        for p in 0..<depth {
            let b0 = bRaw.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            let b1 = bRaw.loadUnaligned(fromByteOffset: offset + 32, as: SIMD8<Float>.self)
            offset += 64
            var x = SIMD8<Float>(repeating: a0[p])
            c00.addProduct(x, b0); c01.addProduct(x, b1)
            x = SIMD8<Float>(repeating: a1[p])
            c10.addProduct(x, b0); c11.addProduct(x, b1)
            x = SIMD8<Float>(repeating: a2[p])
            c20.addProduct(x, b0); c21.addProduct(x, b1)
            x = SIMD8<Float>(repeating: a3[p])
            c30.addProduct(x, b0); c31.addProduct(x, b1)
            x = SIMD8<Float>(repeating: a4[p])
            c40.addProduct(x, b0); c41.addProduct(x, b1)
            x = SIMD8<Float>(repeating: a5[p])
            c50.addProduct(x, b0); c51.addProduct(x, b1)
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
    @inline(__always)
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
