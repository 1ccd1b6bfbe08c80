import Foundation
import QEResults
import QETestSupport
import Testing

@Suite("CPU identification in results files and machine identity")
struct MachineIdentityTests {
    static let zen4 = EnvironmentInfo(
        host: "runner-7", os: "Debian GNU/Linux 12 (bookworm)", cpu: "AMD EPYC", cpuVendor: "AuthenticAMD",
        cpuFamily: 25, cpuModel: 17, cpuStepping: 1, cpuFeatures: ["avx", "avx2", "avx512f", "fma"],
        cores: 2, toolchain: "Swift 6.3", build: "release")

    static func file(_ environment: EnvironmentInfo) -> ResultsFile {
        ResultsFile(suite: "s", unit: .nanoseconds, environment: environment,
                    benchmarks: [Benchmark(name: "b", variant: "v", runs: [BenchmarkRun(samples: [1, 2])])])
    }

    @Test func identificationFieldsRoundTrip() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("r.json")
        try Self.file(Self.zen4).write(to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"cpuVendor\": \"AuthenticAMD\""))
        #expect(text.contains("\"cpuFeatures\": [\"avx\", \"avx2\", \"avx512f\", \"fma\"]"))
        #expect(try ResultsFile.read(from: path).environment == Self.zen4)
    }

    @Test func anEmptyFeatureListIsNotAnAbsentOne() throws {
        var environment = Self.zen4
        environment.cpuFeatures = []
        let bytes = Self.file(environment).jsonBytes()
        #expect(try ResultsFile(jsonBytes: bytes, source: "x").environment.cpuFeatures == [])
    }

    @Test func filesWithoutTheFieldsStillRead() throws {
        let json = """
        {"schema": "qe-validate/results@1", "suite": "s", "unit": "ns",
         "environment": {"cpu": "AMD EPYC 7B13", "cores": 2},
         "benchmarks": [{"name": "b", "variant": "v", "runs": [{"samples": [1]}]}]}
        """
        let results = try ResultsFile(jsonBytes: Array(json.utf8), source: "old.json")
        #expect(results.environment.cpuVendor == nil && results.environment.cpuFeatures == nil)
        let identity = MachineIdentity(environment: results.environment)
        #expect(identity.unrecorded.contains(.cpuFeatures) && identity.unrecorded.contains(.os))
        #expect(identity.summary.contains("not recorded: CPU vendor"))
    }

    @Test func malformedFeaturesAreRefused() {
        let json = """
        {"schema": "qe-validate/results@1", "suite": "s", "unit": "ns",
         "environment": {"cpuFeatures": ["avx", 2]},
         "benchmarks": [{"name": "b", "variant": "v", "runs": [{"samples": [1]}]}]}
        """
        #expect(throws: ResultsError.self) { try ResultsFile(jsonBytes: Array(json.utf8), source: "bad.json") }
    }

    @Test func zen3AndZen4WithTheSameNameAreDifferentMachines() {
        var zen3 = Self.zen4
        zen3.cpuModel = 1
        zen3.cpuFeatures = ["avx", "avx2", "fma"]
        #expect(MachineIdentity(environment: zen3) != MachineIdentity(environment: Self.zen4))
        #expect(MachineIdentity(environment: zen3).canonicalKey != MachineIdentity(environment: Self.zen4).canonicalKey)
    }

    @Test func theHostNameDoesNotMatter() {
        var other = Self.zen4
        other.host = "runner-8"
        other.gitCommit = "abc"
        #expect(MachineIdentity(environment: other).canonicalKey == MachineIdentity(environment: Self.zen4).canonicalKey)
    }

    @Test func aFileWithoutIdentificationDoesNotMatchOneWithIt() {
        var old = Self.zen4
        old.cpuVendor = nil
        old.cpuFamily = nil
        old.cpuModel = nil
        old.cpuStepping = nil
        old.cpuFeatures = nil
        #expect(MachineIdentity(environment: old).canonicalKey != MachineIdentity(environment: Self.zen4).canonicalKey)
    }

    @Test func valuesCannotForgeAnotherKey() {
        // A newline in a value cannot make it read as two fields.
        let forged = EnvironmentInfo(cpu: "X\ncpuVendor=AuthenticAMD")
        let honest = EnvironmentInfo(cpu: "X", cpuVendor: "AuthenticAMD")
        #expect(MachineIdentity(environment: forged).canonicalKey != MachineIdentity(environment: honest).canonicalKey)
    }
}
