/// A time in another tool's file: a finite number greater than zero.
struct PositiveTime: Decodable {
    let value: Double

    init(from decoder: any Decoder) throws {
        let number = try decoder.singleValueContainer().decode(Double.self)
        guard number > 0 else {
            throw ForeignDataError(.nonPositive, at: decoder.codingPath,
                                   "non-positive time \(JSONNumberFormatter.string(for: number)) (times must be greater than zero)")
        }
        value = number
    }
}
