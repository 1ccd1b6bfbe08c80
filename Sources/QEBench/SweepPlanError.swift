/// Why a sweep cannot be measured as asked. Found before anything is started.
public enum SweepPlanError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `--parameter` that does not read as NAME=V1,V2,….
    case malformedParameter(String, reason: String)
    case noParameters
    case repeatedParameter(String)
    /// The built-in kernels take seqLen and dim only.
    case unknownKernelParameter(String)
    /// seqLen and dim must be positive whole numbers.
    case invalidShapeValue(parameter: String, value: String)
    /// `--workload custom` needs both seqLen and dim.
    case missingShapeParameter(String)
    /// A parameter appears in no command as `{NAME}`.
    case unusedParameter(String)
    /// A point needs more memory than the machine has (or has free now).
    case notEnoughMemory(point: String, neededBytes: Int, availableBytes: Int, totalBytes: Int)

    public var description: String {
        switch self {
        case let .malformedParameter(text, reason):
            return "--parameter '\(text)': \(reason)"
        case .noParameters:
            return "a sweep needs at least one --parameter NAME=V1,V2,…"
        case let .repeatedParameter(name):
            return "--parameter \(name) is given twice; give all its values in one --parameter \(name)=V1,V2,…"
        case let .unknownKernelParameter(name):
            return "the built-in kernels take the parameters seqLen and dim, not '\(name)'"
        case let .invalidShapeValue(parameter, value):
            return "\(parameter) must be a positive whole number, not '\(value)'"
        case let .missingShapeParameter(name):
            return "--workload custom needs --parameter \(name)=…"
        case let .unusedParameter(name):
            return "--parameter \(name) appears in no command: write {\(name)} where its value goes"
        case let .notEnoughMemory(point, needed, available, total):
            return "\(point) needs \(Self.gibibytes(needed)) of memory for its kernels and inputs, but the machine has \(Self.gibibytes(total)) with \(Self.gibibytes(available)) available now; leave that point out"
        }
    }

    private static func gibibytes(_ bytes: Int) -> String {
        let value = Double(bytes) / 1_073_741_824
        return value >= 10 ? "\(Int(value.rounded())) GiB" : "\((value * 10).rounded() / 10) GiB"
    }
}
