#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CCPUFeatures

/// The instruction set a kernel's hot loops run on. Both kernels exist for both; they compute the
/// same thing within the same error bound (`AttentionTolerance`), and the tests check both.
///
/// - `avx2`: this module's own code, compiled for AVX2 + FMA (`-target-cpu haswell`): 256-bit
///   registers, the 6 × 16 `PanelMicroKernel`.
/// - `avx512`: the `QEKernelsAVX512` module, compiled for AVX-512 F/CD/BW/DQ/VL
///   (`-target-cpu skylake-avx512`): 512-bit registers, a 12 × 32 micro-kernel.
///
/// The choice is made at run time: a kernel made without an explicit ISA uses `preferred`, the
/// best one this CPU and OS support, unless the environment variable `QE_KERNELS_ISA=avx2` asks
/// for the AVX2 path (to compare the two paths, or to rule the AVX-512 path out). Code compiled
/// for AVX-512 is never entered on a CPU without it: `QEKernelsAVX512` is called only from here,
/// after `isSupported` (`scripts/check-isa-isolation.sh` checks that no AVX-512 instruction sits
/// anywhere else in the binaries).
public enum KernelISA: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// AVX2 + FMA, 256-bit vectors.
    case avx2
    /// AVX-512 F, CD, BW, DQ and VL, 512-bit vectors.
    case avx512

    /// Whether this CPU, and the OS (which must save the wider registers), support it, as
    /// `__builtin_cpu_supports` reports.
    public var isSupported: Bool {
        switch self {
        case .avx2: return Self.cpuHasAVX2
        case .avx512: return Self.cpuHasAVX512
        }
    }

    /// The instruction sets this machine supports, narrowest first.
    public static var supported: [KernelISA] { allCases.filter(\.isSupported) }

    /// The name of the environment variable that can force the AVX2 path.
    public static let environmentVariable = "QE_KERNELS_ISA"

    /// The ISA a kernel uses when none is given: `avx512` when supported, otherwise `avx2`.
    /// `QE_KERNELS_ISA=avx2` selects `avx2`; `QE_KERNELS_ISA=avx512` (or `auto`, or unset) selects
    /// the best supported, so asking for AVX-512 on a machine without it still runs AVX2. Other
    /// values are ignored. Read once per process.
    public static let preferred: KernelISA = preference(environment: environmentValue(environmentVariable))

    /// The ISA chosen for a value of `QE_KERNELS_ISA` (nil when unset) on this machine.
    static func preference(environment value: String?) -> KernelISA {
        if value == KernelISA.avx2.rawValue { return .avx2 }
        return KernelISA.avx512.isSupported ? .avx512 : .avx2
    }

    /// `avx2` or `avx512`.
    public var description: String { rawValue }

    private static let cpuHasAVX2 = qe_cpu_supports_avx2_fma()
    private static let cpuHasAVX512 = qe_cpu_supports_avx512()

    private static func environmentValue(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }
}
