/// The parameters of one combination of an asv benchmark, and the (name, variant) they give.
struct AsvParameters {
    /// The benchmark as asv shows it: `bench.Suite.time_sum('baseline', 1000)`.
    var toolName: String
    var name: String
    /// The value of the parameter named `variant`, if there is one.
    var variant: String?
    /// The parameters other than `variant`.
    var parameters: [String: ParameterValue] = [:]

    init(benchmark: String, names: [String], values: [String]) {
        toolName = values.isEmpty ? benchmark : "\(benchmark)(\(values.joined(separator: ", ")))"
        var others: [String] = []
        for (name, text) in zip(names, values) {
            let value = Self.value(of: text)
            if name == "variant" {
                variant = value.description
            } else {
                parameters[name] = value
                others.append("\(name)=\(value)")
            }
        }
        name = others.isEmpty ? benchmark : "\(benchmark)(\(others.joined(separator: ", ")))"
    }

    /// Every combination of the parameter lists, in asv's order (`itertools.product`: the last
    /// parameter varies fastest). One empty combination when there are no parameters.
    static func combinations(_ lists: [[String]]) -> [[String]] {
        lists.reduce([[]]) { partial, list in partial.flatMap { prefix in list.map { prefix + [$0] } } }
    }

    /// A parameter's `repr` as a value: `'baseline'` → baseline, `1000` → 1000, `True` → true.
    static func value(of text: String) -> ParameterValue {
        if text.count >= 2, let quote = text.first, quote == "'" || quote == "\"", text.last == quote {
            return .string(String(text.dropFirst().dropLast()))
        }
        if let number = DecimalText.number(text), number.isFinite { return .number(number) }
        if text == "True" || text == "False" { return .bool(text == "True") }
        return .string(text)
    }
}
