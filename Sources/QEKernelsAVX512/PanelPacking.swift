/// Copies of the operands rearranged for `PanelMicroKernel`: K and V in 32-wide panels (its B
/// operand) and rows of Q or of the score matrix in 12-row strips (its A operand).
///
/// Why pack B: as in QEKernels' `PanelPacking`, Kᵀ's rows and V's 32-float row pieces sit `dim`
/// floats apart; packed, a panel is one sequential stream. Why pack A too (the AVX2 path reads
/// A in place): the micro-kernel reads twelve rows at once, and at a row stride of 4 KiB
/// (dim or seqLen 1024) those twelve rows fall into the same L1 sets and evict each other and
/// the B panel; a packed strip is one contiguous stream of 12 floats a step.
///
/// - Complexity: O(rows·depth) copies per call, against O(rows·depth·columns) arithmetic.
enum PanelPacking {
    /// Floats of the packed Kᵀ: ⌈seqLen/32⌉ panels of dim × 32.
    static func keyCount(seqLen: Int, dim: Int) -> Int {
        roundUp(seqLen, PanelMicroKernel.columns) * dim
    }

    /// Floats of the packed V: ⌈dim/32⌉ panels of seqLen × 32.
    static func valueCount(seqLen: Int, dim: Int) -> Int {
        roundUp(dim, PanelMicroKernel.columns) * seqLen
    }

    /// Packs Kᵀ: panel j (keys 32j..<32j+32) holds, for each c in 0..<dim, the 32 values
    /// K[32j..<32j+32][c]. Lanes past seqLen are set to zero.
    /// Whole panels are written row by row (32 sequential read streams, one write stream), as
    /// the AVX2 path does.
    static func packKeys(_ key: UnsafePointer<Float>, seqLen: Int, dim: Int, into packed: UnsafeMutablePointer<Float>) {
        let width = PanelMicroKernel.columns
        var panelStart = 0
        while panelStart < seqLen {
            let panel = packed + panelStart * dim
            let keys = min(width, seqLen - panelStart)
            if keys == width {
                for c in 0..<dim {
                    let target = panel + c * width
                    var source = key + panelStart * dim + c
                    for lane in 0..<width {
                        target[lane] = source.pointee
                        source += dim
                    }
                }
            } else {
                for c in 0..<dim {
                    let target = panel + c * width
                    var source = key + panelStart * dim + c
                    for lane in 0..<keys {
                        target[lane] = source.pointee
                        source += dim
                    }
                    for lane in keys..<width {
                        target[lane] = 0
                    }
                }
            }
            panelStart += width
        }
    }

    /// Packs V: panel p (columns 32p..<32p+32) holds, for each key j in 0..<seqLen, the 32
    /// values V[j][32p..<32p+32]. Lanes past dim are set to zero.
    static func packValues(_ value: UnsafePointer<Float>, seqLen: Int, dim: Int, into packed: UnsafeMutablePointer<Float>) {
        let width = PanelMicroKernel.columns
        var columnStart = 0
        while columnStart < dim {
            let panel = packed + columnStart * seqLen
            let lanes = min(width, dim - columnStart)
            if lanes == width {
                for j in 0..<seqLen {
                    let source = UnsafeRawPointer(value + j * dim + columnStart)
                    let target = UnsafeMutableRawPointer(panel + j * width)
                    target.storeBytes(of: source.loadUnaligned(as: SIMD16<Float>.self), as: SIMD16<Float>.self)
                    target.storeBytes(of: source.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self),
                                      toByteOffset: 64, as: SIMD16<Float>.self)
                }
            } else {
                for j in 0..<seqLen {
                    let target = panel + j * width
                    for lane in 0..<lanes {
                        target[lane] = value[j * dim + columnStart + lane]
                    }
                    for lane in lanes..<width {
                        target[lane] = 0
                    }
                }
            }
            columnStart += width
        }
    }

    /// Floats of `rows` rows packed into 12-row strips of `depth` steps: ⌈rows/12⌉·12·depth.
    static func stripCount(rows: Int, depth: Int) -> Int {
        roundUp(rows, PanelMicroKernel.rows) * depth
    }

    /// Packs A[0..<rows][0..<depth] (row stride `rowStride`) into 12-row strips: strip s at
    /// `packed + s·12·depth`, A[12s + r][p] at offset 12p + r within it. Rows of the last strip
    /// past `rows` are zero.
    static func packRows(
        _ a: UnsafePointer<Float>, rowStride: Int, rows: Int, depth: Int,
        into packed: UnsafeMutablePointer<Float>
    ) {
        let height = PanelMicroKernel.rows
        var stripStart = 0
        while stripStart < rows {
            let strip = packed + stripStart * depth
            let valid = min(height, rows - stripStart)
            for r in 0..<valid {
                var source = a + (stripStart + r) * rowStride
                var target = strip + r
                for _ in 0..<depth {
                    target.pointee = source.pointee
                    source += 1
                    target += height
                }
            }
            for r in valid..<height {
                var target = strip + r
                for _ in 0..<depth {
                    target.pointee = 0
                    target += height
                }
            }
            stripStart += height
        }
    }

    /// The smallest multiple of `multiple` that is ≥ `value`.
    @inline(__always)
    static func roundUp(_ value: Int, _ multiple: Int) -> Int {
        (value + multiple - 1) / multiple * multiple
    }
}
