/// `EnvironmentInfo.cpuFeatures` in one text column: each feature followed by U+001F (the unit
/// separator), so that an empty list (`""`), a list of one empty name and any names with spaces
/// all read back as written.
enum FeatureList {
    static let terminator: Character = "\u{1F}"

    static func encode(_ features: [String]) -> String {
        features.map { $0 + String(terminator) }.joined()
    }

    static func decode(_ text: String) -> [String] {
        var features = text.split(separator: terminator, omittingEmptySubsequences: false).map(String.init)
        features.removeLast()  // the empty text after the last terminator
        return features
    }
}
