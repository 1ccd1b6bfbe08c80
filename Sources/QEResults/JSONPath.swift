/// Where a value sits in a JSON document, written as `benchmarks[1].runs[0].samples` (array
/// indices 0-based, as in jq).
struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    /// One step: an object member or an array element.
    enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    private(set) var components: [Component]

    /// The document's root.
    static let root = JSONPath(components: [])

    init(components: [Component]) { self.components = components }

    /// This path extended by object member `key`.
    func appending(_ key: String) -> JSONPath { JSONPath(components: components + [.key(key)]) }

    /// This path extended by array element `index`.
    func appending(index: Int) -> JSONPath { JSONPath(components: components + [.index(index)]) }

    /// `benchmarks[1].runs[0].samples`; `(top level)` for the root. Keys that are not plain
    /// identifiers are quoted: `parameters["block size"]`.
    var description: String {
        if components.isEmpty { return "(top level)" }
        var text = ""
        for component in components {
            switch component {
            case let .index(index):
                text += "[\(index)]"
            case let .key(key):
                if Self.isPlainIdentifier(key) {
                    text += text.isEmpty ? key : "." + key
                } else {
                    text += "[" + JSONStringEscaper.quoted(key) + "]"
                }
            }
        }
        return text
    }

    private static func isPlainIdentifier(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return key.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
        }
    }
}
