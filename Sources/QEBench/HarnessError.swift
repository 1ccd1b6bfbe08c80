/// Why a timing run could not produce results. Each case names what failed and how.
public enum HarnessError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A workload name not in the suite.
    case unknownWorkload(String, known: [String])
    /// A suite name not in the catalogue.
    case unknownSuite(String, known: [String])
    /// A variant name no kernel implements.
    case unknownVariant(String, known: [String])
    /// The variants disagree beyond the stated bound: timing them would compare different results.
    case outputsDisagree(workload: String, variant: String, maxError: Float, bound: Float)
    /// A worker process ended with a non-zero status.
    case workerFailed(run: Int, status: Int32, message: String)
    /// A worker process was killed by a signal (a crash).
    case workerCrashed(run: Int, signal: Int32, message: String)
    /// A worker process did not finish in time and was stopped.
    case workerTimedOut(run: Int, seconds: Double)
    /// A worker's report could not be read.
    case unreadableReport(run: Int, reason: String)
    /// An external command exited with a non-zero status or could not be started.
    case commandFailed(command: String, status: Int32, message: String)
    /// An external command did not finish in time.
    case commandTimedOut(command: String, seconds: Double)

    public var description: String {
        switch self {
        case let .unknownWorkload(name, known):
            return "no workload named '\(name)'; the suite has: \(known.joined(separator: ", "))"
        case let .unknownSuite(name, known):
            return "no suite named '\(name)'; available: \(known.joined(separator: ", "))"
        case let .unknownVariant(name, known):
            return "no kernel variant named '\(name)'; available: \(known.joined(separator: ", "))"
        case let .outputsDisagree(workload, variant, maxError, bound):
            return "\(workload): the \(variant) output differs from the baseline by \(maxError), more than the bound \(bound); not timing kernels that compute different things"
        case let .workerFailed(run, status, message):
            return "run \(run): the worker process exited with status \(status)" + (message.isEmpty ? "" : ": \(message)")
        case let .workerCrashed(run, signal, message):
            return "run \(run): the worker process crashed (signal \(signal))" + (message.isEmpty ? "" : ": \(message)")
        case let .workerTimedOut(run, seconds):
            return "run \(run): the worker process did not finish within \(Int(seconds)) s and was stopped (raise --timeout if the machine is slow)"
        case let .unreadableReport(run, reason):
            return "run \(run): the worker's report could not be read: \(reason)"
        case let .commandFailed(command, status, message):
            return "the command '\(command)' failed with status \(status)" + (message.isEmpty ? "" : ": \(message)")
        case let .commandTimedOut(command, seconds):
            return "the command '\(command)' did not finish within \(Int(seconds)) s and was stopped"
        }
    }
}
