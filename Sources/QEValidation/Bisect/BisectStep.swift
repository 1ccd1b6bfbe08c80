/// One tested commit (`steps[]` in the `qe-validate/bisect@1` document). Every key is always
/// written; those that do not apply are `null` (a skipped commit has no ratio; only a skipped
/// one has an error).
public struct BisectStep: Sendable, Codable, Equatable {
    public var commit: String
    public var subject: String
    /// Its position among the candidates: 1 for the commit right after good, n for bad.
    public var position: Int
    public var classification: BisectClassification
    /// candidate ÷ good time, with its interval at the decision's interval confidence.
    public var ratio: BisectRatio?
    /// √(bad ÷ good) from the same rounds: the line between good and bad.
    public var midpoint: Double?
    /// Rounds measured (0 when it could not be built).
    public var runs: Int
    /// Wall time spent on this commit, building included, in seconds.
    public var seconds: Double
    /// Why it was skipped: the build's or the benchmark's error.
    public var error: String?

    public init(
        commit: BisectCommit, position: Int, classification: BisectClassification, ratio: BisectRatio?,
        midpoint: Double?, runs: Int, seconds: Double, error: String?
    ) {
        self.commit = commit.commit
        subject = commit.subject
        self.position = position
        self.classification = classification
        self.ratio = ratio
        self.midpoint = midpoint
        self.runs = runs
        self.seconds = seconds
        self.error = error
    }

    /// A measured commit.
    public init(commit: BisectCommit, position: Int, judgement: BisectStepJudgement, seconds: Double) {
        self.init(
            commit: commit, position: position, classification: judgement.classification, ratio: judgement.ratio,
            midpoint: judgement.midpoint, runs: judgement.runs, seconds: seconds, error: nil)
    }

    /// A commit that could not be built or measured.
    public init(skipped commit: BisectCommit, position: Int, runs: Int, seconds: Double, error: String) {
        self.init(
            commit: commit, position: position, classification: .skip, ratio: nil, midpoint: nil, runs: runs,
            seconds: seconds, error: error)
    }

    private enum CodingKeys: String, CodingKey {
        case commit, subject, position, classification, ratio, midpoint, runs, seconds, error
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(commit, forKey: .commit)
        try container.encode(subject, forKey: .subject)
        try container.encode(position, forKey: .position)
        try container.encode(classification, forKey: .classification)
        try container.encode(ratio, forKey: .ratio)
        try container.encode(midpoint, forKey: .midpoint)
        try container.encode(runs, forKey: .runs)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(error, forKey: .error)
    }
}
