/// A parsed JSON value, as ``JSONParser`` makes it: a light tree whose arrays of numbers are
/// stored as `[Double]` directly, so a results file's millions of samples cost no per-element
/// enum boxing.
///
/// Numbers may be non-finite here (a bare `NaN` token, or `1e400`, which overflows); the
/// parser lists where in ``JSONDocument/nonFiniteNumbers`` and the results reader rejects them.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    /// A non-empty array whose elements are all numbers.
    case numbers([Double])
    /// Any other array, including the empty array.
    case array([JSONValue])
    case object(JSONObject)

    /// The value's JSON type with an article, for messages: "a string", "an array", ...
    var typeDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .numbers, .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The elements as doubles, if this is an array of numbers (the empty array included).
    var numberArray: [Double]? {
        switch self {
        case let .numbers(values): return values
        case let .array(values):
            var result: [Double] = []
            result.reserveCapacity(values.count)
            for value in values {
                guard case let .number(number) = value else { return nil }
                result.append(number)
            }
            return result
        default: return nil
        }
    }

    /// The number of elements, if this is an array.
    var arrayCount: Int? {
        switch self {
        case let .numbers(values): return values.count
        case let .array(values): return values.count
        default: return nil
        }
    }
}
