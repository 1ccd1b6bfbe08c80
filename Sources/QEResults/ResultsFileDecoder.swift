/// Turns a parsed JSON document into a ``ResultsFile``, checking the schema, the unit and the
/// type of every value, with errors that give the key path (`benchmarks[1].runs[0].samples`) and,
/// inside a benchmark, its `name (variant)`.
///
/// It checks shape only; ``ResultsFile/validate(source:)`` then checks the content (empty runs,
/// non-finite and non-positive samples, duplicates). Keys the format does not define are ignored.
/// An optional member that is `null` counts as absent.
struct ResultsFileDecoder {
    /// The file's path, which starts every message.
    let source: String
    let document: JSONDocument

    func decode() throws(ResultsError) -> ResultsFile {
        let root = JSONPath.root
        guard case let .object(top) = document.root else {
            throw fail(.wrongType, "expected a JSON object at the top level, found \(document.root.typeDescription)")
        }
        try checkSchema(top)
        let unit = try decodeUnit(top)
        let suite = try requiredString(top, "suite", at: root)
        let createdAt = try optionalString(top, "createdAt", at: root)
        let environment = try decodeEnvironment(top["environment"], at: root.appending("environment"))
        let outputsVerified = try optionalBool(top, "outputsVerified", at: root)

        let benchmarksPath = root.appending("benchmarks")
        guard let benchmarksValue = top["benchmarks"] else {
            throw fail(.missingKey, "missing \"benchmarks\" (the list of benchmarks)")
        }
        let elements = try array(benchmarksValue, at: benchmarksPath, of: "benchmark objects")
        var benchmarks: [Benchmark] = []
        benchmarks.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            benchmarks.append(try decodeBenchmark(element, at: benchmarksPath.appending(index: index)))
        }
        return ResultsFile(suite: suite, unit: unit, createdAt: createdAt, environment: environment,
                           outputsVerified: outputsVerified, benchmarks: benchmarks)
    }

    // MARK: - Top level

    private func checkSchema(_ top: JSONObject) throws(ResultsError) {
        let expected = JSONStringEscaper.quoted(ResultsFile.currentSchema)
        guard let value = top["schema"] else {
            throw fail(.wrongSchema, "missing \"schema\": expected \(expected) (is this a qe-validate results file?)")
        }
        guard case let .string(schema) = value else {
            throw fail(.wrongSchema, "\"schema\" is \(value.typeDescription), expected the string \(expected)")
        }
        guard schema == ResultsFile.currentSchema else {
            throw fail(.wrongSchema, "unsupported schema \(JSONStringEscaper.quoted(schema)), expected \(expected)")
        }
    }

    private func decodeUnit(_ top: JSONObject) throws(ResultsError) -> TimeUnit {
        let text = try requiredString(top, "unit", at: .root)
        guard let unit = TimeUnit(rawValue: text) else {
            let accepted = TimeUnit.allCases.map(\.rawValue).joined(separator: ", ")
            throw fail(.unknownUnit, "unknown unit \(JSONStringEscaper.quoted(text)); accepted units: \(accepted)")
        }
        return unit
    }

    private func decodeEnvironment(_ value: JSONValue?, at path: JSONPath) throws(ResultsError) -> EnvironmentInfo {
        guard let value, value != .null else { return EnvironmentInfo() }
        let object = try self.object(value, at: path)
        return EnvironmentInfo(
            host: try optionalString(object, "host", at: path),
            os: try optionalString(object, "os", at: path),
            kernel: try optionalString(object, "kernel", at: path),
            cpu: try optionalString(object, "cpu", at: path),
            cpuVendor: try optionalString(object, "cpuVendor", at: path),
            cpuFamily: try optionalInteger(object, "cpuFamily", at: path, minimum: 0),
            cpuModel: try optionalInteger(object, "cpuModel", at: path, minimum: 0),
            cpuStepping: try optionalInteger(object, "cpuStepping", at: path, minimum: 0),
            cpuFeatures: try optionalStrings(object, "cpuFeatures", at: path),
            cores: try optionalInteger(object, "cores", at: path, minimum: 1),
            toolchain: try optionalString(object, "toolchain", at: path),
            build: try optionalString(object, "build", at: path),
            gitCommit: try optionalString(object, "gitCommit", at: path),
            command: try optionalString(object, "command", at: path)
        )
    }

    // MARK: - Benchmarks

    private func decodeBenchmark(_ value: JSONValue, at path: JSONPath) throws(ResultsError) -> Benchmark {
        let object = try self.object(value, at: path)
        let name = try requiredString(object, "name", at: path)
        let variant = try requiredString(object, "variant", at: path)
        let context = "benchmark \(BenchmarkKey(name: name, variant: variant))"

        var parameters: [String: ParameterValue] = [:]
        let parametersPath = path.appending("parameters")
        if let parametersValue = object["parameters"], parametersValue != .null {
            let parametersObject = try self.object(parametersValue, at: parametersPath, context: context)
            for key in parametersObject.keys {
                guard let member = parametersObject[key] else { continue }
                parameters[key] = try parameter(member, at: parametersPath.appending(key), context: context)
            }
        }

        let runsPath = path.appending("runs")
        guard let runsValue = object["runs"] else {
            throw fail(.missingKey, "\(context): \(path): missing \"runs\"")
        }
        var runs: [BenchmarkRun] = []
        for (index, element) in try array(runsValue, at: runsPath, of: "run objects", context: context).enumerated() {
            let runContext = "\(context), run \(index + 1)"
            runs.append(try decodeRun(element, at: runsPath.appending(index: index), context: runContext))
        }

        var memory: MemoryFigures?
        let memoryPath = path.appending("memory")
        if let memoryValue = object["memory"], memoryValue != .null {
            let memoryObject = try self.object(memoryValue, at: memoryPath, context: context)
            memory = MemoryFigures(
                workingSetBytes: try optionalInteger(memoryObject, "workingSetBytes", at: memoryPath,
                                                     minimum: 0, context: context),
                peakAllocatedBytes: try optionalInteger(memoryObject, "peakAllocatedBytes", at: memoryPath,
                                                        minimum: 0, context: context)
            )
        }
        var sampleKind = SampleKind.iteration
        if let text = try optionalString(object, "sampleKind", at: path, context: context) {
            guard let kind = SampleKind(rawValue: text) else {
                let accepted = SampleKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail(.invalidValue, "\(context): \(path.appending("sampleKind")): unknown sample kind \(JSONStringEscaper.quoted(text)); accepted: \(accepted)")
            }
            sampleKind = kind
        }
        return Benchmark(name: name, variant: variant, parameters: parameters, runs: runs, memory: memory,
                         sampleKind: sampleKind)
    }

    private func decodeRun(_ value: JSONValue, at path: JSONPath, context: String) throws(ResultsError) -> BenchmarkRun {
        let object = try self.object(value, at: path, context: context)
        guard let samplesValue = object["samples"] else {
            throw fail(.missingKey, "\(context): \(path): missing \"samples\"")
        }
        let samples = try numbers(samplesValue, at: path.appending("samples"), context: context)
        var warmup: [Double] = []
        if let warmupValue = object["warmup"], warmupValue != .null {
            warmup = try numbers(warmupValue, at: path.appending("warmup"), context: context)
        }
        let startedAt = try optionalString(object, "startedAt", at: path, context: context)
        return BenchmarkRun(samples: samples, warmup: warmup, startedAt: startedAt)
    }

    private func parameter(_ value: JSONValue, at path: JSONPath, context: String) throws(ResultsError) -> ParameterValue {
        switch value {
        case let .number(number):
            try checkFinite(number, at: path, context: context)
            return .number(number)
        case let .string(string): return .string(string)
        case let .bool(bool): return .bool(bool)
        default:
            throw fail(.wrongType, "\(context): \(path): expected a number, string or boolean, found \(value.typeDescription)")
        }
    }

    // MARK: - Typed access

    private func object(_ value: JSONValue, at path: JSONPath, context: String? = nil) throws(ResultsError) -> JSONObject {
        guard case let .object(object) = value else {
            throw fail(.wrongType, prefix(context) + "\(path): expected an object, found \(value.typeDescription)")
        }
        return object
    }

    private func array(_ value: JSONValue, at path: JSONPath, of what: String, context: String? = nil) throws(ResultsError) -> [JSONValue] {
        switch value {
        case let .array(elements): return elements
        case .numbers:
            throw fail(.wrongType, prefix(context) + "\(path)[0]: expected an object, found a number")
        default:
            throw fail(.wrongType, prefix(context) + "\(path): expected an array of \(what), found \(value.typeDescription)")
        }
    }

    /// An array of numbers, which may be non-finite (validation reports those with their place).
    private func numbers(_ value: JSONValue, at path: JSONPath, context: String) throws(ResultsError) -> [Double] {
        if let numbers = value.numberArray { return numbers }
        if case let .array(elements) = value,
           let index = elements.firstIndex(where: { if case .number = $0 { return false } else { return true } }) {
            throw fail(.wrongType, "\(context): \(path.appending(index: index)): expected a number, found \(elements[index].typeDescription)")
        }
        throw fail(.wrongType, "\(context): \(path): expected an array of numbers, found \(value.typeDescription)")
    }

    private func requiredString(_ object: JSONObject, _ key: String, at path: JSONPath) throws(ResultsError) -> String {
        let memberPath = path.appending(key)
        guard let value = object[key] else {
            let location = path == .root ? "" : "\(path): "
            throw fail(.missingKey, location + "missing \(JSONStringEscaper.quoted(key))")
        }
        guard case let .string(string) = value else {
            throw fail(.wrongType, "\(memberPath): expected a string, found \(value.typeDescription)")
        }
        guard !string.isEmpty else {
            throw fail(.invalidValue, "\(memberPath): must not be empty")
        }
        return string
    }

    private func optionalString(_ object: JSONObject, _ key: String, at path: JSONPath, context: String? = nil) throws(ResultsError) -> String? {
        guard let value = object[key], value != .null else { return nil }
        guard case let .string(string) = value else {
            throw fail(.wrongType, prefix(context) + "\(path.appending(key)): expected a string, found \(value.typeDescription)")
        }
        return string
    }

    private func optionalStrings(_ object: JSONObject, _ key: String, at path: JSONPath) throws(ResultsError) -> [String]? {
        guard let value = object[key], value != .null else { return nil }
        let keyPath = path.appending(key)
        var strings: [String] = []
        switch value {
        case let .array(elements):
            for (index, element) in elements.enumerated() {
                guard case let .string(string) = element else {
                    throw fail(.wrongType, "\(keyPath.appending(index: index)): expected a string, found \(element.typeDescription)")
                }
                strings.append(string)
            }
        default:
            throw fail(.wrongType, "\(keyPath): expected an array of strings, found \(value.typeDescription)")
        }
        return strings
    }

    private func optionalBool(_ object: JSONObject, _ key: String, at path: JSONPath) throws(ResultsError) -> Bool? {
        guard let value = object[key], value != .null else { return nil }
        guard case let .bool(flag) = value else {
            throw fail(.wrongType, "\(path.appending(key)): expected true or false, found \(value.typeDescription)")
        }
        return flag
    }

    private func optionalInteger(_ object: JSONObject, _ key: String, at path: JSONPath, minimum: Int, context: String? = nil) throws(ResultsError) -> Int? {
        guard let value = object[key], value != .null else { return nil }
        let memberPath = path.appending(key)
        guard case let .number(number) = value else {
            throw fail(.wrongType, prefix(context) + "\(memberPath): expected a whole number, found \(value.typeDescription)")
        }
        try checkFinite(number, at: memberPath, context: context)
        guard number == number.rounded(), number >= Double(minimum), number < 9.2e18 else {
            throw fail(.invalidValue, prefix(context) + "\(memberPath): expected a whole number ≥ \(minimum), found \(JSONNumberFormatter.string(for: number))")
        }
        return Int(number)
    }

    private func checkFinite(_ number: Double, at path: JSONPath, context: String?) throws(ResultsError) {
        guard number.isFinite else {
            let literal = document.nonFiniteLiteral(at: path) ?? NonFiniteDescription.token(for: number)
            throw fail(.nonFinite, prefix(context) + "\(path): non-finite number \(NonFiniteDescription.describe(literal: literal))")
        }
    }

    private func prefix(_ context: String?) -> String { context.map { "\($0): " } ?? "" }

    private func fail(_ problem: ResultsError.Problem, _ detail: String) -> ResultsError {
        ResultsError(file: source, problem: problem, detail: detail)
    }
}
