import Foundation
import QEResults

/// Records where timings were taken (DESIGN §2): host, OS, kernel, CPU (model name, vendor,
/// family, model, stepping and the instruction-set extensions the kernels can use, DESIGN §8),
/// cores, toolchain, build configuration, the git commit of the working directory if any, and the
/// exact command.
public enum EnvironmentProbe {
    /// - Parameter kernelISA: the instruction set the built-in kernels run with, when they are
    ///   what is measured: it is part of the build (`release; kernels avx512`), since timings of
    ///   the two paths differ about twofold and must not be compared as if alike.
    public static func capture(command: [String], kernelISA: String? = nil) -> EnvironmentInfo {
        let processor = processorIdentification()
        return EnvironmentInfo(
            host: ProcessInfo.processInfo.hostName,
            os: operatingSystem(),
            kernel: kernelRelease(),
            cpu: processor?.modelName,
            cpuVendor: processor?.vendor,
            cpuFamily: processor?.family,
            cpuModel: processor?.model,
            cpuStepping: processor?.stepping,
            cpuFeatures: processor?.features,
            cores: ProcessInfo.processInfo.activeProcessorCount,
            toolchain: toolchain,
            build: kernelISA.map { "\(buildConfiguration); kernels \($0)" } ?? buildConfiguration,
            gitCommit: gitCommit(),
            command: ShellQuoting.join(command))
    }

    /// The Swift compiler this binary was built with.
    static var toolchain: String {
        #if compiler(>=6.4)
        return "Swift 6.4 or later"
        #elseif compiler(>=6.3)
        return "Swift 6.3"
        #elseif compiler(>=6.2)
        return "Swift 6.2"
        #elseif compiler(>=6.1)
        return "Swift 6.1"
        #else
        return "Swift 6.0"
        #endif
    }

    /// `debug` or `release`: timings of a debug build say little about the code.
    static var buildConfiguration: String {
        #if DEBUG
        return "debug"
        #else
        return "release"
        #endif
    }

    static func operatingSystem() -> String? {
        guard let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8) else {
            return ProcessInfo.processInfo.operatingSystemVersionString
        }
        for line in text.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
            return String(line.dropFirst("PRETTY_NAME=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    static func kernelRelease() -> String? {
        var name = utsname()
        guard uname(&name) == 0 else { return nil }
        let release = withUnsafeBytes(of: &name.release) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        let system = withUnsafeBytes(of: &name.sysname) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        return "\(system) \(release)"
    }

    static func processorIdentification() -> ProcessorIdentification? {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        return ProcessorIdentification(cpuinfo: text)
    }

    /// `git rev-parse HEAD` in the working directory, when that is a git checkout.
    static func gitCommit() -> String? {
        let git = ChildProcess(executable: "/usr/bin/env", arguments: ["git", "rev-parse", "HEAD"], timeout: 5)
        guard let outcome = try? git.run(), outcome.ending == .exited(0) else { return nil }
        let commit = String(decoding: outcome.standardOutput, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return commit.isEmpty ? nil : commit
    }
}
