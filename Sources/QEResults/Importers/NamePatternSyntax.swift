/// The parsed form of a `--name-pattern` (see ``NamePattern``): a tree of the constructs the
/// linear-time matcher supports.
indirect enum NamePatternSyntax: Equatable, Sendable {
    case empty
    /// One Unicode scalar.
    case scalar(Unicode.Scalar)
    /// One scalar of a set (`.`, `[a-z]`, `\d`, ...).
    case set(NamePatternScalarSet)
    /// A zero-width test of the position: `^`, `$`, `\b`, `\B`.
    case assertion(NamePatternAssertion)
    case sequence([NamePatternSyntax])
    /// Alternatives, the first that matches preferred (as in a backtracking engine).
    case alternation([NamePatternSyntax])
    /// `min` to `max` (nil: unbounded) repetitions, as many as possible when `greedy`.
    case repetition(NamePatternSyntax, min: Int, max: Int?, greedy: Bool)
    /// A group; `capture` is the capture slot pair of a `name` or `variant` group.
    case group(NamePatternSyntax, capture: NamePatternCapture?)
}

/// The groups a pattern captures.
enum NamePatternCapture: Int, CaseIterable, Sendable {
    case name = 0
    case variant = 1
}

/// Zero-width tests of a position.
enum NamePatternAssertion: Equatable, Sendable {
    case start, end, wordBoundary, notWordBoundary
}

/// A set of Unicode scalars: ranges and the classes `\d`, `\w`, `\s` (Unicode decimal digits,
/// word characters and white space, as Swift's `Regex` reads them), possibly negated.
struct NamePatternScalarSet: Equatable, Sendable {
    enum Class: Equatable, Sendable {
        case digit, word, space
        case notDigit, notWord, notSpace
        /// `.`: anything but a line break.
        case notNewline
    }

    var ranges: [ClosedRange<UInt32>] = []
    var classes: [Class] = []
    var negated = false

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let inSet = ranges.contains { $0.contains(scalar.value) } || classes.contains { Self.belongs(scalar, to: $0) }
        return inSet != negated
    }

    static func belongs(_ scalar: Unicode.Scalar, to set: Class) -> Bool {
        switch set {
        case .digit: return scalar.properties.numericType == .decimal
        case .word: return isWord(scalar)
        case .space: return scalar.properties.isWhitespace
        case .notDigit: return scalar.properties.numericType != .decimal
        case .notWord: return !isWord(scalar)
        case .notSpace: return !scalar.properties.isWhitespace
        case .notNewline: return scalar != "\n" && scalar != "\r"
        }
    }

    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
            || scalar.properties.generalCategory == .nonspacingMark
    }
}
