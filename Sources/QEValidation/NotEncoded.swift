/// A property a document keeps in memory for its renderers but does not write: its JSON stays as
/// the schema says. Decoding gives the property's empty value.
@propertyWrapper
public struct NotEncoded<Value: Sendable & Equatable & ExpressibleByArrayLiteral>: Codable, Sendable, Equatable {
    public var wrappedValue: Value

    public init(wrappedValue: Value) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        wrappedValue = []
    }

    public func encode(to encoder: any Encoder) throws {}
}

extension KeyedEncodingContainer {
    /// Writes nothing, not even the key.
    public mutating func encode<Value>(_ value: NotEncoded<Value>, forKey key: Key) throws {}
}

extension KeyedDecodingContainer {
    /// Reads nothing: the key is never written.
    public func decode<Value>(_ type: NotEncoded<Value>.Type, forKey key: Key) throws -> NotEncoded<Value> {
        NotEncoded(wrappedValue: [])
    }
}
