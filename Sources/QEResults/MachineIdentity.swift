/// What makes two results files comparable as measurements of one machine (DESIGN §8): the CPU
/// (model name, vendor, family, model number, stepping and the instruction-set extensions the
/// kernels can use), the core count, the OS, the toolchain and the build. The host name is left
/// out: CI runners of one type are interchangeable.
///
/// A CPU's model name alone is not enough: a Zen 3 (AVX2 only) and a Zen 4 (AVX-512) may both
/// report "AMD EPYC", and their timings of the kernels differ about twofold. Files written before
/// the identification fields existed, or by other tools, lack some of them: the identity is then
/// made of what is known, ``unrecorded`` says what is not, and such a file never matches one that
/// records those fields (two machines are only the same when they agree on every field, recorded
/// or not).
public struct MachineIdentity: Hashable, Sendable {
    /// One part of the identity.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case cpu, cpuVendor, cpuFamily, cpuModel, cpuStepping, cpuFeatures, cores, os, toolchain, build

        /// The field's name in a sentence: "CPU vendor", "core count", ...
        public var label: String {
            switch self {
            case .cpu: return "CPU model name"
            case .cpuVendor: return "CPU vendor"
            case .cpuFamily: return "CPU family"
            case .cpuModel: return "CPU model number"
            case .cpuStepping: return "CPU stepping"
            case .cpuFeatures: return "CPU instruction-set extensions"
            case .cores: return "core count"
            case .os: return "OS"
            case .toolchain: return "toolchain"
            case .build: return "build"
            }
        }
    }

    /// The recorded value of each field, as text (features joined by spaces); nil when not
    /// recorded.
    public let values: [Field: String]

    /// The identity of the machine `environment` describes.
    public init(environment: EnvironmentInfo) {
        var values: [Field: String] = [:]
        values[.cpu] = environment.cpu
        values[.cpuVendor] = environment.cpuVendor
        values[.cpuFamily] = environment.cpuFamily.map(String.init)
        values[.cpuModel] = environment.cpuModel.map(String.init)
        values[.cpuStepping] = environment.cpuStepping.map(String.init)
        values[.cpuFeatures] = environment.cpuFeatures.map { $0.sorted().joined(separator: " ") }
        values[.cores] = environment.cores.map(String.init)
        values[.os] = environment.os
        values[.toolchain] = environment.toolchain
        values[.build] = environment.build
        self.values = values
    }

    /// The fields the environment does not record, in ``Field`` order.
    public var unrecorded: [Field] { Field.allCases.filter { values[$0] == nil } }

    /// A canonical text of every field, one line each in ``Field`` order: `field=value` when
    /// recorded (backslashes and newlines escaped), `field -` when not.
    /// Equal identities have equal keys and different ones different keys; the history store
    /// keys its series by a digest of it.
    public var canonicalKey: String {
        var text = ""
        for field in Field.allCases {
            text += field.rawValue
            if let value = values[field] {
                // Escapes keep one field per line whatever the value holds.
                text += "=" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
            } else {
                text += " -"
            }
            text += "\n"
        }
        return text
    }

    /// One line for people: `AMD EPYC 7B13 (AuthenticAMD 25/1/1; avx avx2 fma), 2 cores,
    /// Debian GNU/Linux 12, Swift 6.3, release`, then `; not recorded: …` when fields are missing.
    public var summary: String {
        var cpu = values[.cpu] ?? "unknown CPU"
        let numbers = [Field.cpuFamily, .cpuModel, .cpuStepping].map { values[$0] ?? "?" }.joined(separator: "/")
        var identification: [String] = []
        if values[.cpuVendor] != nil || values[.cpuFamily] != nil || values[.cpuModel] != nil || values[.cpuStepping] != nil {
            identification.append([values[.cpuVendor], numbers].compactMap { $0 }.joined(separator: " "))
        }
        if let features = values[.cpuFeatures] { identification.append(features.isEmpty ? "no AVX" : features) }
        if !identification.isEmpty { cpu += " (" + identification.joined(separator: "; ") + ")" }
        var parts = [cpu]
        if let cores = values[.cores] { parts.append("\(cores) cores") }
        parts += [values[.os], values[.toolchain], values[.build]].compactMap { $0 }
        var text = parts.joined(separator: ", ")
        let missing = unrecorded
        if !missing.isEmpty { text += "; not recorded: " + missing.map(\.label).joined(separator: ", ") }
        return text
    }
}
