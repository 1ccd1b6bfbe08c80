/// Every exit status qe-validate ends with (DESIGN §4), in one place: the verdicts' own (0, 1,
/// 3), then sysexits where they fit. Judges give their verdict's status here; the commands map
/// every error to one (`CommandFailure`).
public enum ExitStatus: Int32, Sendable, CaseIterable, Codable {
    /// Success, claim validated, gate passed, first bad commit named.
    case success = 0
    /// Claim refuted or regression found.
    case refutedOrRegression = 1
    /// Inconclusive, where the policy makes it fatal; a bisection that names only a range or
    /// finds no slowdown to bisect.
    case inconclusive = 3
    /// Wrong command line (EX_USAGE).
    case usage = 64
    /// Input data is invalid (EX_DATAERR).
    case dataError = 65
    /// Input file missing or unreadable (EX_NOINPUT).
    case noInput = 66
    /// Internal error (EX_SOFTWARE).
    case internalError = 70
    /// Output cannot be written (EX_CANTCREAT).
    case cannotWrite = 73

    /// A claim's overall verdict: validated 0, not validated 1, inconclusive 3.
    public init(_ verdict: OverallVerdict) {
        switch verdict {
        case .validated: self = .success
        case .notValidated: self = .refutedOrRegression
        case .inconclusive: self = .inconclusive
        }
    }

    /// The gate's verdict: passed 0, regression 1, inconclusive (under `--on-inconclusive
    /// fail`) 3.
    public init(_ verdict: GateOverallVerdict) {
        switch verdict {
        case .passed: self = .success
        case .regression: self = .refutedOrRegression
        case .inconclusive: self = .inconclusive
        }
    }

    /// A bisection's conclusion: one commit named 0; only a range, or the premise not
    /// confirmed, 3.
    public init(_ conclusion: BisectConclusion) {
        switch conclusion {
        case .named: self = .success
        case .premiseNotConfirmed, .untestableCommits, .budgetSpent, .decisionsSpent: self = .inconclusive
        }
    }
}
