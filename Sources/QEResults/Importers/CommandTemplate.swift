/// Turns a command that hyperfine expanded from a parameter scan back into its template:
/// `./sum baseline 250000 50` with `size = 250000` becomes `./sum baseline {size} 50`, so that
/// the same command at every size is one variant.
enum CommandTemplate {
    /// `command` with each whole-word occurrence of each parameter's value replaced by
    /// `{key}`. A value counts as a whole word when the characters on either side of it are
    /// not letters, digits, `_` or `.` (so `50` in `500` or in `1.50` is left alone).
    static func template(of command: String, parameters: [(key: String, value: String)]) -> String {
        var text = command
        for (key, value) in parameters where !value.isEmpty {
            text = replacingWholeWords(value, with: "{\(key)}", in: text)
        }
        return text
    }

    private static func replacingWholeWords(_ word: String, with replacement: String, in text: String) -> String {
        var result = ""
        var rest = text[...]
        while let range = rest.range(of: word) {
            let before = range.lowerBound == rest.startIndex
                ? (result.last ?? " ") : rest[rest.index(before: range.lowerBound)]
            let after = range.upperBound == rest.endIndex ? " " : rest[range.upperBound]
            if isWordCharacter(before) || isWordCharacter(after) {
                let next = rest.index(after: range.lowerBound)
                result += rest[rest.startIndex..<next]
                rest = rest[next...]
            } else {
                result += rest[rest.startIndex..<range.lowerBound] + replacement
                rest = rest[range.upperBound...]
            }
        }
        return result + rest
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "."
    }
}
