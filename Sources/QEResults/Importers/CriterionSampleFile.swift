/// Criterion.rs's `sample.json`: per sample, its iteration count and total time (ns).
struct CriterionSampleFile: Decodable {
    var iters: [Double]
    var times: [PositiveTime]

    private enum CodingKeys: String, CodingKey {
        case iters, times
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        times = try container.decode([PositiveTime].self, forKey: .times)
        iters = try container.decode([Double].self, forKey: .iters)
        for (index, count) in iters.enumerated() where count < 1 {
            throw ForeignDataError(.invalidValue, at: decoder.codingPath + [CodingKeys.iters, ArrayIndexKey(index)],
                                   "iteration count \(JSONNumberFormatter.string(for: count)) is below 1")
        }
    }
}
