/// The compact JSON text of a parsed value (`[1,"a",null]`), for tool parameters that are not a
/// number, string or boolean, so they can still be shown and told apart.
enum JSONCompactText {
    static func text(of value: JSONValue) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func append(_ value: JSONValue, to bytes: inout [UInt8]) {
        switch value {
        case .null: bytes.append(contentsOf: "null".utf8)
        case let .bool(bool): bytes.append(contentsOf: (bool ? "true" : "false").utf8)
        case let .number(number):
            bytes.append(contentsOf: (number.isFinite ? JSONNumberFormatter.string(for: number) : NonFiniteDescription.token(for: number)).utf8)
        case let .string(string): JSONStringEscaper.append(string, to: &bytes)
        case let .numbers(numbers): appendElements(numbers.map { JSONValue.number($0) }, to: &bytes)
        case let .array(elements): appendElements(elements, to: &bytes)
        case let .object(object):
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in object.keys.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONStringEscaper.append(key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                if let member = object[key] { append(member, to: &bytes) }
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private static func appendElements(_ elements: [JSONValue], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(element, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }
}
