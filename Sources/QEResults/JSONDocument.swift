/// A parsed JSON text: the root value and every non-finite number in it, in document order.
struct JSONDocument: Sendable {
    var root: JSONValue
    var nonFiniteNumbers: [NonFiniteNumber]

    /// A number in the text that is not a finite double: a bare `NaN`/`Infinity` token (which
    /// RFC 8259 does not allow, but some tools write) or a literal out of range such as `1e400`.
    struct NonFiniteNumber: Sendable, Equatable {
        /// Where it is.
        var path: JSONPath
        /// The text as written, e.g. `NaN`, `-Infinity`, `1e400`.
        var literal: String
    }

    /// The literal of the non-finite number at `path`, if there is one.
    func nonFiniteLiteral(at path: JSONPath) -> String? {
        nonFiniteNumbers.first { $0.path == path }?.literal
    }
}
