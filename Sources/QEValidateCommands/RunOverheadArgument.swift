import ArgumentParser

/// The `--run-overhead` duration: a number with a unit, `1.5s`, `200ms`, `350us` (or `µs`),
/// `800ns`, or `0`.
struct RunOverheadArgument: ExpressibleByArgument, Sendable, Equatable {
    /// The duration in seconds.
    var seconds: Double

    init(seconds: Double) {
        self.seconds = seconds
    }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        let units: [(suffix: String, seconds: Double)] = [("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1)]
        for unit in units where text.hasSuffix(unit.suffix) {
            guard let value = Double(text.dropLast(unit.suffix.count)), value.isFinite, value >= 0 else { return nil }
            seconds = value * unit.seconds
            return
        }
        guard let value = Double(text), value == 0 else { return nil }
        seconds = 0
    }

    var defaultValueDescription: String { seconds == 0 ? "0" : "\(seconds)s" }
}
