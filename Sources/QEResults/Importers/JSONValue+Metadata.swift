extension JSONValue {
    /// The string, if this is a string (for a tool's informative metadata, where a value of
    /// another type is simply not used).
    var stringValue: String? {
        if case let .string(string) = self { return string }
        return nil
    }

    /// The number as a count of at least 1, if this is a whole number in range (a CPU count).
    var positiveCount: Int? {
        guard case let .number(number) = self, number.isFinite, number >= 1, number < 1e9,
              number == number.rounded() else { return nil }
        return Int(number)
    }
}
