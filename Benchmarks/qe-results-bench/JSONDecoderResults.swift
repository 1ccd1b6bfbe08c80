import Foundation
import QEResults

/// A results file read with Foundation's `JSONDecoder`: `Decodable` structs of the
/// `qe-validate/results@1` schema, turned into a ``ResultsFile`` and validated like the
/// project's reader does — the alternative the benchmark measures it against.
enum JSONDecoderResults {
    struct File: Decodable {
        var schema: String
        var suite: String
        var unit: String
        var createdAt: String?
        var environment: Environment?
        var outputsVerified: Bool?
        var benchmarks: [BenchmarkEntry]
    }

    struct Environment: Decodable {
        var host, os, kernel, cpu, toolchain, build, gitCommit, command: String?
        var cores: Int?
    }

    struct BenchmarkEntry: Decodable {
        var name: String
        var variant: String
        var parameters: [String: Parameter]?
        var runs: [Run]
        var sampleKind: String?
    }

    struct Run: Decodable {
        var samples: [Double]
        var warmup: [Double]?
        var startedAt: String?
    }

    enum Parameter: Decodable {
        case number(Double), string(String), bool(Bool)
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let bool = try? container.decode(Bool.self) { self = .bool(bool) }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else { self = .string(try container.decode(String.self)) }
        }
    }

    struct Invalid: Error { var reason: String }

    static func read(_ bytes: [UInt8]) throws -> ResultsFile {
        let file = try JSONDecoder().decode(File.self, from: Data(bytes))
        guard file.schema == ResultsFile.currentSchema else { throw Invalid(reason: "schema") }
        guard let unit = TimeUnit(rawValue: file.unit) else { throw Invalid(reason: "unit") }
        let environment = file.environment.map {
            EnvironmentInfo(host: $0.host, os: $0.os, kernel: $0.kernel, cpu: $0.cpu, cores: $0.cores, toolchain: $0.toolchain,
                            build: $0.build, gitCommit: $0.gitCommit, command: $0.command)
        } ?? EnvironmentInfo()
        let benchmarks = try file.benchmarks.map { entry in
            var parameters: [String: ParameterValue] = [:]
            for (key, value) in entry.parameters ?? [:] {
                switch value {
                case let .number(number): parameters[key] = .number(number)
                case let .string(string): parameters[key] = .string(string)
                case let .bool(bool): parameters[key] = .bool(bool)
                }
            }
            guard let kind = SampleKind(rawValue: entry.sampleKind ?? "iteration") else { throw Invalid(reason: "sampleKind") }
            return Benchmark(name: entry.name, variant: entry.variant, parameters: parameters,
                             runs: entry.runs.map { BenchmarkRun(samples: $0.samples, warmup: $0.warmup ?? [], startedAt: $0.startedAt) },
                             sampleKind: kind)
        }
        let results = ResultsFile(suite: file.suite, unit: unit, createdAt: file.createdAt, environment: environment,
                                  outputsVerified: file.outputsVerified, benchmarks: benchmarks)
        try results.validate(source: "bench")
        return results
    }
}
