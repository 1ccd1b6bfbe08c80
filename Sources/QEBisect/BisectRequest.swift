import QEValidation

/// Everything a bisection is asked to do.
public struct BisectRequest: Sendable {
    /// A directory inside the repository's work tree (`git -C`).
    public var repository: String
    /// The known-good and known-bad revisions, as given (a branch, a tag, a hash, `HEAD~20`).
    public var good: String
    public var bad: String
    public var setup: BisectSetup
    public var options: BisectOptions
    /// Seconds the whole bisection may take, checked before each commit and at each look; nil:
    /// no limit.
    public var budget: Double?
    /// Where the scratch directory is made; nil: the system's temporary directory.
    public var scratchParent: String?

    public init(
        repository: String = ".", good: String, bad: String, setup: BisectSetup, options: BisectOptions = BisectOptions(),
        budget: Double? = nil, scratchParent: String? = nil
    ) {
        self.repository = repository
        self.good = good
        self.bad = bad
        self.setup = setup
        self.options = options
        self.budget = budget
        self.scratchParent = scratchParent
    }
}
