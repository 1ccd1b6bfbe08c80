import Foundation

/// The CPU's identification as Linux reports it in `/proc/cpuinfo` (from `cpuid`): vendor,
/// family, model and stepping numbers, model name, and which of the instruction-set extensions
/// the kernels can use it supports (DESIGN §8: the model name alone does not tell a Zen 3 from a
/// Zen 4).
///
/// The flags line lists what both the CPU and the kernel support (Linux clears AVX-512 flags when
/// the OS does not save its registers), which is what a benchmark can actually run.
struct ProcessorIdentification: Equatable, Sendable {
    /// The extensions recorded, those `KernelISA` chooses between: AVX2 + FMA, and AVX-512
    /// F/CD/BW/DQ/VL (plus `avx` itself). Others do not change which code the kernels run.
    static let kernelFeatures: Set<String> = ["avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]

    var modelName: String?
    var vendor: String?
    var family: Int?
    var model: Int?
    var stepping: Int?
    /// The kernel-relevant extensions present, sorted; nil when the text has no flags line.
    var features: [String]?

    /// Reads the first processor's block of `/proc/cpuinfo` text (`key<TAB>: value` lines; x86
    /// keys `vendor_id`, `cpu family`, `model`, `stepping`, `model name`, `flags`). Keys it does
    /// not know are ignored, so other architectures give a mostly empty identification.
    init(cpuinfo text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if vendor != nil || modelName != nil { break }  // the end of the first processor
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "model name": modelName = value
            case "vendor_id": vendor = value
            case "cpu family": family = Int(value)
            case "model": model = Int(value)
            case "stepping": stepping = Int(value)
            case "flags":
                features = value.split(separator: " ").map(String.init).filter(Self.kernelFeatures.contains).sorted()
            default: continue
            }
        }
    }
}
