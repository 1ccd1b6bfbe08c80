import Foundation
import QEStatistics

/// One round of a bisection: the known-good build, the known-bad build and (after the premise)
/// the candidate commit, measured one after the other (each once, or a few times in rotating
/// orders, keeping its fastest), so that a shift of the machine's speed hits all three alike.
/// Times are positive, in any one unit.
public struct BisectRound: Sendable, Equatable {
    public var good: Double
    public var bad: Double
    /// Nil while the premise is checked.
    public var candidate: Double?

    public init(good: Double, bad: Double, candidate: Double? = nil) {
        self.good = good
        self.bad = bad
        self.candidate = candidate
    }

    /// One invocation's time from a benchmark's samples: their geometric mean, leaving out the
    /// iterations `OutlyingIterationRule.standard` calls outlying (`RunLogLevel.robust`), so
    /// that a preempted iteration does not move it.
    /// - Throws: ``BisectError/invalidTime(what:value:)`` for no samples or one that is not a
    ///   positive time.
    public static func level(ofSamples samples: [Double], what: String) throws(BisectError) -> Double {
        guard !samples.isEmpty else { throw .invalidTime(what: what, value: .nan) }
        if let bad = samples.first(where: { !($0.isFinite && $0 > 0) }) { throw .invalidTime(what: what, value: bad) }
        do {
            return exp(try RunLogLevel.robust.value(samples, what: what))
        } catch {
            throw .invalidTime(what: what, value: .nan)
        }
    }

    /// One build's time in a round: the fastest of its invocations (NaN for none, which the
    /// judge refuses). Other work on the machine only ever adds time — to the wall clock by
    /// taking the cores, to the CPU clock by slowing caches and, on a virtual machine, by the
    /// host's own preemption — so the fastest invocation is the least disturbed one, as the
    /// gate keeps each run's fastest iteration.
    public static func fastest(_ times: [Double]) -> Double {
        times.min() ?? .nan
    }

    /// The order in which round `index` (from 0) measures the builds: the six orders of the
    /// three builds in turn (the two orders of good and bad for the premise), so that each
    /// build is first, second and last equally often.
    public static func order(round index: Int, withCandidate: Bool) -> [BisectBuildRole] {
        guard withCandidate else { return index % 2 == 0 ? [.good, .bad] : [.bad, .good] }
        let orders: [[BisectBuildRole]] = [
            [.good, .bad, .candidate], [.candidate, .good, .bad], [.bad, .candidate, .good],
            [.candidate, .bad, .good], [.good, .candidate, .bad], [.bad, .good, .candidate],
        ]
        return orders[index % orders.count]
    }
}

/// The three builds a bisection measures.
public enum BisectBuildRole: String, Sendable, Codable, CaseIterable {
    case good, bad, candidate
}
