/// A JSON value as a tree, for comparing what a report states with what is recomputed, value by
/// value. Integers are kept exact (a 64-bit seed must not pass through a double).
indirect enum JSONTree: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case unsigned(UInt64)
    case number(Double)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(UInt64.self) {
            self = .unsigned(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONTree].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONTree].self))
        }
    }

    /// The value as a double, for any number.
    var numberValue: Double? {
        switch self {
        case let .integer(value): return Double(value)
        case let .unsigned(value): return Double(value)
        case let .number(value): return value
        default: return nil
        }
    }

    /// Short text of the value for messages.
    var summary: String {
        switch self {
        case .null: return "null"
        case let .bool(value): return value ? "true" : "false"
        case let .integer(value): return String(value)
        case let .unsigned(value): return String(value)
        case let .number(value): return "\(value)"
        case let .string(value):
            let short = value.count > 60 ? String(value.prefix(57)) + "…" : value
            return "\"\(short)\""
        case let .array(values): return "an array of \(values.count)"
        case let .object(members): return "an object of \(members.count) keys"
        }
    }
}
