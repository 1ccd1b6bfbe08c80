import ArgumentParser
import QEBench
import QEBisect
import QEHistory
import QEReports
import QEResults
import QEValidation

/// The exit status of each kind of failure the lower modules throw (DESIGN §4): this file and
/// ``ExitStatus`` are the only places that decide one.
extension ExitStatus {
    /// The status argument-parser ends the process with.
    var exitCode: ExitCode { ExitCode(rawValue) }

    /// A failure of the kind `category`: invalid usage 64, missing input 66, invalid data 65, cannot write 73,
    /// internal 70.
    init(_ category: FailureCategory) {
        switch category {
        case .invalidUsage: self = .usage
        case .missingInput: self = .noInput
        case .invalidData: self = .dataError
        case .cannotWrite: self = .cannotWrite
        case .internalFailure: self = .internalError
        }
    }

    /// A history-store failure (DESIGN §8): unreadable store 66, bad data 65, malformed
    /// store location 64, export not writable 73, anything else 70.
    init(_ category: HistoryError.Category) {
        switch category {
        case .unreadableStore: self = .noInput
        case .badData: self = .dataError
        case .badLocation: self = .usage
        case .cannotWrite: self = .cannotWrite
        case .internalFailure: self = .internalError
        }
    }

    /// A measurement that failed.
    init(_ error: HarnessError) {
        switch error {
        case .unknownWorkload, .unknownSuite, .unknownVariant: self = .usage
        case .outputsDisagree, .commandFailed, .commandTimedOut, .unreadableReport: self = .dataError
        case .workerFailed, .workerCrashed, .workerTimedOut: self = .internalError
        }
    }

    /// Change points that could not be looked for: bad options 64, unusable samples 65.
    init(_ error: ChangeError) {
        switch error {
        case .invalidOption: self = .usage
        case .invalidSeries: self = .dataError
        }
    }

    /// A sweep that cannot be judged: an option naming something the file lacks 64, data that
    /// are not a sweep or cannot be compared 65.
    init(_ error: SweepError) {
        switch error {
        case .unknownName: self = .usage
        case .notASweep, .comparisonFailed: self = .dataError
        }
    }

    /// A bisection that could not run: a wrong command line 64, not a repository or git
    /// failing 66, good or bad that cannot be built or measured 65, no room for the worktrees
    /// 73. (`bisect` never ends with an interruption: a signal ends the process by itself,
    /// after `TerminationCleanup`.)
    init(_ error: BisectRunError) {
        switch error {
        case .invalidRevision, .invalidSetup, .benchmarkChoice: self = .usage
        case .notARepository, .git: self = .noInput
        case .endpointFailed: self = .dataError
        case .scratch: self = .cannotWrite
        case .interrupted: self = .internalError
        }
    }
}
