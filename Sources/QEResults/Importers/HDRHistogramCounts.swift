/// An HDR histogram as package-benchmark saves it (the `Codable` form of hdrhistogram-swift's
/// `Histogram`): a count per bucket, with the layout that maps a bucket to its values.
///
/// HdrHistogram (Gil Tene) keeps values to a fixed number of significant digits: the counts
/// array holds, for each power-of-two bucket, `2^subBucketHalfCountMagnitude` linear
/// sub-buckets. ``values()`` lists every recorded value as the highest value of its bucket —
/// what hdrhistogram-swift's `recordedValues()` yields and package-benchmark's own exports
/// print — so the samples read from a baseline, a `histogram.json` and the `jmh` export of
/// one run are the same numbers.
struct HDRHistogramCounts: Decodable {
    var counts: [UInt64]
    var totalCount: UInt64
    var unitMagnitude: Int
    var subBucketHalfCountMagnitude: Int
    var significantDigits: Int?

    /// The most samples a histogram is expanded to: a bigger one is refused rather than
    /// filling the memory.
    static let expansionLimit: UInt64 = 20_000_000

    private enum CodingKeys: String, CodingKey {
        case counts, totalCount = "_totalCount", unitMagnitude, subBucketHalfCountMagnitude
        case significantDigits = "numberOfSignificantValueDigits"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        counts = try container.decode([UInt64].self, forKey: .counts)
        totalCount = try container.decode(UInt64.self, forKey: .totalCount)
        unitMagnitude = try container.decode(Int.self, forKey: .unitMagnitude)
        subBucketHalfCountMagnitude = try container.decode(Int.self, forKey: .subBucketHalfCountMagnitude)
        significantDigits = try container.decodeIfPresent(Int.self, forKey: .significantDigits)
        guard (0...62).contains(unitMagnitude), (0...30).contains(subBucketHalfCountMagnitude) else {
            throw ForeignDataError(.invalidValue, at: decoder.codingPath,
                                   "unitMagnitude \(unitMagnitude) or subBucketHalfCountMagnitude \(subBucketHalfCountMagnitude) is out of range for an HDR histogram")
        }
        var sum: UInt64 = 0
        for count in counts {
            let (total, overflow) = sum.addingReportingOverflow(count)
            guard !overflow else { throw ForeignDataError(.invalidValue, at: decoder.codingPath + [CodingKeys.counts], "the counts overflow") }
            sum = total
        }
        guard sum == totalCount else {
            throw ForeignDataError(.invalidValue, at: decoder.codingPath,
                                   "the counts add up to \(sum) but _totalCount is \(totalCount) (the file is inconsistent)")
        }
        guard totalCount > 0 else {
            throw ForeignDataError(.noSamples, at: decoder.codingPath, "the histogram is empty (no measurements)")
        }
        guard totalCount <= Self.expansionLimit else {
            throw ForeignDataError(.invalidValue, at: decoder.codingPath,
                                   "the histogram holds \(totalCount) measurements; qe-validate expands at most \(Self.expansionLimit)")
        }
        // The highest bucket's values must fit in 64 bits.
        guard let last = counts.lastIndex(where: { $0 != 0 }), Self.bucketIndex(of: last, halfCountMagnitude: subBucketHalfCountMagnitude) + unitMagnitude + subBucketHalfCountMagnitude + 1 < 64 else {
            throw ForeignDataError(.invalidValue, at: decoder.codingPath + [CodingKeys.counts], "the counts reach beyond 64-bit values")
        }
    }

    /// Every recorded value, ascending, each the highest value of its bucket (in the unit the
    /// histogram recorded: nanoseconds for package-benchmark's time metrics).
    /// - Complexity: O(counts + totalCount).
    func values() -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(Int(totalCount))
        let halfCount = 1 << subBucketHalfCountMagnitude
        for (index, count) in counts.enumerated() where count > 0 {
            var bucket = (index >> subBucketHalfCountMagnitude) - 1
            var subBucket = (index & (halfCount - 1)) + halfCount
            if bucket < 0 {
                subBucket -= halfCount
                bucket = 0
            }
            let lowest = UInt64(subBucket) << UInt64(bucket + unitMagnitude)
            let highest = lowest + (UInt64(1) << UInt64(bucket + unitMagnitude)) - 1
            values.append(contentsOf: repeatElement(Double(highest), count: Int(count)))
        }
        return values
    }

    private static func bucketIndex(of index: Int, halfCountMagnitude: Int) -> Int {
        max((index >> halfCountMagnitude) - 1, 0)
    }
}
