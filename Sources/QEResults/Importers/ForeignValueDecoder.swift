/// A `Decoder` over one value of a parsed ``JSONDocument`` (see ``ForeignJSONDecoder``).
///
/// It is its own single-value container: every scalar is converted here, once. Numbers must be
/// finite (a `NaN` token or `1e400` is a ``ForeignDataError`` `.nonFinite` naming the literal);
/// integers must be whole numbers in range (tools write counts as `73` or `73.0`). Type
/// mismatches say what was expected and what was found, as the rest of qe-validate does.
final class ForeignValueDecoder: Decoder, SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let document: JSONDocument
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(value: JSONValue, codingPath: [any CodingKey], document: JSONDocument) {
        self.value = value
        self.codingPath = codingPath
        self.document = document
    }

    /// A decoder for `value`, a member or element of this one reached through `key`.
    func child(_ value: JSONValue, key: any CodingKey) -> ForeignValueDecoder {
        ForeignValueDecoder(value: value, codingPath: codingPath + [key], document: document)
    }

    /// The error for a value of the wrong type: `expected an object, found a string`.
    func mismatch(_ type: Any.Type, expected: String) -> DecodingError {
        let context = DecodingError.Context(codingPath: codingPath, debugDescription: "expected \(expected), found \(value.typeDescription)")
        return value == .null ? .valueNotFound(type, context) : .typeMismatch(type, context)
    }

    // MARK: - Decoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case let .object(object) = value else { throw mismatch(JSONObject.self, expected: "an object") }
        return KeyedDecodingContainer(ForeignKeyedContainer<Key>(object: object, decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch value {
        case let .array(elements): return ForeignUnkeyedContainer(elements: elements, decoder: self)
        case let .numbers(numbers): return ForeignUnkeyedContainer(elements: numbers.map { .number($0) }, decoder: self)
        default: throw mismatch([JSONValue].self, expected: "an array")
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: - Scalars

    func decodeNil() -> Bool { value == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case let .bool(bool) = value else { throw mismatch(type, expected: "a boolean") }
        return bool
    }

    func decode(_ type: String.Type) throws -> String {
        guard case let .string(string) = value else { throw mismatch(type, expected: "a string") }
        return string
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard case let .number(number) = value else { throw mismatch(type, expected: "a number") }
        guard number.isFinite else {
            let path = ForeignJSONDecoder.path(of: codingPath)
            let literal = document.nonFiniteLiteral(at: path) ?? NonFiniteDescription.token(for: number)
            throw ForeignDataError(.nonFinite, at: codingPath, "non-finite number \(NonFiniteDescription.describe(literal: literal))")
        }
        return number
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_ type: Int.Type) throws -> Int { try integer() }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer() }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer() }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer() }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer() }
    func decode(_ type: UInt.Type) throws -> UInt { try integer() }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer() }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer() }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer() }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer() }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: self) }

    /// A whole number that fits `Integer`.
    private func integer<Integer: FixedWidthInteger>() throws -> Integer {
        let number = try decode(Double.self)
        guard number == number.rounded(), let integer = Integer(exactly: number) else {
            throw DecodingError.typeMismatch(Integer.self, DecodingError.Context(
                codingPath: codingPath,
                debugDescription: "expected a whole number from \(Integer.min) to \(Integer.max), found \(JSONNumberFormatter.string(for: number))"))
        }
        return integer
    }
}
