/// Parses a `--name-pattern` into ``NamePatternSyntax``: the common regular-expression syntax
/// (Swift `Regex`, PCRE, Python) without the constructs that need backtracking.
///
/// Supported: literals and `\`-escaped punctuation, `.`, classes `[a-z_]`, `[^/]`, `\d \w \s
/// \D \W \S`, `\t \n \r`, anchors `^ $ \A \z \Z \b \B`, groups `( )`, `(?: )`, named groups
/// `(?<g> )`, `(?'g' )`, `(?P<g> )`, alternation `|`, and quantifiers `* + ? {n} {n,} {n,m}`
/// with their lazy forms (`*?`). Refused, with the reason: backreferences, lookaround,
/// possessive quantifiers, inline options, Unicode property classes.
struct NamePatternParser {
    /// Why a pattern cannot be used, without the pattern (``NamePatternError`` adds it).
    struct Failure: Error {
        var reason: String
    }

    /// The most repetitions one counted quantifier may ask for.
    static let maximumCount = 1000

    private let scalars: [Unicode.Scalar]
    private var position = 0
    private(set) var captures: Set<NamePatternCapture> = []

    static func parse(_ pattern: String) throws(Failure) -> (syntax: NamePatternSyntax, captures: Set<NamePatternCapture>) {
        var parser = NamePatternParser(scalars: Array(pattern.unicodeScalars))
        let syntax = try parser.alternation()
        if parser.position < parser.scalars.count {
            throw parser.fail("unbalanced ')'")
        }
        return (syntax, parser.captures)
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private func fail(_ reason: String) -> Failure {
        Failure(reason: "\(reason) at character \(min(position, scalars.count) + 1)")
    }

    private func unsupported(_ what: String) -> Failure {
        Failure(reason: "\(what) at character \(position + 1) is not supported (name patterns are matched in linear time, without backtracking)")
    }

    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    // MARK: - Grammar

    private mutating func alternation() throws(Failure) -> NamePatternSyntax {
        var alternatives = [try sequence()]
        while current == "|" {
            position += 1
            alternatives.append(try sequence())
        }
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    private mutating func sequence() throws(Failure) -> NamePatternSyntax {
        var items: [NamePatternSyntax] = []
        while let scalar = current, scalar != "|", scalar != ")" {
            let atom = try self.atom()
            items.append(try quantified(atom))
        }
        return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .sequence(items))
    }

    private mutating func quantified(_ atom: NamePatternSyntax) throws(Failure) -> NamePatternSyntax {
        guard let scalar = current else { return atom }
        var bounds: (min: Int, max: Int?)
        switch scalar {
        case "*": bounds = (0, nil); position += 1
        case "+": bounds = (1, nil); position += 1
        case "?": bounds = (0, 1); position += 1
        case "{":
            guard let counted = try countedBounds() else { return atom }
            bounds = counted
        default: return atom
        }
        if case .assertion = atom { throw fail("a quantifier after an anchor") }
        var greedy = true
        if current == "?" {
            greedy = false
            position += 1
        } else if current == "+" {
            throw unsupported("a possessive quantifier")
        }
        if let next = current, next == "*" || next == "+" || (next == "?" && greedy) || next == "{" && (try? lookaheadCounted()) == true {
            throw fail("a quantifier after a quantifier")
        }
        return .repetition(atom, min: bounds.min, max: bounds.max, greedy: greedy)
    }

    /// Whether a `{n,m}` quantifier starts here (otherwise `{` is a literal).
    private func lookaheadCounted() throws(Failure) -> Bool {
        var copy = self
        return try copy.countedBounds() != nil
    }

    /// `{n}`, `{n,}`, `{n,m}`, or nil (and nothing consumed) when `{` does not start one.
    private mutating func countedBounds() throws(Failure) -> (min: Int, max: Int?)? {
        let start = position
        position += 1
        func number() -> Int? {
            var digits = ""
            while let scalar = current, ("0"..."9").contains(scalar), digits.count < 9 {
                digits.unicodeScalars.append(scalar)
                position += 1
            }
            return Int(digits)
        }
        guard let low = number() else { position = start; return nil }
        var high: Int? = low
        if current == "," {
            position += 1
            high = number()
        }
        guard current == "}" else { position = start; return nil }
        position += 1
        if let high, high < low { throw fail("{\(low),\(high)}: the maximum is below the minimum") }
        guard max(low, high ?? low) <= Self.maximumCount else {
            throw fail("a count above \(Self.maximumCount)")
        }
        return (low, high)
    }

    private mutating func atom() throws(Failure) -> NamePatternSyntax {
        guard let scalar = current else { throw fail("an unexpected end") }
        switch scalar {
        case "(": return try group()
        case "[":
            position += 1
            return .set(try characterClass())
        case ".":
            position += 1
            return .set(NamePatternScalarSet(classes: [.notNewline]))
        case "^":
            position += 1
            return .assertion(.start)
        case "$":
            position += 1
            return .assertion(.end)
        case "\\": return try escape(inClass: false)
        case "*", "+", "?": throw fail("a quantifier with nothing to repeat")
        default:
            position += 1
            return .scalar(scalar)
        }
    }

    private mutating func group() throws(Failure) -> NamePatternSyntax {
        position += 1
        var capture: NamePatternCapture?
        if current == "?" {
            position += 1
            switch current {
            case ":": position += 1
            case "<" where peek(1) == "=" || peek(1) == "!": throw unsupported("lookbehind")
            case "=", "!": throw unsupported("lookahead")
            case "<", "'", "P":
                capture = try groupName()
            default: throw unsupported("the group option (?\(current.map(String.init) ?? "")")
            }
        }
        let inner = try alternation()
        guard current == ")" else { throw fail("a '(' without its ')'") }
        position += 1
        return .group(inner, capture: capture)
    }

    /// The name of `(?<g>`, `(?'g'` or `(?P<g>`: the capture it is, if `name` or `variant`.
    private mutating func groupName() throws(Failure) -> NamePatternCapture? {
        if current == "P" { position += 1 }
        guard let open = current, open == "<" || open == "'" else { throw fail("a group name must follow (?P") }
        let close: Unicode.Scalar = open == "<" ? ">" : "'"
        position += 1
        var name = ""
        while let scalar = current, scalar != close {
            guard NamePatternScalarSet.isWord(scalar) else { throw fail("\(JSONStringEscaper.quoted(String(scalar))) in a group name") }
            name.unicodeScalars.append(scalar)
            position += 1
        }
        guard current == close, !name.isEmpty else { throw fail("an unfinished group name") }
        position += 1
        guard let capture = name == "name" ? NamePatternCapture.name : name == "variant" ? .variant : nil else { return nil }
        guard captures.insert(capture).inserted else { throw fail("a second (?<\(name)>...) group") }
        return capture
    }

    private mutating func characterClass() throws(Failure) -> NamePatternScalarSet {
        var set = NamePatternScalarSet()
        if current == "^" {
            set.negated = true
            position += 1
        }
        var first = true
        while true {
            guard let scalar = current else { throw fail("a '[' without its ']'") }
            if scalar == "]" && !first {
                position += 1
                return set
            }
            first = false
            if scalar == "[" && peek(1) == ":" { throw unsupported("a POSIX class [:…:]") }
            let low: Unicode.Scalar
            if scalar == "\\" {
                switch try escape(inClass: true) {
                case let .scalar(literal): low = literal
                case let .set(inner):
                    set.classes += inner.classes
                    continue
                default: throw fail("an escape that is not a character inside [...]")
                }
            } else {
                low = scalar
                position += 1
            }
            if current == "-", let next = peek(1), next != "]" {
                position += 1
                let high: Unicode.Scalar
                if next == "\\" {
                    guard case let .scalar(literal) = try escape(inClass: true) else { throw fail("a class as the end of a range") }
                    high = literal
                } else {
                    high = next
                    position += 1
                }
                guard low.value <= high.value else { throw fail("the range \(low)-\(high) is backwards") }
                set.ranges.append(low.value...high.value)
            } else {
                set.ranges.append(low.value...low.value)
            }
        }
    }

    private mutating func escape(inClass: Bool) throws(Failure) -> NamePatternSyntax {
        position += 1
        guard let scalar = current else { throw fail("a '\\' at the end") }
        position += 1
        switch scalar {
        case "d": return .set(NamePatternScalarSet(classes: [.digit]))
        case "D": return .set(NamePatternScalarSet(classes: [.notDigit]))
        case "w": return .set(NamePatternScalarSet(classes: [.word]))
        case "W": return .set(NamePatternScalarSet(classes: [.notWord]))
        case "s": return .set(NamePatternScalarSet(classes: [.space]))
        case "S": return .set(NamePatternScalarSet(classes: [.notSpace]))
        case "t": return .scalar("\t")
        case "n": return .scalar("\n")
        case "r": return .scalar("\r")
        case "b" where !inClass: return .assertion(.wordBoundary)
        case "B" where !inClass: return .assertion(.notWordBoundary)
        case "A" where !inClass: return .assertion(.start)
        case "z", "Z": if !inClass { return .assertion(.end) }
        default: break
        }
        position -= 1
        if ("1"..."9").contains(scalar) || scalar == "k" || scalar == "g" { throw unsupported("a backreference") }
        if scalar == "p" || scalar == "P" { throw unsupported("a Unicode property class") }
        guard !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) else {
            throw unsupported("the escape \\\(scalar)")
        }
        position += 1
        return .scalar(scalar)
    }
}
