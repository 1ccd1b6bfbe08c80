import ArgumentParser

/// A duration on the command line: `90s`, `10m`, `1h`, `1h30m`, or plain seconds.
struct DurationArgument: ExpressibleByArgument, Sendable, Equatable {
    var seconds: Double

    init(seconds: Double) { self.seconds = seconds }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        if let plain = Double(text), plain > 0 {
            seconds = plain
            return
        }
        var total = 0.0
        var number = ""
        for character in text {
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            guard let value = Double(number) else { return nil }
            switch character {
            case "s": total += value
            case "m": total += value * 60
            case "h": total += value * 3600
            default: return nil
            }
            number = ""
        }
        guard number.isEmpty, total > 0 else { return nil }
        seconds = total
    }

    static var defaultValueDescription: String { "10m" }
}

import Foundation
