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

/// A JSON object: its members by key, and the keys in document order. Keys are unique (the
/// parser rejects duplicates).
struct JSONObject: Sendable, Equatable {
    private(set) var keys: [String] = []
    private var members: [String: JSONValue] = [:]

    init() {}

    /// The value of member `key`, if present.
    subscript(key: String) -> JSONValue? { members[key] }

    /// Adds a member; returns false (and changes nothing) if `key` is already present.
    mutating func insert(_ value: JSONValue, forKey key: String) -> Bool {
        if members[key] != nil { return false }
        members[key] = value
        keys.append(key)
        return true
    }
}

/// A parsed JSON text: the root value and every non-finite number in it, in document order.
struct JSONDocument: Sendable {
    var root: JSONValue
    var nonFiniteNumbers: [NonFiniteNumber]

    /// A number in the text that is not a finite double: a bare `NaN`/`Infinity` token (which
    /// RFC 8259 does not allow, but some tools write) or a literal out of range such as `1e400`.
    struct NonFiniteNumber: Sendable, Equatable {
        /// Where it is.
        var path: JSONPath
        /// The text as written, e.g. `NaN`, `-Infinity`, `1e400`.
        var literal: String
    }

    /// The literal of the non-finite number at `path`, if there is one.
    func nonFiniteLiteral(at path: JSONPath) -> String? {
        nonFiniteNumbers.first { $0.path == path }?.literal
    }
}
