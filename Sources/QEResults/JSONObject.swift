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
