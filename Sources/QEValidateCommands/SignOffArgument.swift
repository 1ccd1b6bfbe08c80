import ArgumentParser
import Foundation

/// `--signed-off-by` of `baseline update` and `report`, checked the same way in both: `Name
/// <email>` on one line, as git's Signed-off-by trailer writes it — a name, then an address
/// with one `@` and no spaces, and no control character anywhere (a line break would let a
/// sign-off write its own lines into a report).
enum SignOffArgument {
    /// Whether `text` is `Name <email>`.
    static func isValid(_ text: String) -> Bool {
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
            let open = text.lastIndex(of: "<"), text.hasSuffix(">")
        else { return false }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        let email = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard !name.isEmpty, !name.contains("<"), !name.contains(">") else { return false }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && !email.contains(" ")
    }

    /// - Throws: `ValidationError` (exit 64) saying the form expected.
    static func check(_ text: String) throws {
        guard isValid(text) else {
            throw ValidationError(
                "--signed-off-by must be 'Name <email>' on one line, for example \"Ada Lovelace <ada@example.org>\" (got '\(text.debugDescription.dropFirst().dropLast())')")
        }
    }
}
