/// Copies of the operands rearranged for `PanelMicroKernel`: K and V in the 16-wide panels it
/// reads as its B operand, and blocks of rows of Q or of the score matrix at a padded row stride
/// (its A operand).
///
/// Why pack B: the B operand of Q·Kᵀ is Kᵀ, whose rows are K's columns (stride `dim` floats); the
/// B operand of P·V is V, whose 16-float row pieces sit `dim` floats apart. At dim = 1024 that
/// stride is 4 KiB, so a tile's rows would all map to the same L1 set and evict each other.
/// Packed, a panel is one sequential stream the hardware prefetcher follows.
///
/// Why copy A: the micro-kernel reads six rows of A at once. Read in place at a row stride of
/// 4 KiB (dim or seqLen 1024), the six rows fall into one L1 set, with the B micro-panel's lines
/// in that set too: ten lines for the eight ways of a 32 KiB L1 (Zen 3, Haswell to Skylake), so
/// B is evicted and fetched again from L2 by every strip. Copied at a stride of 272 floats, the
/// rows fall into six different sets (`copyRows`).
///
/// - Complexity: O(seqLen·dim) copies per call, against O(seqLen²·dim) arithmetic.
enum PanelPacking {
    /// Floats of the packed Kᵀ: ⌈seqLen/16⌉ panels of dim × 16.
    static func keyCount(seqLen: Int, dim: Int) -> Int {
        roundUp(seqLen, PanelMicroKernel.columns) * dim
    }

    /// Floats of the packed V: ⌈dim/16⌉ panels of seqLen × 16.
    static func valueCount(seqLen: Int, dim: Int) -> Int {
        roundUp(dim, PanelMicroKernel.columns) * seqLen
    }

    /// Packs Kᵀ: panel j (keys 16j..<16j+16) holds, for each c in 0..<dim, the 16 values
    /// K[16j..<16j+16][c]. Lanes past seqLen are left as they are (zero from `AlignedFloats`).
    /// Whole panels are written row by row (16 sequential read streams, one sequential write
    /// stream), which measured about 1.6 times faster than writing each lane down the panel.
    static func packKeys(_ key: UnsafePointer<Float>, seqLen: Int, dim: Int, into packed: UnsafeMutablePointer<Float>) {
        let width = PanelMicroKernel.columns
        var panelStart = 0
        while panelStart < seqLen {
            let panel = packed + panelStart * dim
            let keys = min(width, seqLen - panelStart)
            if keys == width {
                let firstKey = key + panelStart * dim
                for c in 0..<dim {
                    let target = panel + c * width
                    var source = firstKey + c
                    for lane in 0..<width {
                        target[lane] = source.pointee
                        source += dim
                    }
                }
            } else {
                for lane in 0..<keys {
                    let source = key + (panelStart + lane) * dim
                    var target = panel + lane
                    for c in 0..<dim {
                        target.pointee = source[c]
                        target += width
                    }
                }
            }
            panelStart += width
        }
    }

    /// Packs V: panel p (columns 16p..<16p+16) holds, for each key j in 0..<seqLen, the 16
    /// values V[j][16p..<16p+16]. Lanes past dim are left as they are (zero).
    static func packValues(_ value: UnsafePointer<Float>, seqLen: Int, dim: Int, into packed: UnsafeMutablePointer<Float>) {
        let width = PanelMicroKernel.columns
        var columnStart = 0
        while columnStart < dim {
            let panel = packed + columnStart * seqLen
            let lanes = min(width, dim - columnStart)
            if lanes == width {
                for j in 0..<seqLen {
                    (panel + j * width).update(from: value + j * dim + columnStart, count: width)
                }
            } else {
                for j in 0..<seqLen {
                    (panel + j * width).update(from: value + j * dim + columnStart, count: lanes)
                }
            }
            columnStart += width
        }
    }

    /// Row stride, in floats, of a copied block of A (`copyRows`): one depth block
    /// (`PanelProduct.depthBlock` = 256 floats) plus one cache line, so that consecutive rows
    /// start 17 cache lines apart and the micro-kernel's six rows fall into six different L1 sets
    /// whatever the source's row stride was.
    static let blockRowStride = PanelProduct.depthBlock + 16

    /// Copies A[0..<rows][0..<depth] (row stride `rowStride`, depth ≤ `PanelProduct.depthBlock`)
    /// to `copy`, row r at `copy + r·blockRowStride`, with vector loads and stores (the
    /// micro-kernel then reads A at a constant row stride: `PanelMicroKernel.multiply(blockA:…)`).
    /// - Complexity: O(rows·depth).
    static func copyRows(
        _ a: UnsafePointer<Float>, rowStride: Int, rows: Int, depth: Int, into copy: UnsafeMutablePointer<Float>
    ) {
        for r in 0..<rows {
            let source = UnsafeRawPointer(a + r * rowStride)
            let target = UnsafeMutableRawPointer(copy + r * blockRowStride)
            var j = 0
            while j + 16 <= depth {
                target.storeBytes(of: source.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self),
                                  toByteOffset: j * 4, as: SIMD8<Float>.self)
                target.storeBytes(of: source.loadUnaligned(fromByteOffset: j * 4 + 32, as: SIMD8<Float>.self),
                                  toByteOffset: j * 4 + 32, as: SIMD8<Float>.self)
                j += 16
            }
            while j < depth {
                target.storeBytes(of: source.load(fromByteOffset: j * 4, as: Float.self), toByteOffset: j * 4, as: Float.self)
                j += 1
            }
        }
    }

    /// The smallest multiple of `multiple` that is ≥ `value`.
    static func roundUp(_ value: Int, _ multiple: Int) -> Int {
        (value + multiple - 1) / multiple * multiple
    }
}
