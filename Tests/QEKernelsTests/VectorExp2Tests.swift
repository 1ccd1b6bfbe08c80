import Foundation
import Testing
import QEKernels

/// `VectorExp2` against `Foundation.exp2` in double precision.
@Suite("Vectorised exp2")
struct VectorExp2Tests {
    @Test("relative error within the documented bound on [−126, 127]")
    func accuracy() {
        var largest = 0.0
        var x: Float = -126
        while x <= 127 {
            let lanes = SIMD8<Float>((0..<8).map { x + Float($0) * 0.000_976_5 })
            let approx = VectorExp2.evaluate(lanes)
            for lane in 0..<8 where lanes[lane] <= 127 {
                let exact = exp2(Double(lanes[lane]))
                largest = max(largest, abs(Double(approx[lane]) - exact) / exact)
            }
            x += 0.0123
        }
        #expect(largest <= Double(VectorExp2.maximumRelativeError), "largest relative error \(largest)")
    }

    /// The same checks through `evaluate(_:isa:)`, so the AVX-512 copy of the method is held to
    /// the same bound.
    @Test("every instruction set's exp2 within the bound, exact at integers, zero far below",
          arguments: KernelISA.supported)
    func everyPath(isa: KernelISA) {
        var xs: [Float] = []
        var x: Float = -126
        while x <= 127 {
            xs.append(x)
            x += 0.000_976_5 * 7
        }
        let integers = (-126...127).map(Float.init)
        let special: [Float] = [-127, -1e6, -.infinity, 0]
        var values = xs + integers + special
        values.withUnsafeMutableBufferPointer { VectorExp2.evaluate($0, isa: isa) }
        var largest = 0.0
        for (index, x) in xs.enumerated() {
            let exact = exp2(Double(x))
            largest = max(largest, abs(Double(values[index]) - exact) / exact)
        }
        #expect(largest <= Double(VectorExp2.maximumRelativeError), "\(isa): largest relative error \(largest)")
        for (offset, n) in integers.enumerated() {
            #expect(values[xs.count + offset] == Float(exp2(Double(n))), "\(isa): 2^\(n)")
        }
        #expect(Array(values.suffix(4)) == [0, 0, 0, 1], "\(isa): 2^−127, 2^−10⁶, 2^−∞, 2^0")
    }

    @Test("exact at integers, zero far below, and at −∞")
    func specialValues() {
        for n in -126...127 {
            #expect(VectorExp2.evaluate(Float(n)) == Float(exp2(Double(n))))
        }
        #expect(VectorExp2.evaluate(-127) == 0)
        #expect(VectorExp2.evaluate(-1e6) == 0)
        #expect(VectorExp2.evaluate(-Float.infinity) == 0)
        #expect(VectorExp2.evaluate(SIMD8<Float>(repeating: 0)) == SIMD8(repeating: 1))
    }
}
