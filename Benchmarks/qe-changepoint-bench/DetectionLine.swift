import QEValidation

/// One line of the benchmark's output, written by hand rather than through
/// `JSONSerialization` (which boxes every value and took about a sixth of the process's
/// instructions): the same bytes, members in sorted order, numbers as `JSONSerialization`
/// writes them (integers without a fraction, other doubles in Swift's shortest round-trip form).
enum DetectionLine {
    static func bytes(id: String, seconds: Double, changePoints: [ChangeDocument.ChangePoint]) -> [UInt8] {
        var text = "{\"changePoints\":["
        for (position, change) in changePoints.enumerated() {
            if position > 0 { text += "," }
            text += "{\"direction\":\(string(change.direction.rawValue)),\"estimate\":\(number(change.change.estimate))"
            text += ",\"high\":\(number(change.change.high)),\"index\":\(change.index),\"low\":\(number(change.change.low))"
            text += ",\"p\":\(number(change.p))}"
        }
        text += "],\"id\":\(string(id)),\"seconds\":\(number(seconds))}\n"
        return Array(text.utf8)
    }

    /// A double as `JSONSerialization` writes it.
    static func number(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }

    /// A JSON string, escaped as `JSONSerialization` escapes it (`/` included).
    static func string(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "/": text += "\\/"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}
