/// Vectorised passes over one row of scores, the AVX-512 counterpart of QEKernels' `RowSoftmax`:
/// scores are in base 2, the exponential is `VectorExp2`, sixteen lanes a register.
///
/// - Complexity: each pass reads (and `exponentiate` writes) `count` floats once.
enum RowSoftmax {
    /// The largest of `count` ≥ 1 values.
    @inline(__always)
    static func maximum(_ row: UnsafePointer<Float>, count: Int) -> Float {
        let raw = UnsafeRawPointer(row)
        var best0 = SIMD16<Float>(repeating: -.infinity)
        var best1 = best0
        var j = 0
        while j + 32 <= count {
            best0 = best0.lanewiseMaximum(raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD16<Float>.self))
            best1 = best1.lanewiseMaximum(raw.loadUnaligned(fromByteOffset: j * 4 + 64, as: SIMD16<Float>.self))
            j += 32
        }
        if j + 16 <= count {
            best0 = best0.lanewiseMaximum(raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD16<Float>.self))
            j += 16
        }
        best0 = best0.lanewiseMaximum(best1)
        // Halve the register three times, then four lanes by hand: `SIMD.max()` is generic.
        let eight = best0.lowHalf.lanewiseMaximum8(best0.highHalf)
        let four = eight.lowHalf.replacing(with: eight.highHalf, where: eight.lowHalf .< eight.highHalf)
        var best = max(max(four[0], four[1]), max(four[2], four[3]))
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
        let shiftVector = SIMD16<Float>(repeating: shift)
        var sum0 = SIMD16<Float>()
        var sum1 = SIMD16<Float>()
        var j = 0
        while j + 32 <= count {
            let e0 = VectorExp2.evaluate(raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD16<Float>.self) - shiftVector)
            let e1 = VectorExp2.evaluate(raw.loadUnaligned(fromByteOffset: j * 4 + 64, as: SIMD16<Float>.self) - shiftVector)
            raw.storeBytes(of: e0, toByteOffset: j * 4, as: SIMD16<Float>.self)
            raw.storeBytes(of: e1, toByteOffset: j * 4 + 64, as: SIMD16<Float>.self)
            sum0 += e0
            sum1 += e1
            j += 32
        }
        if j + 16 <= count {
            let e0 = VectorExp2.evaluate(raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD16<Float>.self) - shiftVector)
            raw.storeBytes(of: e0, toByteOffset: j * 4, as: SIMD16<Float>.self)
            sum0 += e0
            j += 16
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

    /// Multiplies `count` values by `factor`.
    @inline(__always)
    static func scale(_ row: UnsafeMutablePointer<Float>, count: Int, by factor: Float) {
        let raw = UnsafeMutableRawPointer(row)
        let factorVector = SIMD16<Float>(repeating: factor)
        var j = 0
        while j + 16 <= count {
            raw.storeBytes(of: raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD16<Float>.self) * factorVector,
                           toByteOffset: j * 4, as: SIMD16<Float>.self)
            j += 16
        }
        while j < count {
            row[j] *= factor
            j += 1
        }
    }

    /// The sum of the sixteen lanes, by halving (the generic `SIMD.sum()` is avoided on purpose:
    /// see `SIMD16+Lanewise.swift`).
    @inline(__always)
    static func horizontalSum(_ x: SIMD16<Float>) -> Float {
        let eight = x.lowHalf + x.highHalf
        let four = eight.lowHalf + eight.highHalf
        return (four[0] + four[2]) + (four[1] + four[3])
    }
}
