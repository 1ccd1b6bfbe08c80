import Foundation
import ArgumentParser

/// A relative size on the command line: `2%` or the fraction `0.02`.
struct PercentageArgument: ExpressibleByArgument, Sendable, Equatable {
    /// The fraction: 0.02 for `2%`.
    var fraction: Double

    init(fraction: Double) {
        self.fraction = fraction
    }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("%") {
            guard let percent = Double(text.dropLast().trimmingCharacters(in: .whitespaces)), percent.isFinite else { return nil }
            fraction = percent / 100
        } else {
            // A bare number is a fraction; "2" would be 200%, almost surely a mistake.
            guard let value = Double(text), value.isFinite, value < 1 else { return nil }
            fraction = value
        }
    }

    var defaultValueDescription: String {
        var text = String(format: "%.4f", fraction * 100)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + "%"
    }
}
