/// A compiled `--name-pattern`, run by a Pike virtual machine (Thompson's construction with
/// submatch tracking; R. Cox, "Regular Expression Matching: the Virtual Machine Approach",
/// 2009): every position of the name is visited once, with at most one thread per
/// instruction, so a match takes O(name length × program length) steps whatever the pattern.
/// A backtracking engine (Swift's `Regex`) can take exponential time on patterns such as
/// `(a+)+$`; this one cannot.
///
/// Threads are kept in priority order and a match cuts off the threads below it, so the result
/// is the one a backtracking engine gives: the leftmost match, alternatives tried in order,
/// greedy quantifiers as long and lazy ones as short as the rest allows.
struct NamePatternProgram: Sendable {
    enum Instruction: Sendable {
        case match
        case scalar(Unicode.Scalar)
        case set(NamePatternScalarSet)
        case assertion(NamePatternAssertion)
        /// Continue at both, the first preferred.
        case split(Int, Int)
        case jump(Int)
        /// Record the position in capture slot `n` (2k: start, 2k + 1: end of capture k).
        case save(Int)
    }

    /// The most instructions a program may have (counted repetitions expand).
    static let maximumLength = 20_000

    private(set) var instructions: [Instruction] = []

    struct TooLong: Error {}

    init(_ syntax: NamePatternSyntax) throws(TooLong) {
        try emit(syntax)
        instructions.append(.match)
    }

    // MARK: - Compiling

    private mutating func append(_ instruction: Instruction) throws(TooLong) -> Int {
        guard instructions.count < Self.maximumLength else { throw TooLong() }
        instructions.append(instruction)
        return instructions.count - 1
    }

    private mutating func emit(_ syntax: NamePatternSyntax) throws(TooLong) {
        switch syntax {
        case .empty: break
        case let .scalar(scalar): _ = try append(.scalar(scalar))
        case let .set(set): _ = try append(.set(set))
        case let .assertion(assertion): _ = try append(.assertion(assertion))
        case let .sequence(items):
            for item in items { try emit(item) }
        case let .group(inner, capture):
            if let capture { _ = try append(.save(2 * capture.rawValue)) }
            try emit(inner)
            if let capture { _ = try append(.save(2 * capture.rawValue + 1)) }
        case let .alternation(alternatives):
            var jumps: [Int] = []
            for (index, alternative) in alternatives.enumerated() {
                if index < alternatives.count - 1 {
                    let split = try append(.split(0, 0))
                    try emit(alternative)
                    jumps.append(try append(.jump(0)))
                    instructions[split] = .split(split + 1, instructions.count)
                } else {
                    try emit(alternative)
                }
            }
            for jump in jumps { instructions[jump] = .jump(instructions.count) }
        case let .repetition(inner, min, max, greedy):
            for _ in 0..<min { try emit(inner) }
            if let max {
                // Optional copies nested: (e(e(e)?)?)?, each skip jumping to the end.
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(try append(.split(0, 0)))
                    try emit(inner)
                }
                for split in splits { instructions[split] = preferring(split + 1, or: instructions.count, greedy: greedy) }
            } else {
                let split = try append(.split(0, 0))
                try emit(inner)
                _ = try append(.jump(split))
                instructions[split] = preferring(split + 1, or: instructions.count, greedy: greedy)
            }
        }
    }

    private func preferring(_ body: Int, or exit: Int, greedy: Bool) -> Instruction {
        greedy ? .split(body, exit) : .split(exit, body)
    }

    // MARK: - Matching

    /// The capture slots of the leftmost match in `text` (positions are offsets in `text`; -1
    /// where a group did not take part), or nil when the pattern does not occur.
    /// - Complexity: O(n·m) for n scalars and m instructions.
    func firstMatch(in text: [Unicode.Scalar]) -> [Int]? {
        let slotCount = 2 * NamePatternCapture.allCases.count
        var current = ThreadList(capacity: instructions.count)
        var next = ThreadList(capacity: instructions.count)
        var matched: [Int]?
        for position in 0...text.count {
            if matched == nil {
                // A new thread at each position, below the ones already running: the search
                // for the leftmost match.
                addThread(to: &current, pc: 0, slots: [Int](repeating: -1, count: slotCount), at: position, in: text)
            }
            if current.isEmpty && matched != nil { break }
            next.clear()
            for thread in current.threads {
                switch instructions[thread.pc] {
                case .match:
                    matched = thread.slots
                case let .scalar(scalar):
                    if position < text.count, text[position] == scalar {
                        addThread(to: &next, pc: thread.pc + 1, slots: thread.slots, at: position + 1, in: text)
                    }
                case let .set(set):
                    if position < text.count, set.contains(text[position]) {
                        addThread(to: &next, pc: thread.pc + 1, slots: thread.slots, at: position + 1, in: text)
                    }
                default:
                    break  // handled when the thread was added
                }
                if case .match = instructions[thread.pc] { break }  // lower-priority threads lose
            }
            swap(&current, &next)
        }
        return matched
    }

    /// Adds the thread at `pc` and, through jumps, splits, saves and assertions that hold at
    /// `position`, every thread it leads to, in priority order; an instruction already in the
    /// list is not added again (that is what bounds the work).
    private func addThread(to list: inout ThreadList, pc: Int, slots: [Int], at position: Int, in text: [Unicode.Scalar]) {
        var stack: [(pc: Int, slots: [Int])] = [(pc, slots)]
        while let (pc, slots) = stack.popLast() {
            guard list.markIfNew(pc) else { continue }
            switch instructions[pc] {
            case let .jump(target):
                stack.append((target, slots))
            case let .split(first, second):
                stack.append((second, slots))
                stack.append((first, slots))
            case let .save(slot):
                var saved = slots
                saved[slot] = position
                stack.append((pc + 1, saved))
            case let .assertion(assertion):
                if Self.holds(assertion, at: position, in: text) { stack.append((pc + 1, slots)) }
            case .match, .scalar, .set:
                list.threads.append(Thread(pc: pc, slots: slots))
            }
        }
    }

    private static func holds(_ assertion: NamePatternAssertion, at position: Int, in text: [Unicode.Scalar]) -> Bool {
        switch assertion {
        case .start: return position == 0
        case .end: return position == text.count
        case .wordBoundary, .notWordBoundary:
            let before = position > 0 && NamePatternScalarSet.isWord(text[position - 1])
            let after = position < text.count && NamePatternScalarSet.isWord(text[position])
            return (before != after) == (assertion == .wordBoundary)
        }
    }

    private struct Thread {
        var pc: Int
        var slots: [Int]
    }

    /// The threads at one position, with a mark per instruction (a sparse set, cleared in
    /// O(threads)).
    private struct ThreadList {
        var threads: [Thread] = []
        private var marked: [Bool]
        private var markedList: [Int] = []

        init(capacity: Int) { marked = [Bool](repeating: false, count: capacity) }

        var isEmpty: Bool { threads.isEmpty }

        mutating func markIfNew(_ pc: Int) -> Bool {
            guard !marked[pc] else { return false }
            marked[pc] = true
            markedList.append(pc)
            return true
        }

        mutating func clear() {
            threads.removeAll(keepingCapacity: true)
            for pc in markedList { marked[pc] = false }
            markedList.removeAll(keepingCapacity: true)
        }
    }
}
