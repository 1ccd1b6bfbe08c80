import QEResults
import QETestSupport
import Testing

@Suite("The outputsVerified flag")
struct OutputsVerifiedTests {
    static func file(_ flag: Bool?) -> ResultsFile {
        ResultsFile(
            suite: "s", unit: .nanoseconds, outputsVerified: flag,
            benchmarks: [Benchmark(name: "a", variant: "baseline", runs: [BenchmarkRun(samples: [1, 2])])])
    }

    @Test(arguments: [true, false])
    func roundTrips(flag: Bool) throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("r.json")
        try Self.file(flag).write(to: path)
        #expect(try ResultsFile.read(from: path).outputsVerified == flag)
    }

    @Test func absentMeansUnknown() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("r.json")
        try Self.file(nil).write(to: path)
        #expect(try ResultsFile.read(from: path).outputsVerified == nil)
        #expect(!String(decoding: Self.file(nil).jsonBytes(), as: UTF8.self).contains("outputsVerified"))
    }

    @Test func aNonBooleanIsRefused() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write(
            #"{"schema": "qe-validate/results@1", "suite": "s", "unit": "ns", "outputsVerified": "yes", "benchmarks": [{"name": "a", "variant": "b", "runs": [{"samples": [1]}]}]}"#,
            to: "r.json")
        #expect(throws: ResultsError.self) { try ResultsFile.read(from: path) }
    }
}
