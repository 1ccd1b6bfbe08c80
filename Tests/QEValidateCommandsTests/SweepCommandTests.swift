import Foundation
import QEPresentation
import QEResults
import QETestSupport
import QEValidation
import Testing

@Suite("qe-validate sweep: options, placeholders, memory, crossover, JSON")
struct SweepCommandTests {
    /// A sweep results file written to a scratch directory.
    static func sweepFile(_ scratch: ScratchDirectory, speedups: [Double: [Double]]) throws -> String {
        let path = scratch.file("sweep.json")
        try SweepFixtures.file(speedups: speedups).write(to: path)
        return path
    }

    static func json(_ path: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        return try #require(object as? [String: Any])
    }

    @Test(arguments: [
        ["--parameter", "n"], ["--parameter", "n="], ["--parameter", "n=1,,2"], ["--parameter", "n=1,1"],
        ["--parameter", "1n=1,2"], ["--parameter", "n=1,2", "--parameter", "n=3"],
    ])
    func malformedGridsAreUsageErrors(grid: [String]) async throws {
        #expect(await CommandRunner.run(["sweep", "--command", "true {n}"] + grid) == 64)
    }

    @Test func aSweepNeedsAParameter() async {
        #expect(await CommandRunner.run(["sweep", "--command", "true"]) == 64)
    }

    @Test(arguments: [
        ["--command", "true {m}", "--parameter", "n=1,2"],
        ["--baseline-cmd", "true {n}", "--candidate-cmd", "true", "--parameter", "n=1,2", "--parameter", "k=3"],
    ])
    func aParameterInNoCommandIsAUsageError(arguments: [String]) async throws {
        let scratch = try ScratchDirectory()
        #expect(await CommandRunner.run(["sweep"] + arguments + ["--out", scratch.file("r.json")]) == 64)
        #expect(try scratch.contents().isEmpty)
    }

    @Test(arguments: [
        [String](), ["--workload", "custom", "--command", "true {n}", "--parameter", "n=1,2"],
        ["--results", "x.json", "--parameter", "n=1,2"],
    ])
    func exactlyOneSourceIsGiven(arguments: [String]) async {
        #expect(await CommandRunner.run(["sweep"] + arguments) == 64)
    }

    @Test(arguments: [
        ["--parameter", "seqLen=128"],
        ["--parameter", "seqLen=128,256", "--parameter", "dim=0"],
        ["--parameter", "seqLen=12.5", "--parameter", "dim=64"],
        ["--parameter", "seqLen=128", "--parameter", "dim=64", "--parameter", "heads=2"],
    ])
    func badKernelShapesAreUsageErrors(arguments: [String]) async {
        #expect(await CommandRunner.run(["sweep", "--workload", "custom", "--quiet"] + arguments) == 64)
    }

    @Test("a point that cannot fit in memory is refused before anything runs")
    func memoryRefusal() async throws {
        let scratch = try ScratchDirectory()
        // 3·seqLen·dim floats of inputs alone: 12 TB.
        let status = await CommandRunner.run([
            "sweep", "--workload", "custom", "--parameter", "seqLen=128,1000000", "--parameter", "dim=1000000",
            "--quiet", "--out", scratch.file("r.json"), "--output", scratch.file("s.txt"),
        ])
        #expect(status == 64)
        #expect(try scratch.contents().isEmpty)
    }

    @Test("a command sweep measures every point, names them after their values, and fits the growth")
    func commandSweep() async throws {
        let scratch = try ScratchDirectory()
        let results = scratch.file("r.json")
        let document = scratch.file("s.json")
        let status = await CommandRunner.run([
            "sweep", "--command", "test {n} -gt 0", "--parameter", "n=1,2,3,4", "--runs", "2", "--iterations", "3",
            "--warmup", "1", "--quiet", "--out", results, "--format", "json", "--output", document,
        ])
        #expect(status == 0)
        let file = try ResultsFile.read(from: results)
        #expect(file.benchmarks.map(\.name).sorted() == ["command[n=1]", "command[n=2]", "command[n=3]", "command[n=4]"])
        #expect(file.benchmarks.allSatisfy { $0.runs.count == 2 && $0.runs.allSatisfy { $0.samples.count == 3 } })
        let json = try Self.json(document)
        #expect(json["schema"] as? String == "qe-validate/sweep@1")
        #expect(json["candidateVariant"] is NSNull)
        let scaling = try #require(json["scaling"] as? [[String: Any]])
        #expect(scaling.contains { $0["variant"] as? String == "command" && $0["metric"] as? String == "time" })
    }

    @Test("a measured sweep's crossover runs along the first --parameter that varies, unless --along says otherwise")
    func alongTheFirstVaryingParameter() async throws {
        let scratch = try ScratchDirectory()
        let base = ["sweep", "--command", "test {n} -gt 0 -a {m} -gt 0 -a {k} -gt 0", "--parameter", "k=7", "--parameter", "n=1,2",
                    "--parameter", "m=1,2,3", "--runs", "1", "--iterations", "1", "--warmup", "0", "--quiet", "--format", "json"]
        #expect(await CommandRunner.run(base + ["-o", scratch.file("a.json")]) == 0)
        #expect(try Self.json(scratch.file("a.json"))["along"] as? String == "n")
        #expect(await CommandRunner.run(base + ["--along", "m", "-o", scratch.file("b.json")]) == 0)
        #expect(try Self.json(scratch.file("b.json"))["along"] as? String == "m")
    }

    @Test("a failing command is a data error, and nothing is written")
    func failingCommand() async throws {
        let scratch = try ScratchDirectory()
        let status = await CommandRunner.run([
            "sweep", "--command", "test {n} -lt 3", "--parameter", "n=1,2,3", "--runs", "1", "--iterations", "1", "--warmup", "0",
            "--quiet", "--out", scratch.file("r.json"),
        ])
        #expect(status == 65)
        #expect(try scratch.contents().isEmpty)
    }

    @Test("with a claim: the crossover is found, its interval decides, exit 0")
    func crossoverFound() async throws {
        let scratch = try ScratchDirectory()
        let input = try Self.sweepFile(scratch, speedups: [64: [0.9, 1.0, 1.5, 1.8, 2.2]])
        let output = scratch.file("s.json")
        #expect(await CommandRunner.run(["sweep", "--results", input, "--replicates", "200", "--claim", "1.2x", "--format", "json", "-o", output]) == 0)
        let json = try Self.json(output)
        let crossover = try #require(json["crossover"] as? [String: Any])
        #expect(crossover["parameter"] as? String == "seqLen")
        #expect(crossover["value"] as? Double == 1024)
        let speedup = try #require(crossover["speedup"] as? [String: Any])
        let low = try #require(speedup["low"] as? Double)
        let high = try #require(speedup["high"] as? Double)
        let estimate = try #require(speedup["estimate"] as? Double)
        #expect(low >= 1.2 && low < estimate && estimate < high)
        let points = try #require(json["points"] as? [[String: Any]])
        #expect(points.count == 5)
        #expect(points.map { $0["verdict"] as? String } == ["refuted", "refuted", "holds", "holds", "holds"])
        #expect(points.allSatisfy { ($0["parameters"] as? [String: Any])?["dim"] as? Double == 64 })
        let scaling = try #require(json["scaling"] as? [[String: Any]])
        let metrics = Set(scaling.compactMap { $0["metric"] as? String })
        #expect(metrics == ["time", "workingSetBytes", "peakAllocatedBytes"])
        let flashMemory = try #require(scaling.first { $0["variant"] as? String == "flash" && $0["metric"] as? String == "workingSetBytes" })
        #expect(flashMemory["class"] as? String == "n")
        #expect(flashMemory["parameter"] as? String == "seqLen")
        let exponent = try #require(flashMemory["exponent"] as? [String: Any])
        #expect(exponent.keys.sorted() == ["estimate", "high", "low"])
    }

    @Test("with a claim that holds nowhere from a point on: crossover null, exit 1, the output still written")
    func crossoverNowhere() async throws {
        let scratch = try ScratchDirectory()
        let input = try Self.sweepFile(scratch, speedups: [64: [1.0, 1.0, 2.0, 1.0, 1.0]])
        let output = scratch.file("s.json")
        #expect(await CommandRunner.run(["sweep", "--results", input, "--replicates", "200", "--claim", "1.2x", "--format", "json", "-o", output]) == 1)
        let json = try Self.json(output)
        #expect(json["crossover"] is NSNull)
        let text = scratch.file("s.txt")
        #expect(await CommandRunner.run(["sweep", "--results", input, "--replicates", "200", "--claim", "1.2x", "-o", text]) == 1)
        #expect(try String(contentsOfFile: text, encoding: .utf8).contains("nowhere in the measured range"))
    }

    @Test("every format renders the same sweep", arguments: ["text", "markdown", "csv"])
    func formats(format: String) async throws {
        let scratch = try ScratchDirectory()
        let input = try Self.sweepFile(scratch, speedups: [64: [0.9, 1.0, 1.5, 1.8, 2.2]])
        let output = scratch.file("s.out")
        #expect(await CommandRunner.run(["sweep", "--results", input, "--replicates", "200", "--claim", "1.2x", "--format", format, "-o", output]) == 0)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        switch format {
        case "csv":
            let lines = text.split(separator: "\n")
            #expect(lines.first?.hasPrefix("row,parameters,variant,metric") == true)
            #expect(lines.filter { $0.hasPrefix("point,") }.count == 5)
            #expect(lines.contains { $0.hasPrefix("crossover,dim=64;seqLen=1024,") })
            #expect(lines.contains { $0.hasPrefix("scaling,dim=64,flash,workingSetBytes,seqLen,") && $0.contains(",residual-t,,,n,") })
        case "markdown":
            #expect(text.hasPrefix("| dim | seqLen | speedup |"))
            #expect(text.contains("from seqLen = 1024 on"))
        default:
            #expect(text.contains("Crossover along seqLen: the claim ≥ 1.2x holds for flash from seqLen = 1024 on"))
            #expect(text.contains("HOLDS") && text.contains("REFUTED"))
        }
    }

    @Test("a results file that is not a sweep is a data error; an unknown --along a usage error")
    func notASweep() async throws {
        let scratch = try ScratchDirectory()
        let input = try Self.sweepFile(scratch, speedups: [64: [1.0, 1.0, 1.5, 1.8, 2.2]])
        #expect(await CommandRunner.run(["sweep", "--results", input, "--replicates", "200", "--along", "heads"]) == 64)
        #expect(await CommandRunner.run(["sweep", "--results", scratch.file("absent.json")]) == 66)
        let flat = scratch.file("flat.json")
        try ResultsFile(suite: "s", unit: .nanoseconds, benchmarks: [
            Benchmark(name: "a", variant: "baseline", runs: [BenchmarkRun(samples: [1, 2, 3])]),
        ]).write(to: flat)
        #expect(await CommandRunner.run(["sweep", "--results", flat]) == 65)
    }

    @Test("--plot writes a standalone SVG: every run's time and each memory figure, and the fitted curves")
    func plot() async throws {
        let scratch = try ScratchDirectory()
        let input = try Self.sweepFile(scratch, speedups: [64: [0.9, 1.0, 1.5, 1.8, 2.2]])
        let plot = scratch.file("sweep.svg")
        #expect(await CommandRunner.run(["sweep", "--results", input, "--replicates", "200", "-o", scratch.file("s.txt"), "--plot", plot]) == 0)
        let svg = try String(contentsOfFile: plot, encoding: .utf8)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("<style>"))
        // Time: 5 sizes × 5 runs × 2 variants; working set: 5 sizes × 2 variants.
        #expect(svg.components(separatedBy: "<circle").count - 1 == 5 * 5 * 2 + 5 * 2)
        #expect(svg.contains("flash k=1.00 (dim=64)"))
        let twoSizes = scratch.file("two.json")
        try SweepFixtures.file(seqLens: [256, 512], speedups: [64: [1, 1]]).write(to: twoSizes)
        #expect(await CommandRunner.run(["sweep", "--results", twoSizes, "-o", scratch.file("t.txt"), "--plot", scratch.file("t.svg")]) == 65)
        #expect(!FileManager.default.fileExists(atPath: scratch.file("t.svg")))
    }

    @Test func anUnwritableOutputExits73() async throws {
        let scratch = try ScratchDirectory()
        let input = try Self.sweepFile(scratch, speedups: [64: [1.0, 1.0, 1.5, 1.8, 2.2]])
        #expect(await CommandRunner.run(["sweep", "--results", input, "-o", input]) == 64)
        #expect(await CommandRunner.run(["sweep", "--results", input, "-o", scratch.file("a.txt"), "--plot", scratch.file("a.txt")]) == 64)
        #expect(await CommandRunner.run(["sweep", "--results", input, "--replicates", "200", "-o", scratch.file("missing/s.txt")]) == 73)
    }
}
