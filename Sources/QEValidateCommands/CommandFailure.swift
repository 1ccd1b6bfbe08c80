import ArgumentParser
import Foundation
import QEBench
import QEBisect
import QEHistory
import QEReports
import QEResults
import QEValidation

/// The one place where errors become a message on standard error and an exit code.
enum CommandFailure {
    /// Prints `message` as one line on standard error and returns the exit code to throw.
    static func report(_ message: String, _ status: ExitStatus) -> ExitCode {
        let line = "qe-validate: error: " + message.replacingOccurrences(of: "\n", with: " ") + "\n"
        FileHandle.standardError.write(Data(line.utf8))
        return status.exitCode
    }

    /// Prints a warning line on standard error.
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("qe-validate: warning: \(message)\n".utf8))
    }

    /// Maps any error thrown while running a command to its message and exit code.
    static func exitCode(for error: any Error) -> any Error {
        switch error {
        case let error as ExitCode:
            return error
        case let error as ResultsError:
            return report(error.description, ExitStatus(error.category))
        case let error as ComparisonPlanError:
            switch error {
            case .sameVariant: return report(error.description, .usage)
            case .nothingToCompare: return report(error.description, .dataError)
            }
        case let error as ClaimJudge.JudgementError:
            return report(error.description, error.isUsage ? .usage : .dataError)
        case let error as ClaimParser.ParseError:
            return report(error.description, .usage)
        case let error as ClaimChoice.UnknownSuite:
            return report(error.description, .usage)
        case let error as ClaimsFile.LoadError:
            return report(error.description, error.isMissing ? .noInput : .usage)
        case let error as ResultsPool.PoolError:
            return report(error.description, .dataError)
        case let error as ComparisonFailure:
            return report(error.description, .dataError)
        case let error as GateError:
            return report(error.description, error.isUsage ? .usage : .dataError)
        case let error as BaselineSourceError:
            return report(error.description, error.status)
        case let error as GateThresholds.ParseError:
            return report(error.description, .usage)
        case let error as RunVarianceError:
            return report(error.description, error.isUsageError ? .usage : .dataError)
        case let error as ReportError:
            return report(error.description, ExitStatus(error.category))
        case let error as OutputError:
            return report(error.description, .cannotWrite)
        case let error as HistoryError:
            return report(error.description, ExitStatus(error.category))
        case let error as SweepError:
            return report(error.description, ExitStatus(error))
        case let error as SweepPlanError:
            return report(error.description, .usage)
        case let error as OutputPathCheck.Conflict:
            return report(error.description, .usage)
        case let error as FileWriteError:
            return report(error.description, .cannotWrite)
        case let error as FileReadError:
            if case .invalidLimitSetting = error.reason { return report(error.description, .usage) }
            return report(error.description, .noInput)
        case let error as HarnessError:
            return report(error.description, ExitStatus(error))
        case let error as ChangeError:
            return report(error.description, ExitStatus(error))
        case let error as ChangeCommandError:
            return report(error.description, error.status)
        case let error as BisectError:
            return report(error.description, error.isUsage ? .usage : .dataError)
        case let error as BisectRunError:
            return report(error.description, ExitStatus(error))
        default:
            return report("internal error: \(error)", .internalError)
        }
    }
}
