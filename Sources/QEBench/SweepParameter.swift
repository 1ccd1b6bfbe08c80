import Foundation

import QEResults

/// One parameter of a sweep and the values it takes, as given on the command line:
/// `--parameter seqLen=512,1024,2048`. A value that reads as a finite number is a number,
/// anything else a string.
public struct SweepParameter: Sendable, Equatable {
    public var name: String
    public var values: [ParameterValue]

    public init(name: String, values: [ParameterValue]) {
        self.name = name
        self.values = values
    }

    /// Reads `NAME=V1,V2,…`.
    /// - Throws: `SweepPlanError.malformedParameter` for a missing `=`, a name that is not a
    ///   word (letters, digits, `_`, `-`, not starting with a digit), an empty value or a
    ///   repeated one.
    public static func parse(_ text: String) throws(SweepPlanError) -> SweepParameter {
        guard let equals = text.firstIndex(of: "=") else {
            throw .malformedParameter(text, reason: "expected NAME=V1,V2,…")
        }
        let name = String(text[..<equals])
        guard let first = name.unicodeScalars.first, !ParameterNameCharacters.digits.contains(first),
            name.unicodeScalars.allSatisfy(ParameterNameCharacters.allowed.contains)
        else {
            throw .malformedParameter(text, reason: "the name must be a word of letters, digits, '_' or '-', not starting with a digit")
        }
        let texts = text[text.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !texts.contains(where: \.isEmpty) else {
            throw .malformedParameter(text, reason: "a value is empty")
        }
        var values: [ParameterValue] = []
        for value in texts {
            let parsed: ParameterValue = Double(value).map { $0.isFinite ? .number($0) : .string(value) } ?? .string(value)
            guard !values.contains(parsed) else { throw .malformedParameter(text, reason: "the value \(value) is given twice") }
            values.append(parsed)
        }
        return SweepParameter(name: name, values: values)
    }
}

/// The characters of a parameter name.
private enum ParameterNameCharacters {
    static let digits = Set("0123456789".unicodeScalars)
    static let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-".unicodeScalars)
}
