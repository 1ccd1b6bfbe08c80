/// Vectorised passes over one row of scores, shared by both kernels. Scores are kept in base 2
/// (the kernels multiply Q·Kᵀ by log₂e/√dim), so the softmax's exponential is `VectorExp2`.
///
/// - Complexity: each pass reads (and `exponentiate` writes) `count` floats once.
enum RowSoftmax {
    /// The largest of `count` ≥ 1 values.
    @inline(__always)
    static func maximum(_ row: UnsafePointer<Float>, count: Int) -> Float {
        let raw = UnsafeRawPointer(row)
        var best0 = SIMD8<Float>(repeating: -.infinity)
        var best1 = best0
        var j = 0
        while j + 16 <= count {
            best0 = best0.lanewiseMaximum(raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self))
            best1 = best1.lanewiseMaximum(raw.loadUnaligned(fromByteOffset: j * 4 + 32, as: SIMD8<Float>.self))
            j += 16
        }
        while j + 8 <= count {
            best0 = best0.lanewiseMaximum(raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self))
            j += 8
        }
        var best = horizontalMaximum(best0.lanewiseMaximum(best1))
        while j < count {
            best = max(best, row[j])
            j += 1
        }
        return best
    }

    /// Replaces each value x by 2^(x − shift) and returns their sum.
    @inline(__always)
    static func exponentiate(_ row: UnsafeMutablePointer<Float>, count: Int, shift: Float) -> Float {
        let raw = UnsafeMutableRawPointer(row)
        let shiftVector = SIMD8<Float>(repeating: shift)
        var sum0 = SIMD8<Float>()
        var sum1 = SIMD8<Float>()
        var j = 0
        while j + 16 <= count {
            let e0 = VectorExp2.evaluate(raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self) - shiftVector)
            let e1 = VectorExp2.evaluate(raw.loadUnaligned(fromByteOffset: j * 4 + 32, as: SIMD8<Float>.self) - shiftVector)
            raw.storeBytes(of: e0, toByteOffset: j * 4, as: SIMD8<Float>.self)
            raw.storeBytes(of: e1, toByteOffset: j * 4 + 32, as: SIMD8<Float>.self)
            sum0 += e0
            sum1 += e1
            j += 16
        }
        while j + 8 <= count {
            let e0 = VectorExp2.evaluate(raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self) - shiftVector)
            raw.storeBytes(of: e0, toByteOffset: j * 4, as: SIMD8<Float>.self)
            sum0 += e0
            j += 8
        }
        var sum = horizontalSum(sum0 + sum1)
        while j < count {
            let e = VectorExp2.evaluate(row[j] - shift)
            row[j] = e
            sum += e
            j += 1
        }
        return sum
    }

    /// The largest of the eight lanes, by halving. (The standard library's `SIMD.max()` and
    /// `sum()` are generic and were not inlined: a call and a scalar loop per row and tile.)
    @inline(always)
    static func horizontalMaximum(_ x: SIMD8<Float>) -> Float {
        let four = x.lowHalf.replacing(with: x.highHalf, where: x.lowHalf .< x.highHalf)
        return max(max(four[0], four[1]), max(four[2], four[3]))
    }

    /// The sum of the eight lanes, by halving (see `horizontalMaximum`).
    @inline(always)
    static func horizontalSum(_ x: SIMD8<Float>) -> Float {
        let four = x.lowHalf + x.highHalf
        return (four[0] + four[2]) + (four[1] + four[3])
    }

    /// Multiplies `count` values by `factor`.
    @inline(__always)
    static func scale(_ row: UnsafeMutablePointer<Float>, count: Int, by factor: Float) {
        let raw = UnsafeMutableRawPointer(row)
        let factorVector = SIMD8<Float>(repeating: factor)
        var j = 0
        while j + 8 <= count {
            raw.storeBytes(of: raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self) * factorVector,
                           toByteOffset: j * 4, as: SIMD8<Float>.self)
            j += 8
        }
        while j < count {
            row[j] *= factor
            j += 1
        }
    }
}
