/// What identifies a series (DESIGN §8): one benchmark (suite, name, variant) measured on one
/// kind of machine on one branch. Machines and branches never mix in a series.
public struct HistorySeriesKey: Hashable, Sendable {
    /// The suite of the benchmark.
    public var suite: String
    /// The benchmark's name (workload).
    public var name: String
    /// The benchmark's variant.
    public var variant: String
    /// The machine's identifier (``StoredMachine/id``).
    public var machine: String
    /// The branch.
    public var branch: String

    /// Creates a series key.
    public init(suite: String, name: String, variant: String, machine: String, branch: String) {
        self.suite = suite
        self.name = name
        self.variant = variant
        self.machine = machine
        self.branch = branch
    }

    /// SHA-256 of the five fields, each prefixed by its length in UTF-8 bytes, so that no two
    /// keys share a digest however their texts run together. The store's unique index is on
    /// this digest rather than on the texts, which may be kilobytes long.
    var digest: String {
        var text = ""
        for field in [suite, name, variant, machine, branch] {
            text += "\(field.utf8.count):" + field
        }
        return ContentDigest.of(text: text)
    }
}
