import Foundation
@testable import QEBench
import Testing

@Suite("Reading the CPU's identification from /proc/cpuinfo")
struct ProcessorIdentificationTests {
    /// The first lines of two processors' blocks as Linux 6.1 prints them on a Zen 4 VM.
    static let zen4 = """
    processor\t: 0
    vendor_id\t: AuthenticAMD
    cpu family\t: 25
    model\t\t: 17
    model name\t: AMD EPYC 9B14
    stepping\t: 1
    flags\t\t: fpu vme sse sse2 avx fma avx2 bmi2 avx512f avx512dq avx512cd avx512bw avx512vl avx512_bf16 vaes

    processor\t: 1
    vendor_id\t: GenuineIntel
    cpu family\t: 6
    model\t\t: 207
    """

    @Test func readsTheFirstProcessor() {
        let cpu = ProcessorIdentification(cpuinfo: Self.zen4)
        #expect(cpu.vendor == "AuthenticAMD")
        #expect(cpu.family == 25 && cpu.model == 17 && cpu.stepping == 1)
        #expect(cpu.modelName == "AMD EPYC 9B14")
        #expect(cpu.features == ["avx", "avx2", "avx512bw", "avx512cd", "avx512dq", "avx512f", "avx512vl", "fma"])
    }

    @Test func aZen3HasNoAVX512() {
        let text = Self.zen4.replacingOccurrences(of: " avx512f avx512dq avx512cd avx512bw avx512vl avx512_bf16", with: "")
        #expect(ProcessorIdentification(cpuinfo: text).features == ["avx", "avx2", "fma"])
    }

    @Test func otherArchitecturesGiveWhatTheySay() {
        let arm = "processor\t: 0\nBogoMIPS\t: 50.00\nFeatures\t: fp asimd\nCPU implementer\t: 0x41\n"
        let cpu = ProcessorIdentification(cpuinfo: arm)
        #expect(cpu.vendor == nil && cpu.family == nil && cpu.features == nil)
    }

    @Test func theProbeRecordsThisMachine() {
        let environment = EnvironmentProbe.capture(command: ["qe-validate"])
        #if arch(x86_64)
        #expect(environment.cpuVendor != nil && environment.cpuFamily != nil && environment.cpuFeatures != nil)
        #endif
        #expect(environment.cpu != nil)
    }
}
