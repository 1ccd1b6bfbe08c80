/// Writes a ``ResultsFile`` as JSON text: readable at the top, one line per run so that files
/// with millions of samples stay a few thousand lines long.
enum ResultsFileEncoder {
    static func encode(_ file: ResultsFile) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096 + 20 * file.benchmarks.reduce(0) { $0 + $1.sampleCount })
        out.append("{\n")
        member("schema", indent: 1, to: &out) { JSONStringEscaper.append(file.schema, to: &$0) }
        member("suite", indent: 1, to: &out) { JSONStringEscaper.append(file.suite, to: &$0) }
        member("unit", indent: 1, to: &out) { JSONStringEscaper.append(file.unit.rawValue, to: &$0) }
        if let createdAt = file.createdAt {
            member("createdAt", indent: 1, to: &out) { JSONStringEscaper.append(createdAt, to: &$0) }
        }
        if !file.environment.isEmpty {
            member("environment", indent: 1, to: &out) { appendEnvironment(file.environment, to: &$0) }
        }
        if let verified = file.outputsVerified {
            member("outputsVerified", indent: 1, to: &out) { $0.append(contentsOf: Array((verified ? "true" : "false").utf8)) }
        }
        indentation(1, &out)
        out.append("\"benchmarks\": [\n")
        for (index, benchmark) in file.benchmarks.enumerated() {
            appendBenchmark(benchmark, to: &out)
            out.append(index == file.benchmarks.count - 1 ? "\n" : ",\n")
        }
        indentation(1, &out)
        out.append("]\n}\n")
        return out
    }

    private static func appendEnvironment(_ environment: EnvironmentInfo, to out: inout [UInt8]) {
        let strings: [(String, String?)] = [
            ("host", environment.host), ("os", environment.os), ("kernel", environment.kernel),
            ("cpu", environment.cpu),
        ]
        let moreStrings: [(String, String?)] = [
            ("toolchain", environment.toolchain), ("build", environment.build),
            ("gitCommit", environment.gitCommit), ("command", environment.command),
        ]
        out.append("{\n")
        for case let (key, value?) in strings {
            member(key, indent: 2, to: &out) { JSONStringEscaper.append(value, to: &$0) }
        }
        let cpuNumbers: [(String, Int?)] = [
            ("cpuFamily", environment.cpuFamily), ("cpuModel", environment.cpuModel),
            ("cpuStepping", environment.cpuStepping),
        ]
        if let vendor = environment.cpuVendor {
            member("cpuVendor", indent: 2, to: &out) { JSONStringEscaper.append(vendor, to: &$0) }
        }
        for case let (key, value?) in cpuNumbers {
            member(key, indent: 2, to: &out) { JSONNumberFormatter.append(Double(value), to: &$0) }
        }
        if let features = environment.cpuFeatures {
            member("cpuFeatures", indent: 2, to: &out) { out in
                out.append(UInt8(ascii: "["))
                for (index, feature) in features.enumerated() {
                    if index > 0 { out.append(contentsOf: Array(", ".utf8)) }
                    JSONStringEscaper.append(feature, to: &out)
                }
                out.append(UInt8(ascii: "]"))
            }
        }
        if let cores = environment.cores {
            member("cores", indent: 2, to: &out) { JSONNumberFormatter.append(Double(cores), to: &$0) }
        }
        for case let (key, value?) in moreStrings {
            member(key, indent: 2, to: &out) { JSONStringEscaper.append(value, to: &$0) }
        }
        removeTrailingComma(&out)
        indentation(1, &out)
        out.append("}")
    }

    private static func appendBenchmark(_ benchmark: Benchmark, to out: inout [UInt8]) {
        indentation(2, &out)
        out.append("{\n")
        member("name", indent: 3, to: &out) { JSONStringEscaper.append(benchmark.name, to: &$0) }
        member("variant", indent: 3, to: &out) { JSONStringEscaper.append(benchmark.variant, to: &$0) }
        // Written only for batch means, so files of single iterations stay as they always were.
        if benchmark.sampleKind != .iteration {
            member("sampleKind", indent: 3, to: &out) { JSONStringEscaper.append(benchmark.sampleKind.rawValue, to: &$0) }
        }
        if !benchmark.parameters.isEmpty {
            member("parameters", indent: 3, to: &out) { out in
                out.append("{ ")
                for (index, key) in benchmark.parameters.keys.sorted().enumerated() {
                    if index > 0 { out.append(", ") }
                    JSONStringEscaper.append(key, to: &out)
                    out.append(": ")
                    switch benchmark.parameters[key] {
                    case let .number(value)?: JSONNumberFormatter.append(value, to: &out)
                    case let .string(value)?: JSONStringEscaper.append(value, to: &out)
                    case let .bool(value)?: out.append(value ? "true" : "false")
                    case nil: out.append("null")
                    }
                }
                out.append(" }")
            }
        }
        member("runs", indent: 3, to: &out) { out in
            out.append("[\n")
            for (index, run) in benchmark.runs.enumerated() {
                indentation(4, &out)
                out.append("{ ")
                if let startedAt = run.startedAt {
                    out.append("\"startedAt\": ")
                    JSONStringEscaper.append(startedAt, to: &out)
                    out.append(", ")
                }
                if !run.warmup.isEmpty {
                    out.append("\"warmup\": ")
                    appendNumbers(run.warmup, to: &out)
                    out.append(", ")
                }
                out.append("\"samples\": ")
                appendNumbers(run.samples, to: &out)
                out.append(index == benchmark.runs.count - 1 ? " }\n" : " },\n")
            }
            indentation(3, &out)
            out.append("]")
        }
        if let memory = benchmark.memory, !memory.isEmpty {
            member("memory", indent: 3, to: &out) { out in
                out.append("{ ")
                var first = true
                for case let (key, value?) in [("workingSetBytes", memory.workingSetBytes),
                                               ("peakAllocatedBytes", memory.peakAllocatedBytes)] {
                    if !first { out.append(", ") }
                    first = false
                    JSONStringEscaper.append(key, to: &out)
                    out.append(": ")
                    JSONNumberFormatter.append(Double(value), to: &out)
                }
                out.append(" }")
            }
        }
        removeTrailingComma(&out)
        indentation(2, &out)
        out.append("}")
    }

    private static func appendNumbers(_ values: [Double], to out: inout [UInt8]) {
        out.append("[")
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(", ") }
            JSONNumberFormatter.append(value, to: &out)
        }
        out.append("]")
    }

    /// `"key": VALUE,\n` at `indent` levels; the caller removes the last comma of an object.
    private static func member(_ key: String, indent: Int, to out: inout [UInt8], value: (inout [UInt8]) -> Void) {
        indentation(indent, &out)
        JSONStringEscaper.append(key, to: &out)
        out.append(": ")
        value(&out)
        out.append(",\n")
    }

    private static func removeTrailingComma(_ out: inout [UInt8]) {
        if out.count >= 2 && out[out.count - 2] == UInt8(ascii: ",") && out[out.count - 1] == UInt8(ascii: "\n") {
            out.removeLast(2)
            out.append("\n")
        }
    }

    private static func indentation(_ level: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }
}

private extension Array where Element == UInt8 {
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}
