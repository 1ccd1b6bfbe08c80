import Foundation

/// Maps data values to pixel positions along one axis of a plot: logarithmic for values that
/// span a wide range (times of two variants 50× apart, speedups from 0.5x to 100x), linear
/// otherwise; with "nice" tick values (1–2–5 steps) to label.
struct PlotScale {
    let low: Double
    let high: Double
    let start: Double
    let end: Double
    let logarithmic: Bool

    /// A scale over [`low`, `high`] (both positive when `logarithmic`) onto pixels
    /// [`start`, `end`] (`end` < `start` for an upward vertical axis).
    init(low: Double, high: Double, start: Double, end: Double, logarithmic: Bool) {
        var low = low
        var high = high
        if !(high > low) {
            // One value only: a small window around it.
            let centre = low
            low = logarithmic ? centre / 1.05 : centre - max(abs(centre) * 0.05, 1e-12)
            high = logarithmic ? centre * 1.05 : centre + max(abs(centre) * 0.05, 1e-12)
        }
        self.low = low
        self.high = high
        self.start = start
        self.end = end
        self.logarithmic = logarithmic
    }

    /// A scale for positive `values` with `padding` (a fraction of the span) on both sides;
    /// logarithmic when the largest is more than 3 times the smallest.
    static func fitting(_ values: [Double], start: Double, end: Double, padding: Double = 0.04) -> PlotScale {
        let finite = values.filter { $0.isFinite && $0 > 0 }
        let minimum = finite.min() ?? 1
        let maximum = finite.max() ?? 1
        let logarithmic = maximum / minimum > 3
        if logarithmic {
            let span = log(maximum) - log(minimum)
            return PlotScale(
                low: exp(log(minimum) - padding * span), high: exp(log(maximum) + padding * span),
                start: start, end: end, logarithmic: true)
        }
        let span = maximum - minimum
        return PlotScale(
            low: max(minimum - padding * span, minimum / 2), high: maximum + padding * span,
            start: start, end: end, logarithmic: false)
    }

    /// The pixel position of `value`, clamped to the axis.
    func position(_ value: Double) -> Double {
        let clamped = Swift.min(Swift.max(value, low), high)
        let fraction = logarithmic
            ? (log(clamped) - log(low)) / (log(high) - log(low))
            : (clamped - low) / (high - low)
        return start + fraction * (end - start)
    }

    /// Whether `value` lies on the axis (not clamped).
    func contains(_ value: Double) -> Bool { value >= low && value <= high }

    /// Tick values: 1–2–5 per decade on a logarithmic axis spanning a decade or more, otherwise
    /// about `count` evenly spaced round values.
    func ticks(count: Int = 5) -> [Double] {
        if logarithmic && high / low >= 10 {
            var ticks: [Double] = []
            var decade = pow(10, floor(log10(low)))
            while decade <= high {
                for multiple in [1.0, 2.0, 5.0] {
                    let value = decade * multiple
                    if value >= low && value <= high { ticks.append(value) }
                }
                decade *= 10
            }
            if ticks.count > 12 { ticks = ticks.filter { abs(log10($0).rounded() - log10($0)) < 1e-9 } }
            if ticks.count >= 2 { return ticks }
        }
        let step = Self.niceStep((high - low) / Double(max(count, 1)))
        var ticks: [Double] = []
        var value = ceil(low / step) * step
        while value <= high + step * 1e-9 {
            ticks.append(abs(value) < step * 1e-9 ? 0 : value)
            value += step
        }
        return ticks
    }

    /// The round number (1, 2 or 5 × 10ᵏ) nearest above `rough`.
    static func niceStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(rough)))
        for multiple in [1.0, 2.0, 5.0, 10.0] where multiple * magnitude >= rough * 0.999 {
            return multiple * magnitude
        }
        return 10 * magnitude
    }
}
