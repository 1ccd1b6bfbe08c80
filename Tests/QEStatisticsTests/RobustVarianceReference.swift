import QEStatistics
import Testing

/// robust-variance.json (scripts/reference/robust_variance.py): outlying iterations, the runs
/// without them, their variance components and planning, and paired-runs intervals with each
/// per-run level, computed by hand from the definitions.
struct RobustVarianceReference: Decodable, Sendable {
    struct Rule: Decodable, Sendable {
        let fenceMultiplier: Double
        let minimumRatio: Double
        let minimumIterations: Int

        func make() throws -> OutlyingIterationRule {
            try OutlyingIterationRule(fenceMultiplier: fenceMultiplier, minimumRatio: minimumRatio, minimumIterations: minimumIterations)
        }
    }

    struct Run: Decodable, Sendable {
        let median: Double
        let logSpread: Double
        let fence: Double?
        let outlying: [Int]
    }

    struct Flagged: Decodable, Sendable {
        let run: Int
        let index: Int
        let time: Double
        let ratioToMedian: Double
    }

    struct Components: Decodable, Sendable {
        let N: Int
        let K: Int
        let runMeans: [Double]
        let grandMean: Double
        let meanOfRunMeans: Double
        let withinMeanSquare: Double
        let betweenMeanSquare: Double
        let n0: Double
        let betweenVariance: Double
        let icc: Double?
        let t1Squared: Double
        let varianceOfRunMeans: Double
        let t2Squared: Double
    }

    struct Planning: Decodable, Sendable {
        struct Target: Decodable, Sendable {
            let width: Double
            let iterationsPerRun: Int
            let runs: Int
            let expectedWidth: Double?
        }
        let costRatios: [Double]
        let optimalIterations: [Int?]
        let runsNeeded: [Target]
        let currentWidth: Double
    }

    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let rule: Rule
        let runs: [[Double]]
        let perRun: [Run]
        let count: Int
        let of: Int
        let outlying: [Flagged]
        let worst: Flagged?
        let mildest: Flagged?
        let keptRuns: [[Double]]
        let keptRunMeans: [Double]
        let typicalTime: Double
        let classicalTypicalTime: Double
        let robust: Components?
        let robustPlanning: Planning?
        let classicalPlanning: Planning?
        var testDescription: String { name }
    }

    struct Level: Decodable, Sendable {
        let baselineLevels: [Double]
        let candidateLevels: [Double]
        let logRatios: [Double]
        let estimate: Double
        let low: Double
        let high: Double
    }

    struct Paired: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let baselineRuns: [[Double]]
        let candidateRuns: [[Double]]
        let confidence: Double
        let levels: [String: Level]
        var testDescription: String { name }
    }

    let cases: [Case]
    let paired: [Paired]

    static let fixture: RobustVarianceReference = ReferenceFixture.load("robust-variance.json")
}
