internal import CGSL

/// GSL's descriptive statistics, wrapped once. Callers check that the input is non-empty and
/// finite first: with the error handler off, GSL answers an empty array with 0.
extension GSL {
    /// The arithmetic mean (GSL's running-mean recurrence). `values` must not be empty.
    static func mean(_ values: UnsafeBufferPointer<Double>) -> Double {
        ready()
        return gsl_stats_mean(values.baseAddress, 1, values.count)
    }

    /// The sample variance about a known mean, with divisor n − 1. `values` needs 2 or more elements.
    static func variance(_ values: UnsafeBufferPointer<Double>, mean: Double) -> Double {
        ready()
        return gsl_stats_variance_m(values.baseAddress, 1, values.count, mean)
    }

    /// The median (mean of the two middle values when the count is even), found by quickselect.
    /// Reorders `values`, which must not be empty.
    static func medianReordering(_ values: UnsafeMutableBufferPointer<Double>) -> Double {
        ready()
        return gsl_stats_median(values.baseAddress, 1, values.count)
    }
}

extension GSL {
    static func mean(_ values: [Double]) -> Double {
        values.withUnsafeBufferPointer { mean($0) }
    }

    static func variance(_ values: [Double], mean: Double) -> Double {
        values.withUnsafeBufferPointer { variance($0, mean: mean) }
    }
}
