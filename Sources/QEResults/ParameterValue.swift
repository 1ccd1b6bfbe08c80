/// The value of one benchmark parameter (`"parameters": { "seqLen": 512, "dtype": "float32" }`):
/// a number, a string or a boolean. Nulls, arrays and objects are not parameters.
public enum ParameterValue: Hashable, Sendable, CustomStringConvertible {
    /// A finite number. Whole numbers are written without a fraction (`512`, not `512.0`).
    case number(Double)
    /// A string.
    case string(String)
    /// A boolean.
    case bool(Bool)

    /// The value as it reads in a report: `512`, `0.5`, `float32`, `true`.
    public var description: String {
        switch self {
        case let .number(value): return JSONNumberFormatter.string(for: value)
        case let .string(value): return value
        case let .bool(value): return value ? "true" : "false"
        }
    }

    /// The number, if this is a number.
    public var numberValue: Double? {
        if case let .number(value) = self { return value }
        return nil
    }

    /// The string, if this is a string.
    public var stringValue: String? {
        if case let .string(value) = self { return value }
        return nil
    }

    /// The boolean, if this is a boolean.
    public var boolValue: Bool? {
        if case let .bool(value) = self { return value }
        return nil
    }
}

extension ParameterValue: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByStringLiteral, ExpressibleByBooleanLiteral
{
    /// `"seqLen": 512`.
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    /// `"scale": 0.125`.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// `"dtype": "float32"`.
    public init(stringLiteral value: String) { self = .string(value) }
    /// `"causal": false`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
