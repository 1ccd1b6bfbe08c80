/// How much a store holds.
public struct HistoryInventory: Hashable, Sendable {
    /// Results files, benchmarks (one per file and benchmark), runs, samples (timed iterations),
    /// series and machines.
    public var files: Int, benchmarks: Int, runs: Int, samples: Int, series: Int, machines: Int
    /// The space the store's tables and indexes take: the SQLite file (with its write-ahead
    /// log), or PostgreSQL's `pg_total_relation_size` of the store's tables.
    public var storageBytes: Int64

    /// Creates an inventory.
    public init(files: Int, benchmarks: Int, runs: Int, samples: Int, series: Int, machines: Int, storageBytes: Int64) {
        self.files = files
        self.benchmarks = benchmarks
        self.runs = runs
        self.samples = samples
        self.series = series
        self.machines = machines
        self.storageBytes = storageBytes
    }
}
