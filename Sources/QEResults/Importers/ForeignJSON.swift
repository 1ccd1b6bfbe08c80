/// Typed access to another tool's JSON file, for the importers: every error names the file, the
/// key path (`results[1].times[3]`) and what the tool's format has there.
struct ForeignJSON {
    /// The file's path, which starts every message.
    let source: String
    /// The format, as messages name it: `hyperfine JSON`, `pytest-benchmark JSON`, ...
    let formatName: String
    let document: JSONDocument

    /// Parses `bytes` as strict JSON (see ``JSONParser``).
    /// - Throws: ``ResultsError`` `.malformedJSON`, with line and column (a truncated file ends
    ///   up here).
    static func parse(_ bytes: [UInt8], source: String) throws(ResultsError) -> JSONDocument {
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw ResultsError(file: source, problem: .malformedJSON, detail: "malformed JSON at \(error)")
        }
    }

    func fail(_ problem: ResultsError.Problem, _ detail: String) -> ResultsError {
        ResultsError(file: source, problem: problem, detail: detail)
    }

    /// The top-level object.
    func root() throws(ResultsError) -> JSONObject {
        try object(document.root, at: .root)
    }

    func object(_ value: JSONValue, at path: JSONPath) throws(ResultsError) -> JSONObject {
        guard case let .object(object) = value else {
            throw fail(.wrongType, "\(path): expected an object (\(formatName)), found \(value.typeDescription)")
        }
        return object
    }

    /// Member `key` of `object`, which sits at `path`.
    func required(_ object: JSONObject, _ key: String, at path: JSONPath) throws(ResultsError) -> JSONValue {
        guard let value = object[key] else {
            let location = path == .root ? "" : "\(path): "
            throw fail(.missingKey, location + "missing \(JSONStringEscaper.quoted(key)) (\(formatName))")
        }
        return value
    }

    /// The elements of an array (of any kind).
    func array(_ value: JSONValue, at path: JSONPath) throws(ResultsError) -> [JSONValue] {
        switch value {
        case let .array(elements): return elements
        case let .numbers(numbers): return numbers.map { .number($0) }
        default: throw fail(.wrongType, "\(path): expected an array (\(formatName)), found \(value.typeDescription)")
        }
    }

    func string(_ value: JSONValue, at path: JSONPath) throws(ResultsError) -> String {
        guard case let .string(string) = value else {
            throw fail(.wrongType, "\(path): expected a string, found \(value.typeDescription)")
        }
        return string
    }

    /// Member `key` as a string; nil when it is absent or null.
    func optionalString(_ object: JSONObject, _ key: String, at path: JSONPath) throws(ResultsError) -> String? {
        guard let value = object[key], value != .null else { return nil }
        return try string(value, at: path.appending(key))
    }

    /// A finite number.
    func number(_ value: JSONValue, at path: JSONPath) throws(ResultsError) -> Double {
        guard case let .number(number) = value else {
            throw fail(.wrongType, "\(path): expected a number, found \(value.typeDescription)")
        }
        guard number.isFinite else {
            let literal = document.nonFiniteLiteral(at: path) ?? NonFiniteDescription.token(for: number)
            throw fail(.nonFinite, "\(path): non-finite number \(NonFiniteDescription.describe(literal: literal))")
        }
        return number
    }

    /// A whole number ≥ `minimum` (tools write counts as `73` or `73.0`).
    func wholeNumber(_ value: JSONValue, at path: JSONPath, minimum: Int) throws(ResultsError) -> Int {
        let number = try number(value, at: path)
        guard number == number.rounded(), number >= Double(minimum), number < 9.0e15 else {
            throw fail(.invalidValue, "\(path): expected a whole number ≥ \(minimum), found \(JSONNumberFormatter.string(for: number))")
        }
        return Int(number)
    }

    /// A time: a finite number greater than zero.
    func time(_ value: JSONValue, at path: JSONPath) throws(ResultsError) -> Double {
        let time = try number(value, at: path)
        guard time > 0 else {
            throw fail(.nonPositive, "\(path): non-positive time \(JSONNumberFormatter.string(for: time)) (times must be greater than zero)")
        }
        return time
    }

    /// A non-empty array of times.
    func times(_ value: JSONValue, at path: JSONPath) throws(ResultsError) -> [Double] {
        let elements = try array(value, at: path)
        guard !elements.isEmpty else {
            throw fail(.noSamples, "\(path): no times (the array is empty)")
        }
        var times: [Double] = []
        times.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            times.append(try time(element, at: path.appending(index: index)))
        }
        return times
    }

    /// A tool's parameter value as a ``ParameterValue``: numbers, strings and booleans as they
    /// are; anything else (null, arrays, objects) as its compact JSON text.
    func parameter(_ value: JSONValue, at path: JSONPath) throws(ResultsError) -> ParameterValue {
        switch value {
        case .number: return .number(try number(value, at: path))
        case let .string(string): return .string(string)
        case let .bool(bool): return .bool(bool)
        default: return .string(JSONCompactText.text(of: value))
        }
    }
}
