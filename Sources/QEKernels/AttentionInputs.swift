/// The inputs of one attention call: Q, K and V, each seqLen × dim, row-major float32.
public struct AttentionInputs: Sendable {
    public let seqLen: Int
    public let dim: Int
    public let query: [Float]
    public let key: [Float]
    public let value: [Float]

    /// Inputs given explicitly; each array must hold seqLen·dim values.
    public init(seqLen: Int, dim: Int, query: [Float], key: [Float], value: [Float]) {
        precondition(seqLen >= 1 && dim >= 1, "seqLen and dim must be positive")
        precondition(query.count == seqLen * dim && key.count == seqLen * dim && value.count == seqLen * dim,
                     "Q, K and V must each hold seqLen·dim values")
        self.seqLen = seqLen
        self.dim = dim
        self.query = query
        self.key = key
        self.value = value
    }

    /// Seeded pseudo-random inputs, uniform in [−1, 1): the same seed gives the same inputs on
    /// every machine. `scale` multiplies Q (large values make large logits).
    public init(seqLen: Int, dim: Int, seed: UInt64, scale: Float = 1) {
        var state = seed
        func next() -> Float {
            // SplitMix64, then the top 24 bits as a float in [−1, 1).
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Float(z >> 40) / Float(1 << 23) - 1
        }
        let count = seqLen * dim
        let query = (0..<count).map { _ in next() * scale }
        let key = (0..<count).map { _ in next() }
        let value = (0..<count).map { _ in next() }
        self.init(seqLen: seqLen, dim: dim, query: query, key: key, value: value)
    }
}

extension AttentionInputs {
    /// Calls `body` with pointers to the first elements of Q, K and V (valid only during the call).
    @discardableResult
    func withBasePointers<Result>(
        _ body: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>) -> Result
    ) -> Result? {
        query.withUnsafeBufferPointer { q in
            key.withUnsafeBufferPointer { k in
                value.withUnsafeBufferPointer { v in
                    guard let qBase = q.baseAddress, let kBase = k.baseAddress, let vBase = v.baseAddress else { return nil }
                    return body(qBase, kBase, vBase)
                }
            }
        }
    }
}
