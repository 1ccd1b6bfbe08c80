/// Copies of the operands rearranged for `PanelMicroKernel`: K and V in 32-wide panels (its B
/// operand), and blocks of rows of Q or of the score matrix at a padded row stride (its A
/// operand).
///
/// Why pack B: as in QEKernels' `PanelPacking`, Kᵀ's rows and V's 32-float row pieces sit `dim`
/// floats apart; packed, a panel is one sequential stream. Why copy A too (the AVX2 path reads
/// A in place): the micro-kernel reads twelve rows at once, and at a row stride of 4 KiB
/// (dim or seqLen 1024) those twelve rows fall into the same L1 sets and evict each other and
/// the B panel; copied at a stride of 272 floats they do not.
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
    /// Whole panels go 8 keys × 8 dims at a time through `BlockTranspose` (vector loads and
    /// stores only); the last columns (dim mod 8) and a partial last panel are copied element by
    /// element.
    static func packKeys(_ key: UnsafePointer<Float>, seqLen: Int, dim: Int, into packed: UnsafeMutablePointer<Float>) {
        let width = PanelMicroKernel.columns
        let wholeColumns = dim / 8 * 8
        var panelStart = 0
        while panelStart < seqLen {
            let panel = packed + panelStart * dim
            let keys = min(width, seqLen - panelStart)
            if keys == width {
                var c = 0
                while c < wholeColumns {
                    for laneBlock in stride(from: 0, to: width, by: 8) {
                        BlockTranspose.transpose8x8(key + (panelStart + laneBlock) * dim + c, sourceRowStride: dim,
                                                    to: panel + c * width + laneBlock, targetRowStride: width)
                    }
                    c += 8
                }
                for c in wholeColumns..<dim {
                    let target = panel + c * width
                    for lane in 0..<width {
                        target[lane] = key[(panelStart + lane) * dim + c]
                    }
                }
            } else {
                for c in 0..<dim {
                    let target = panel + c * width
                    for lane in 0..<keys {
                        target[lane] = key[(panelStart + lane) * dim + c]
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

    /// Row stride, in floats, of a copied block of A (`copyRows`): one depth block
    /// (`PanelProduct.depthBlock` = 256 floats) plus one cache line, so that consecutive rows
    /// start 17 cache lines apart and the micro-kernel's twelve rows fall into twelve different L1
    /// sets whatever the source's row stride was.
    static let blockRowStride = PanelProduct.depthBlock + 16

    /// Copies A[0..<rows][0..<depth] (row stride `rowStride`, depth ≤ `PanelProduct.depthBlock`)
    /// to `copy`, row r at `copy + r·blockRowStride`. The micro-kernel then reads A with a
    /// constant row stride (`PanelMicroKernel.multiply(blockA:…)`). A plain row copy, at memory
    /// speed: packing A into interleaved strips instead made the compiler emit AVX-512 scatters,
    /// which are slow on AMD cores.
    static func copyRows(
        _ a: UnsafePointer<Float>, rowStride: Int, rows: Int, depth: Int, into copy: UnsafeMutablePointer<Float>
    ) {
        for r in 0..<rows {
            let source = UnsafeRawPointer(a + r * rowStride)
            let target = UnsafeMutableRawPointer(copy + r * blockRowStride)
            var j = 0
            while j + 16 <= depth {
                target.storeBytes(of: source.loadUnaligned(fromByteOffset: j * 4, as: SIMD16<Float>.self),
                                  toByteOffset: j * 4, as: SIMD16<Float>.self)
                j += 16
            }
            while j < depth {
                target.storeBytes(of: source.load(fromByteOffset: j * 4, as: Float.self), toByteOffset: j * 4, as: Float.self)
                j += 1
            }
        }
    }

    /// The smallest multiple of `multiple` that is ≥ `value`.
    @inline(__always)
    static func roundUp(_ value: Int, _ multiple: Int) -> Int {
        (value + multiple - 1) / multiple * multiple
    }
}
