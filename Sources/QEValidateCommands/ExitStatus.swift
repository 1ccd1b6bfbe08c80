import ArgumentParser

/// Every exit code qe-validate uses (DESIGN §4), in one place. sysexits where they fit.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Success, claim validated, gate passed.
    case success = 0
    /// Claim refuted or regression found.
    case refutedOrRegression = 1
    /// Inconclusive, where the policy makes it fatal.
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

    var exitCode: ExitCode { ExitCode(rawValue) }
}
