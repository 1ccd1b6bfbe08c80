import Foundation
import QEResults
import QETestSupport
import Testing

/// Issue 12, case 13, through `compare`: one absurd sample cannot produce a negative speedup.
@Suite("compare with an absurd sample")
struct OutlierSampleTests {
    @Test(arguments: [1e25, 1e100, 1e300])
    func theSpeedupIntervalStaysPositive(outlier: Double) throws {
        let scratch = try ScratchDirectory()
        var file = try ResultsFile.read(from: OutputPathTests.example)
        let index = try #require(file.benchmarks.firstIndex { $0.variant == "baseline" })
        file.benchmarks[index].runs[2].samples[7] = outlier
        let path = scratch.file("outlier.json")
        try file.write(to: path)
        let result = try ChildRun.run(["compare", path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let benchmarks = try #require(json["benchmarks"] as? [[String: Any]])
        for benchmark in benchmarks {
            let speedup = try #require(benchmark["speedup"] as? [String: Any])
            let low = try #require(speedup["low"] as? Double)
            #expect(low > 0, "\(benchmark["name"] ?? ""): \(low)")
        }
    }
}
