import QETestSupport
import Testing
import QEStatistics

/// run-variance.json (scripts/reference/run_variance.R): R's answers for the methods behind
/// `qe-validate variance`.
struct RunVarianceReference: Decodable, Sendable {
    struct Kendall: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let y: [Double]
        let alternative: String
        let exact: Bool?
        let continuity: Bool
        let error: String?
        let tau: Double?
        let statistic: Double?
        let pValue: Double?
        let method: String?
        let s: Double?
        let varianceOfS: Double?
        var testDescription: String { name }
    }

    struct Seasonal: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let blocks: [[Double]]
        let alternative: String
        let s: Double
        let varianceOfS: Double
        let z: Double
        let pValue: Double
        let blockPValues: [ReferenceNumber]
        var testDescription: String { name }
    }

    struct Stratified: Decodable, Sendable, CustomTestStringConvertible {
        struct Stratum: Decodable, Sendable {
            let x: [Double]
            let y: [Double]
        }
        let name: String
        let strata: [Stratum]
        let alternative: String
        let correct: Bool
        let u: Double
        let expectedU: Double
        let varianceOfU: Double
        let z: Double
        let pValue: Double
        let wilcoxPValue: Double?
        var testDescription: String { name }
    }

    struct Anova: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let groups: [[Double]]
        let error: String?
        let statistic: ReferenceNumber?
        let df1: Int?
        let df2: Int?
        let pValue: Double?
        var testDescription: String { name }
    }

    struct Planning: Decodable, Sendable, CustomTestStringConvertible {
        struct Plan: Decodable, Sendable {
            let iterationsPerRun: Int
            let targetWidth: Double
            let confidence: Double
            let runsNeeded: Int
            let widthAtRunsNeeded: Double
            let widthWithOneRunFewer: Double?
            let currentWidth: Double
        }
        let name: String
        let runs: [[Double]]
        let betweenVariance: Double
        let withinVariance: Double
        let meanOfRunMeans: Double
        let plans: [Plan]
        var testDescription: String { name }
    }

    struct Outliers: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let runs: [[Double]]
        let medians: [Double]
        let centre: Double
        let spread: Double
        let withinRunSpread: Double
        let distances: [ReferenceNumber]
        let relativeDifferences: [Double]?
        let standOut: [Int]
        var testDescription: String { name }
    }

    struct Critical: Decodable, Sendable, CustomTestStringConvertible {
        let runs: Int
        let confidences: [Double]
        let quantiles: [Double]
        var testDescription: String { "\(runs) runs" }
    }

    let kendall: [Kendall]
    let seasonalKendall: [Seasonal]
    let stratifiedRankSum: [Stratified]
    let onewayAnova: [Anova]
    let runsNeeded: [Planning]
    let outlyingRuns: [Outliers]
    let criticalDistances: [Critical]

    static let fixture: RunVarianceReference = ReferenceFixture.load("run-variance.json")
}

extension Alternative {
    init(r name: String) {
        self = Alternative(rawValue: name) ?? .twoSided
    }
}
