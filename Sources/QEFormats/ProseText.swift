/// Small pieces of English the sentences share: lists, counted nouns, small numbers in words.
public enum ProseText {
    /// A list in prose: "a", "a and b", "a, b and c"; "" for none.
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }

    /// A count with its noun, plural when it is not 1: "1 run", "5 runs".
    public static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// "no", "one", "two", ... "ten", then digits.
    public static func number(_ value: Int) -> String {
        let words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        return value >= 0 && value < words.count ? words[value] : "\(value)"
    }
}
