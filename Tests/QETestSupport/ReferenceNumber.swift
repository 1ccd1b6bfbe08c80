/// A number in a reference file: finite numbers as JSON numbers, infinities as the strings
/// "Inf" and "-Inf" (JSON has no infinity), missing values as null.
public struct ReferenceNumber: Decodable, Sendable, CustomStringConvertible {
    public let value: Double?

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = nil
        } else if let number = try? container.decode(Double.self) {
            value = number
        } else {
            let text = try container.decode(String.self)
            switch text {
            case "Inf", "+Inf", "Infinity": value = .infinity
            case "-Inf", "-Infinity": value = -.infinity
            case "NaN", "NA": value = .nan
            default:
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a number: \(text)")
            }
        }
    }

    public var description: String { value.map { "\($0)" } ?? "null" }
}
