/// The coding key of an array element: ``ForeignJSONDecoder/path(of:)`` writes it `[index]`.
struct ArrayIndexKey: CodingKey {
    var index: Int
    init(_ index: Int) { self.index = index }
    init?(intValue: Int) { self.index = intValue }
    init?(stringValue: String) { return nil }
    var intValue: Int? { index }
    var stringValue: String { "\(index)" }
}

/// The coding key of an object member named at run time (members a model reads by name from a
/// list, or all of them).
struct MemberKey: CodingKey {
    var stringValue: String
    init(stringValue: String) { self.stringValue = stringValue }
    init(_ name: String) { self.stringValue = name }
    init?(intValue: Int) { return nil }
    var intValue: Int? { nil }
}
