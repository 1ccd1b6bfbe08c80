import QETestSupport
import Testing

@testable import QEStatistics

/// `scipy.stats.mannwhitneyu` on the same cases as wilcox.json (scripts/reference/scipy_crosscheck.py):
/// a second, independent implementation of the same p-values.
struct SciPyMannWhitney: Decodable {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let id: String
        let method: String
        let statistic: Double
        let pValue: ReferenceNumber
        var testDescription: String { "\(id) (\(method))" }
    }
    let cases: [Case]
    static let all: [Case] = (try? ReferenceFiles.load(SciPyMannWhitney.self, named: "scipy-mannwhitney.json").cases) ?? []
}

@Suite("Mann–Whitney against SciPy")
struct SciPyCrossCheckTests {
    @Test func fileLoads() { #expect(SciPyMannWhitney.all.count >= 40) }

    @Test(.tags(.slow), .skippedWhenFast, arguments: SciPyMannWhitney.all)
    func agreesWithSciPy(_ scipy: SciPyMannWhitney.Case) throws {
        let reference = try #require(WilcoxonReference.all.first { $0.id == scipy.id })
        let alternative = try #require(Alternative(rawValue: reference.alternative))
        let test = try MannWhitneyTest(
            x: reference.x, y: reference.y, alternative: alternative,
            exact: scipy.method == "exact", correct: true)
        #expect(test.u == scipy.statistic)
        guard let p = scipy.pValue.value, !p.isNaN else { return }
        if test.allTied {
            #expect(p == 1)  // SciPy also reports 1 when every observation is equal
        } else {
            #expect(isClose(test.pValue, p, relative: 1e-9), "p \(test.pValue) SciPy \(p)")
        }
    }
}
