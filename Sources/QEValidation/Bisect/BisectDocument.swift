/// The `qe-validate/bisect@1` document of `qe-validate bisect`: the first bad commit (or the
/// smallest range narrowed), the premise, every tested commit with its evidence, and the error
/// bound of the whole bisection. Typed values only; the presentation layer writes it.
public struct BisectDocument: Sendable, Codable, Equatable {
    public static let schemaName = "qe-validate/bisect@1"

    /// The range the first bad commit is in: after `from` (known good), up to and including
    /// `to` (known bad). With a named commit, `to` is that commit and `from` its parent.
    public struct Range: Sendable, Codable, Equatable {
        public var from: String
        public var to: String
    }

    public var schema: String = BisectDocument.schemaName
    public var command: String = "bisect"
    public var conclusion: BisectConclusion
    /// The first bad commit; nil (written `null`) unless the conclusion is `named`.
    public var firstBad: BisectCommit?
    public var range: Range
    public var good: BisectCommit
    public var bad: BisectCommit
    /// n: commits on the first-parent line after good, up to and including bad.
    public var candidates: Int
    public var premise: BisectPremise
    public var steps: [BisectStep]
    /// α: the chance that the premise was confirmed wrongly or any commit was classified on the
    /// wrong side of the midpoint is at most this (``BisectErrorBudget``).
    public var errorBound: Double
    /// 1 − α, as asked.
    public var confidence: Double
    /// Two-sided confidence of every interval in the document.
    public var intervalConfidence: Double
    /// The premise's threshold, as a fraction.
    public var threshold: Double
    public var maxRuns: Int
    /// Run counts at which each decision looked at its data.
    public var looks: [Int]
    /// Run counts at which an extension looked (the premise past the run limit, or an
    /// undecided commit measured again with its rounds kept): ``BisectErrorBudget/extendedLooks``.
    public var extendedLooks: [Int]
    /// Decisions the error bound was shared among, and how many were taken.
    public var decisions: Int
    public var decisionsUsed: Int
    public var setup: BisectSetup
    /// Wall time of the whole bisection (worktrees, builds and measuring), in seconds.
    public var seconds: Double
    public var warnings: [String]

    /// Puts a finished bisection together.
    /// - Parameters:
    ///   - commits: the n candidates, oldest first (the last is `bad`).
    ///   - search: the search as it stood at the end.
    ///   - limit: what stopped it early, if anything did.
    public init(
        good: BisectCommit, bad: BisectCommit, commits: [BisectCommit], premise: BisectPremise, steps: [BisectStep],
        search: BisectSearch, judge: BisectJudge, limit: BisectLimit?, setup: BisectSetup, seconds: Double,
        warnings: [String] = []
    ) {
        func commit(at position: Int) -> BisectCommit {
            position == 0 ? good : (commits.indices.contains(position - 1) ? commits[position - 1] : bad)
        }
        if !premise.confirmed {
            conclusion = limit == .budget ? .budgetSpent : .premiseNotConfirmed
        } else if search.isNarrowedToOne {
            conclusion = .named
        } else if let limit {
            conclusion = limit == .budget ? .budgetSpent : .decisionsSpent
        } else {
            conclusion = .untestableCommits
        }
        firstBad = conclusion == .named ? commit(at: search.firstBad) : nil
        range = Range(from: commit(at: search.lastGood).commit, to: commit(at: search.firstBad).commit)
        self.good = good
        self.bad = bad
        candidates = commits.count
        self.premise = premise
        self.steps = steps
        errorBound = judge.budget.errorBound
        confidence = judge.options.confidence
        intervalConfidence = judge.budget.intervalConfidence
        threshold = judge.options.threshold
        maxRuns = judge.options.maxRuns
        looks = judge.budget.looks
        extendedLooks = judge.budget.extendedLooks
        decisions = judge.budget.decisions
        decisionsUsed = judge.premiseDecisions(runs: premise.runs) + steps.filter { $0.classification != .skip }.count
        self.setup = setup
        self.seconds = seconds
        self.warnings = warnings
    }

    private enum CodingKeys: String, CodingKey {
        case schema, command, conclusion, firstBad, range, good, bad, candidates, premise, steps, errorBound,
             confidence, intervalConfidence, threshold, maxRuns, looks, extendedLooks, decisions, decisionsUsed, setup, seconds,
             warnings
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schema, forKey: .schema)
        try container.encode(command, forKey: .command)
        try container.encode(conclusion, forKey: .conclusion)
        try container.encode(firstBad, forKey: .firstBad)
        try container.encode(range, forKey: .range)
        try container.encode(good, forKey: .good)
        try container.encode(bad, forKey: .bad)
        try container.encode(candidates, forKey: .candidates)
        try container.encode(premise, forKey: .premise)
        try container.encode(steps, forKey: .steps)
        try container.encode(errorBound, forKey: .errorBound)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(intervalConfidence, forKey: .intervalConfidence)
        try container.encode(threshold, forKey: .threshold)
        try container.encode(maxRuns, forKey: .maxRuns)
        try container.encode(looks, forKey: .looks)
        try container.encode(extendedLooks, forKey: .extendedLooks)
        try container.encode(decisions, forKey: .decisions)
        try container.encode(decisionsUsed, forKey: .decisionsUsed)
        try container.encode(setup, forKey: .setup)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(warnings, forKey: .warnings)
    }
}
