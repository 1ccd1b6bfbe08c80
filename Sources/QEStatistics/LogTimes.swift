import Foundation

/// The natural logarithms of a run's times, checked once for the methods that work on log times
/// (``OutlyingIterationRule``, ``RunLogLevel``).
enum LogTimes {
    /// log tᵢ for every time.
    /// - Throws: `StatisticsError.tooFewObservations` for no times, `.nonFinite` or
    ///   `.nonPositive` for a time that is not finite and positive; each naming `what`.
    /// - Complexity: O(n).
    static func of(_ times: [Double], what: String) throws(StatisticsError) -> [Double] {
        try StatisticsError.check(times, atLeast: 1, what)
        var logs = [Double](repeating: 0, count: times.count)
        for (index, time) in times.enumerated() {
            guard time > 0 else { throw .nonPositive(what: what) }
            logs[index] = log(time)
        }
        return logs
    }
}
