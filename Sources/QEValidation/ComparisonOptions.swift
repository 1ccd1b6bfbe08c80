import QEStatistics

/// What a comparison computes: the confidence of every interval, the speedup method and the
/// bootstrap's seed and size.
public struct ComparisonOptions: Sendable {
    public var confidence: Double
    public var method: ComparisonMethod
    public var seed: UInt64
    public var bootstrapReplicates: Int

    /// The defaults of DESIGN §3: 95%, automatic method, the bootstrap's fixed seed, 10,000 replicates.
    public static let defaultSeed: UInt64 = Bootstrap.defaultSeed
    public static let defaultReplicates = Bootstrap.defaultReplicates

    public init(
        confidence: Double = 0.95, method: ComparisonMethod = .auto,
        seed: UInt64 = ComparisonOptions.defaultSeed, bootstrapReplicates: Int = ComparisonOptions.defaultReplicates
    ) {
        self.confidence = confidence
        self.method = method
        self.seed = seed
        self.bootstrapReplicates = bootstrapReplicates
    }
}
